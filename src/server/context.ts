import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import type { ClientInfo } from '../auth/sessions';
import type { HubContext } from '../graphql/context';
import { AuthService } from '../auth/service';
import { CalendarService, SpecialistCalendarService } from '../calendar/service';
import { AuditTrail } from '../audit/service';
import { createDirectoryLoaders, DirectoryLoaders } from '../consortium/loaders';
import { PatientService } from '../consortium/patient-service';
import { PeopleService } from '../consortium/people-service';
import { DirectoryService } from '../consortium/service';
import type { HubConfig } from '../config';
import type { EventBus } from '../events/event-bus';
import { AttachmentService } from '../consult/attachments';
import { createConsultLoaders, ConsultLoaders } from '../consult/loaders';
import { ConsultationPreviews } from '../consult/preview';
import { ConsultationQueueReader } from '../consult/queue';
import { ConsultationService } from '../consult/service';
import { ReferralCriteriaService } from '../referral/criteria-service';
import { createReferralLoaders, ReferralLoaders } from '../referral/loaders';
import { ReferralService } from '../referral/service';
import { AssessmentRecords } from '../assessment/records';
import { AssessmentService } from '../assessment/service';
import { BookingService } from '../booking/service';
import { createBookingLoaders, BookingLoaders } from '../booking/loaders';
import { createRosterLoaders, RosterLoaders } from '../roster/loaders';
import { rosterServices } from '../roster/services';
import type { MediaApi } from '../../media';
import { RoomInvitations } from '../room/invitations';
import { RoomSignalling } from '../room/service';
import { createLogger, Logger } from '../graphql/logger';
import type { Language } from '../i18n/language';
import { NotificationService } from '../notification/service';

/** The services of one hub process; resolvers reach them through the request context. */
export function createServices(db: DataSource, config: HubConfig, media: MediaApi | null = null, log: Logger = createLogger('silent')) {
  const audit = new AuditTrail(db);
  const consult = consultServices(db, config, audit);
  const roomInvitations = new RoomInvitations(db, consult.consultations);
  return {
    audit,
    auth: new AuthService(db, audit, config),
    directory: new DirectoryService(db),
    calendar: new CalendarService(db),
    specialistCalendar: new SpecialistCalendarService(db),
    people: new PeopleService(db),
    patients: new PatientService(db, audit, config.nationalIdKey),
    ...consult,
    ...rosterServices(db, config),
    bookings: new BookingService(db, audit),
    roomInvitations,
    rooms: new RoomSignalling(db, media, roomInvitations, log),
    notifications: new NotificationService(db),
  };
}

function consultServices(db: DataSource, config: HubConfig, audit: AuditTrail) {
  const consultations = new ConsultationService(db, config.consult);
  return {
    consultations,
    consultationQueue: new ConsultationQueueReader(db, consultations.rule),
    attachments: new AttachmentService(db, audit, config.consult.attachmentMaxBytes),
    consultationPreviews: new ConsultationPreviews(db, audit),
    referrals: new ReferralService(db),
    referralCriteria: new ReferralCriteriaService(db),
    assessment: new AssessmentService(db, config.consult),
    assessmentRecords: new AssessmentRecords(db, config.consult),
  };
}

export type Services = ReturnType<typeof createServices>;

type Loaders = DirectoryLoaders & ConsultLoaders & ReferralLoaders & RosterLoaders & BookingLoaders & { auditRead: ReturnType<AuditTrail['reads']> };

// The concrete services and loaders behind graphql/context.ts's HubContext (see the NOTE there).
declare module '../graphql/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HubServices extends Services {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HubLoaders extends Loaders {}
}

export function createContext(actor: Actor | null, db: DataSource, services: Services, bus: EventBus, clientLanguage: Language = 'en', client?: ClientInfo): HubContext {
  let loaders: Loaders | null = null;
  return {
    actor, services, bus, client, language: actor?.language ?? clientLanguage,
    // NOTE: made on first use: a subscription's context lives as long as the subscription, and
    // most never resolve a field through a loader (10,000 subscribers kept 10,000 sets of them).
    get loaders(): Loaders {
      return (loaders ??= {
        ...createDirectoryLoaders(db), ...createConsultLoaders(db, services, actor), ...createReferralLoaders(services), ...createRosterLoaders(db), ...createBookingLoaders(db), auditRead: services.audit.reads(actor),
      });
    },
  };
}
