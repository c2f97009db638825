import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuditEntryResolver } from '../audit/resolver';
import { EventCursorResolver } from '../graphql/event-cursor';
import { resolveDirectly } from '../graphql/direct-resolvers';
import { validateArguments } from '../graphql/input-hygiene';
import { CalendarResolver, SpecialistCalendarResolver } from '../calendar/resolver';
import { PatientResolver } from '../consortium/patient-resolver';
import { PersonResolver, personFieldResolvers } from '../consortium/people-resolver';
import { AuthResolver } from '../consortium/sign-in-resolver';
import { ConsortiumResolver, DepartmentResolver, GridResolver, HospitalResolver, hospitalFieldResolvers } from '../consortium/resolver';
import { ConsultationAttachmentResolver, ConsultationOpinionResolver, ConsultationResolver, QueueEntryResolver } from '../consult/resolver';
import { ConsultationReferralsResolver, ReferralChangeResolver, ReferralCriterionResolver, ReferralResolver } from '../referral/resolver';
import { AssessmentResolver, CriterionCountResolver, HostExpertDaysResolver } from '../assessment/resolver';
import { ConsultationPreviewResolver } from '../consult/preview';
import { LinkQualityResolver, RoomResolver } from '../room/resolver';
import { NotificationResolver } from '../notification/resolver';
import { AssignmentSessionResolver, BookingResolver, ClinicSessionResolver } from '../booking/resolver';
import { AmendmentResultResolver, AssignmentResolver, AvailabilityResolver, DemandResolver, HostSettingsResolver, RosterJobResolver, RosterResolver } from '../roster/resolver';

/** Every resolver of the hub; a feature adds its own here. */
export const resolvers = [
  AuthResolver, HospitalResolver, ConsortiumResolver, GridResolver, DepartmentResolver, PersonResolver, PatientResolver,
  ConsultationResolver, ConsultationAttachmentResolver, ConsultationOpinionResolver, QueueEntryResolver,
  ReferralResolver, ReferralChangeResolver, ConsultationReferralsResolver, ReferralCriterionResolver, AssessmentResolver, HostExpertDaysResolver, CriterionCountResolver,
  AvailabilityResolver, HostSettingsResolver, DemandResolver, RosterResolver, AssignmentResolver, RosterJobResolver, AmendmentResultResolver, ClinicSessionResolver, AssignmentSessionResolver, BookingResolver,
  RoomResolver, LinkQualityResolver, NotificationResolver, AuditEntryResolver, ConsultationPreviewResolver, CalendarResolver, SpecialistCalendarResolver,
  EventCursorResolver,
] as const;

/**
 * type-graphql insists on a PubSub even when every subscription brings its own `subscribe`.
 * The hub's subscriptions all read the event log (graphql/subscribe.ts); this one refuses,
 * so a subscription declared with `topics` instead fails loudly rather than silently
 * bypassing the log, its resume cursor and the policy.
 */
const eventLogOnly = {
  publish(): never {
    throw new Error('Publish by appending to the event log (events/event-log.ts), not through PubSub');
  },
  subscribe(): never {
    throw new Error('Declare subscriptions with `subscribe: subscribe(topics, ...)` (graphql/subscribe.ts) so they read the event log');
  },
};

let built: Promise<GraphQLSchema> | null = null;

export function hubSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...resolvers],
    // Control characters, clearing required fields, then class-validator: graphql/input-hygiene.ts.
    validateFn: validateArguments,
    pubSub: eventLogOnly,
  }).then((schema) => {
    // The directory read's hot field resolvers, without type-graphql's per-call wrapper.
    resolveDirectly(schema, hospitalFieldResolvers);
    resolveDirectly(schema, personFieldResolvers);
    return schema;
  });
  return built;
}

/** The checked-in SDL (schema/schema.graphql): sorted so diffs show real changes only. */
export async function hubSchemaSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await hubSchema()))}\n`;
}
