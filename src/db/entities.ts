import { AuditEntry } from '../audit/entities';
import { Credential } from '../auth/entities';
import { Consortium, ConsortiumMembership, Department, Grid, Hospital, Patient, Person, PersonSpecialty } from '../consortium/entities';
import { EventRecord } from '../events/entities';

/** Every TypeORM entity of the hub; a feature adds its own here. */
export const entities = [
  Consortium, Grid, Hospital, ConsortiumMembership, Department, Person, PersonSpecialty, Patient,
  Credential, AuditEntry, EventRecord,
];
