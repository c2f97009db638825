import { DataSource } from 'typeorm';
import type { HubConfig } from '../config';
import { createLogger } from '../graphql/logger';
import { AvailabilityService } from './availability-service';
import { DemandService } from './demand-service';
import { RosterJobRunner } from './job-runner';
import { RosterService } from './roster-service';

/** The rotation area's services, for src/server/context.ts createServices. */
export function rosterServices(db: DataSource, config: HubConfig) {
  return {
    availability: new AvailabilityService(db),
    demands: new DemandService(db),
    rosters: new RosterService(db),
    // Jobs outlive the request that started them, so they log on their own.
    rosterJobs: new RosterJobRunner(db, createLogger(config.logLevel, 'roster-jobs')),
  };
}
