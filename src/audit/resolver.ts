import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Person } from '../consortium/entities';
import type { HubContext } from '../graphql/context';
import { PageInfo } from '../graphql/pagination';
import { AuditEntry } from './entities';

@ArgsType()
export class AuditEntryArgs {
  @Field(() => ID, { nullable: true, description: 'Who acted' }) actorId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Entries about this patient' }) patientId?: string | null;
  @Field(() => String, { nullable: true, description: 'An action (patient.read) or a prefix of actions (patient, signIn)' }) action?: string | null;
  @Field(() => Date, { nullable: true, description: 'From this moment (included)' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Until this moment (excluded)' }) to?: Date | null;
  @Field(() => Int, { defaultValue: 50, description: 'Page size, 1 to 100' }) first: number;
  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' }) after?: string | null;
}

@ObjectType({ description: 'A page of the audit trail, newest first' })
export class AuditEntryPage {
  @Field(() => [AuditEntry]) nodes: AuditEntry[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@Resolver(() => AuditEntry)
export class AuditEntryResolver {
  @Query(() => AuditEntryPage, { description: 'Administrators: the audit trail (patient data reads and changes, sign-ins), filtered; CSV of the same filter at GET /audit/export.csv' })
  async auditEntries(@Args() args: AuditEntryArgs, @Ctx() ctx: HubContext): Promise<AuditEntryPage> {
    const { first, after, ...query } = args;
    const page = await ctx.services.audit.search(ctx.actor, query, { first, after });
    return { nodes: page.nodes, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who acted (null for a failed sign-in)' })
  actor(@Root() e: AuditEntry, @Ctx() ctx: HubContext) {
    return e.actorId == null ? null : ctx.loaders.person.load(e.actorId);
  }
}
