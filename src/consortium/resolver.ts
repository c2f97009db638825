import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { TopicEvent } from '../events/topics';
import { subscribe } from '../graphql/subscribe';
import type { HubContext } from '../graphql/context';
import { Connection, PageArgs } from '../graphql/pagination';
import type { DirectFieldResolvers } from '../graphql/direct-resolvers';
import { selectedFields, selectList } from '../graphql/selection';
import { Consortium, Department, Grid, Hospital, Person } from './entities';
import { PERSON_COLUMNS, PERSON_KEYS } from './loaders';
import { ConsortiumChange, consortiumChange, HospitalChange, hospitalChange } from './events';
import {
  CreateConsortiumInput, CreateDepartmentInput, CreateGridInput, CreateHospitalInput, HospitalFilter, MembershipInput,
  UpdateConsortiumInput, UpdateHospitalInput,
} from './inputs';

@ObjectType() export class HospitalConnection extends Connection(Hospital) {}
@ObjectType() export class ConsortiumConnection extends Connection(Consortium) {}
@ObjectType() export class GridConnection extends Connection(Grid) {}

const hospitalConsortia = (h: Hospital, ctx: HubContext) => ctx.loaders.consortiaOfHospital.load(h.id);
function hospitalStaff(h: Hospital, ctx: HubContext, info: GraphQLResolveInfo) {
  const asked = selectedFields(info);
  return ctx.loaders.staffOfHospital(`${selectList(asked, PERSON_COLUMNS, PERSON_KEYS, 'p')}|${asked.has('specialties') ? 'specialties' : ''}`).load(h.id);
}

/**
 * The field resolvers of the nested directory read (hospitals → consortia, staff; people-resolver.ts: specialties),
 * called by GraphQL directly instead of through type-graphql's per-call wrapper (server/schema.ts).
 * NOTE: only for resolvers that take nothing but root, context and info and have no middleware or
 * authorization of their own; the classes below declare the same fields and call the same functions.
 * Measured in bench/read/run.ts: the wrapper (instance lookup, parameter list, middleware chain)
 * ran about 2,000 times per read, ~3% of the hub's CPU.
 */
export const hospitalFieldResolvers: DirectFieldResolvers<HubContext> = {
  Hospital: { consortia: hospitalConsortia, staff: hospitalStaff },
};

@Resolver(() => Hospital)
export class HospitalResolver {
  @Query(() => HospitalConnection, { description: 'Hospitals of the directory, filtered, in pages' })
  async hospitals(@Args() filter: HospitalFilter, @Args() page: PageArgs, @Ctx() ctx: HubContext) {
    return Object.assign(new HospitalConnection(), await ctx.services.directory.listHospitals(ctx.actor, filter, page));
  }

  @Query(() => Hospital)
  hospital(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.directory.hospital(ctx.actor, id);
  }

  @Mutation(() => Hospital, { description: 'Administrators only' })
  createHospital(@Arg('input') input: CreateHospitalInput, @Ctx() ctx: HubContext) {
    return ctx.services.directory.createHospital(ctx.actor, input);
  }

  @Mutation(() => Hospital, { description: 'Administrators only; fields left out stay as they are' })
  updateHospital(@Arg('input') input: UpdateHospitalInput, @Ctx() ctx: HubContext) {
    return ctx.services.directory.updateHospital(ctx.actor, input);
  }

  @Subscription(() => HospitalChange, { subscribe: subscribe(['hospital']), description: 'Hospitals created or changed; resumable with `after`' })
  hospitalChanged(@Root() event: TopicEvent<'hospital'>, @Arg('after', () => ID, { nullable: true }) _after?: string): HospitalChange {
    return hospitalChange(event);
  }

  @FieldResolver(() => [Consortium], { description: 'Consortia this hospital belongs to' })
  consortia(@Root() h: Hospital, @Ctx() ctx: HubContext) {
    return hospitalConsortia(h, ctx);
  }

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Root() h: Hospital, @Ctx() ctx: HubContext) {
    return h.gridId ? ctx.loaders.grid.load(h.gridId) : null;
  }

  @FieldResolver(() => [Person], { description: 'Active staff whose home hospital this is' })
  staff(@Root() h: Hospital, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return hospitalStaff(h, ctx, info);
  }
}

@Resolver(() => Consortium)
export class ConsortiumResolver {
  @Query(() => ConsortiumConnection)
  async consortia(@Args() page: PageArgs, @Ctx() ctx: HubContext) {
    return Object.assign(new ConsortiumConnection(), await ctx.services.directory.listConsortia(ctx.actor, page));
  }

  @Query(() => Consortium)
  consortium(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.directory.consortium(ctx.actor, id);
  }

  @Mutation(() => Consortium, { description: 'Administrators only' })
  createConsortium(@Arg('input') input: CreateConsortiumInput, @Ctx() ctx: HubContext) {
    return ctx.services.directory.createConsortium(ctx.actor, input);
  }

  @Mutation(() => Consortium, { description: 'Administrators only' })
  updateConsortium(@Arg('input') input: UpdateConsortiumInput, @Ctx() ctx: HubContext) {
    return ctx.services.directory.updateConsortium(ctx.actor, input);
  }

  @Mutation(() => Consortium, { description: 'Administrators only; joining twice is harmless' })
  addHospitalToConsortium(@Arg('input') input: MembershipInput, @Ctx() ctx: HubContext) {
    return ctx.services.directory.setMembership(ctx.actor, input, true);
  }

  @Mutation(() => Consortium, { description: 'Administrators only' })
  removeHospitalFromConsortium(@Arg('input') input: MembershipInput, @Ctx() ctx: HubContext) {
    return ctx.services.directory.setMembership(ctx.actor, input, false);
  }

  @Subscription(() => ConsortiumChange, { subscribe: subscribe(['consortium']), description: 'Consortia created, changed, joined or left; resumable with `after`' })
  consortiumChanged(@Root() event: TopicEvent<'consortium'>, @Arg('after', () => ID, { nullable: true }) _after?: string): ConsortiumChange {
    return consortiumChange(event);
  }

  @FieldResolver(() => Hospital, { nullable: true })
  leadHospital(@Root() c: Consortium, @Ctx() ctx: HubContext) {
    return c.leadHospitalId ? ctx.loaders.hospital.load(c.leadHospitalId) : null;
  }

  @FieldResolver(() => [Hospital])
  hospitals(@Root() c: Consortium, @Ctx() ctx: HubContext) {
    return ctx.loaders.hospitalsOfConsortium.load(c.id);
  }
}

@Resolver(() => Grid)
export class GridResolver {
  @Query(() => GridConnection)
  async grids(@Args() page: PageArgs, @Ctx() ctx: HubContext) {
    return Object.assign(new GridConnection(), await ctx.services.directory.listGrids(ctx.actor, page));
  }

  @Mutation(() => Grid, { description: 'Administrators only' })
  createGrid(@Arg('input') input: CreateGridInput, @Ctx() ctx: HubContext) {
    return ctx.services.directory.createGrid(ctx.actor, input);
  }

  @FieldResolver(() => Consortium)
  responsibleConsortium(@Root() g: Grid, @Ctx() ctx: HubContext) {
    return ctx.loaders.consortium.load(g.responsibleConsortiumId);
  }

  @FieldResolver(() => [Hospital])
  hospitals(@Root() g: Grid, @Ctx() ctx: HubContext) {
    return ctx.loaders.hospitalsOfGrid.load(g.id);
  }
}

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], { description: 'The specialty catalogue' })
  departments(@Ctx() ctx: HubContext) {
    return ctx.services.directory.listDepartments(ctx.actor);
  }

  @Mutation(() => Department, { description: 'Administrators only' })
  createDepartment(@Arg('input') input: CreateDepartmentInput, @Ctx() ctx: HubContext) {
    return ctx.services.directory.createDepartment(ctx.actor, input);
  }
}
