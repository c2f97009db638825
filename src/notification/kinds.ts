import { registerEnumType } from 'type-graphql';
import { sqlList } from '../auth/roles';

/** What a notification is about; the client may pick an icon or a page by it. */
export enum NotificationKind {
  CONSULTATION_ESCALATED = 'CONSULTATION_ESCALATED',
  REFERRAL_INCOMING = 'REFERRAL_INCOMING',
  BOOKING_MOVED = 'BOOKING_MOVED',
  BOOKING_NEEDS_REBOOKING = 'BOOKING_NEEDS_REBOOKING',
  CONSULTATION_CLAIMED = 'CONSULTATION_CLAIMED',
  CONSULTATION_SCHEDULED = 'CONSULTATION_SCHEDULED',
  CONSULTATION_STARTED = 'CONSULTATION_STARTED',
  OPINION_WRITTEN = 'OPINION_WRITTEN',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  valuesConfig: {
    CONSULTATION_ESCALATED: { description: 'To schedulers: a consultation request waited past its claim deadline' },
    REFERRAL_INCOMING: { description: 'To the receiving specialty: a referral was proposed to your hospital' },
    BOOKING_MOVED: { description: 'To the booking doctor: a cancelled session moved your booking to another' },
    BOOKING_NEEDS_REBOOKING: { description: 'To the booking doctor: a cancelled session left your booking without a place' },
    CONSULTATION_CLAIMED: { description: 'To the requesting doctor: a specialist took the request (claimed or assigned)' },
    CONSULTATION_SCHEDULED: { description: 'To the requesting doctor: the video session has a time' },
    CONSULTATION_STARTED: { description: 'To the requesting doctor: the consultation room is open' },
    OPINION_WRITTEN: { description: 'To the requesting doctor: the specialist wrote the opinion' },
  },
});

export const NOTIFICATION_KINDS_SQL = sqlList(NotificationKind);
