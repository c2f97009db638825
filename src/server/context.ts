import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuthService } from '../auth/service';
import { AuditTrail } from '../audit/service';
import { createDirectoryLoaders, DirectoryLoaders } from '../consortium/loaders';
import { PatientService } from '../consortium/patient-service';
import { PeopleService } from '../consortium/people-service';
import { DirectoryService } from '../consortium/service';
import type { HubConfig } from '../config';
import type { EventBus } from '../events/event-bus';

/** The services of one hub process; resolvers reach them through the request context. */
export function createServices(db: DataSource, config: HubConfig) {
  const audit = new AuditTrail(db);
  return {
    audit,
    auth: new AuthService(db, config.jwtSecret, config.jwtTtlSeconds),
    directory: new DirectoryService(db),
    people: new PeopleService(db),
    patients: new PatientService(db, audit, config.nationalIdKey),
  };
}

export type Services = ReturnType<typeof createServices>;

export interface HubContext {
  actor: Actor | null;
  services: Services;
  loaders: DirectoryLoaders;
  bus: EventBus;
}

export function createContext(actor: Actor | null, db: DataSource, services: Services, bus: EventBus): HubContext {
  return { actor, services, bus, loaders: createDirectoryLoaders(db) };
}
