import { AuditEntry } from '../audit/entities';
import { bookingEntities } from '../booking/entities';
import { Credential } from '../auth/entities';
import { Consultation, ConsultationAttachment, ConsultationOpinion } from '../consult/entities';
import { Consortium, ConsortiumMembership, Department, Grid, Hospital, Patient, Person, PersonSpecialty } from '../consortium/entities';
import { EventRecord } from '../events/entities';
import { Notification, NotificationCursor, NotificationOutbox } from '../notification/entities';
import { Referral, ReferralCriterion, ReferralCriterionCitation } from '../referral/entities';
import { RoomInvitation } from '../room/entities';
import { rosterEntities } from '../roster/entities';

/** Every TypeORM entity of the hub; a feature adds its own here. */
export const entities = [
  Consortium, Grid, Hospital, ConsortiumMembership, Department, Person, PersonSpecialty, Patient,
  Credential, AuditEntry, EventRecord,
  ...rosterEntities, ...bookingEntities,
  Consultation, ConsultationOpinion, ConsultationAttachment, ReferralCriterion, Referral, ReferralCriterionCitation,
  RoomInvitation,
  Notification, NotificationOutbox, NotificationCursor,
];
