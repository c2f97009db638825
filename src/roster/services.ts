import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/service';
import type { HubConfig } from '../config';
import { createLogger } from '../server/logger';
import { AvailabilityService } from './availability-service';
import { BookingService } from './booking-service';
import { DemandService } from './demand-service';
import { RosterJobRunner } from './job-runner';
import { RosterService } from './roster-service';

/** The rotation area's services, for src/server/context.ts createServices. */
export function rosterServices(db: DataSource, audit: AuditTrail, config: HubConfig) {
  return {
    availability: new AvailabilityService(db),
    demands: new DemandService(db),
    rosters: new RosterService(db),
    // Jobs outlive the request that started them, so they log on their own.
    rosterJobs: new RosterJobRunner(db, createLogger(config.logLevel, 'roster-jobs')),
    bookings: new BookingService(db, audit),
  };
}
