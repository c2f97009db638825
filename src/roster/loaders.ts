import { DataSource } from 'typeorm';
import { byId } from '../consortium/loaders';
import { Roster, RotationDemand } from './entities';

export function createRosterLoaders(db: DataSource) {
  return {
    roster: byId(db, Roster),
    demand: byId(db, RotationDemand),
  };
}

export type RosterLoaders = ReturnType<typeof createRosterLoaders>;
