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

/** Each domain's per-request DataLoaders, from what a request brings. */
interface LoaderSources { db: DataSource; services: Services; actor: Actor | null }
const loaderGroups = {
  directory: ({ db }: LoaderSources) => createDirectoryLoaders(db),
  consult: ({ db, services, actor }: LoaderSources) => createConsultLoaders(db, services, actor),
  referral: ({ services }: LoaderSources) => createReferralLoaders(services),
  roster: ({ db }: LoaderSources) => createRosterLoaders(db),
  booking: ({ db }: LoaderSources) => createBookingLoaders(db),
  audit: ({ services, actor }: LoaderSources) => ({ auditRead: services.audit.reads(actor) }),
};
type Group = keyof typeof loaderGroups;

type Loaders = DirectoryLoaders & ConsultLoaders & ReferralLoaders & RosterLoaders & BookingLoaders & { auditRead: ReturnType<AuditTrail['reads']> };

const sourcesOf = Symbol('loader sources');
const groupsOf = Symbol('loader groups made');
interface LazyLoaders { [sourcesOf]: LoaderSources; [groupsOf]: Partial<Record<Group, Record<string, unknown>>> }
let lazyLoaders: object | null = null;

/**
 * A request's loaders: each domain's set is made when one of its loaders is first used, not every
 * domain's on every request (bench/read/run.ts: a directory read uses one domain of six).
 * NOTE: the getters live on one prototype, made once; which loader belongs to which domain is
 * learned from one set of each, made with the first request's sources and thrown away.
 */
function createLoaders(sources: LoaderSources): Loaders {
  if (!lazyLoaders) {
    const prototype = {};
    const seen = new Set<string>();
    for (const [group, make] of Object.entries(loaderGroups) as [Group, (s: LoaderSources) => Record<string, unknown>][]) {
      for (const name of Object.keys(make(sources))) {
        if (seen.has(name)) throw new Error(`two domains have a loader named ${name}`);
        seen.add(name);
        Object.defineProperty(prototype, name, {
          enumerable: true,
          get(this: LazyLoaders) {
            return (this[groupsOf][group] ??= make(this[sourcesOf]))[name];
          },
        });
      }
    }
    lazyLoaders = prototype;
  }
  const loaders: LazyLoaders = Object.create(lazyLoaders);
  loaders[sourcesOf] = sources;
  loaders[groupsOf] = {};
  return loaders as unknown as Loaders;
}

// The concrete services and loaders behind graphql/context.ts's HubContext (see the NOTE there).
declare module '../graphql/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HubServices extends Services {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HubLoaders extends Loaders {}
}

export function createContext(actor: Actor | null, db: DataSource, services: Services, bus: EventBus, clientLanguage: Language = 'en', client?: ClientInfo): HubContext {
  return {
    actor, services, bus, client, language: actor?.language ?? clientLanguage,
    loaders: createLoaders({ db, services, actor }),
  };
}
