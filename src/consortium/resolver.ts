import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Change, changeFields, subscribeTopics } from '../events/subscription';
import { EventRecord } from '../events/entities';
import type { HubContext } from '../server/context';
import { Connection, PageArgs } from '../server/pagination';
import { Consortium, Department, Grid, Hospital, Person } from './entities';
import {
  CreateConsortiumInput, CreateDepartmentInput, CreateGridInput, CreateHospitalInput, HospitalFilter, MembershipInput,
  UpdateConsortiumInput, UpdateHospitalInput,
} from './inputs';

@ObjectType() export class HospitalConnection extends Connection(Hospital) {}
@ObjectType() export class ConsortiumConnection extends Connection(Consortium) {}
@ObjectType() export class GridConnection extends Connection(Grid) {}

@ObjectType()
export class HospitalChange extends Change {
  @Field(() => Hospital, { description: 'The hospital as it was right after this change' }) hospital: Hospital;
}

@ObjectType()
export class ConsortiumChange extends Change {
  @Field(() => Consortium) consortium: Consortium;
  @Field(() => ID, { nullable: true, description: 'For HOSPITAL_JOINED / HOSPITAL_LEFT' }) hospitalId: number | null;
}

const revive = <T extends object>(cls: new () => T, snapshot: any): T =>
  Object.assign(new cls(), snapshot, snapshot.createdAt ? { createdAt: new Date(snapshot.createdAt) } : {}, snapshot.updatedAt ? { updatedAt: new Date(snapshot.updatedAt) } : {});

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

  @Subscription(() => HospitalChange, { subscribe: subscribeTopics(['hospital']), description: 'Hospitals created or changed; resumable with `after`' })
  hospitalChanged(@Root() event: EventRecord, @Arg('after', () => ID, { nullable: true }) _after?: string): HospitalChange {
    return Object.assign(new HospitalChange(), changeFields(event), { hospital: revive(Hospital, event.payload.hospital) });
  }

  @FieldResolver(() => [Consortium], { description: 'Consortia this hospital belongs to' })
  consortia(@Root() h: Hospital, @Ctx() ctx: HubContext) {
    return ctx.loaders.consortiaOfHospital.load(h.id);
  }

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Root() h: Hospital, @Ctx() ctx: HubContext) {
    return h.gridId ? ctx.loaders.grid.load(h.gridId) : null;
  }

  @FieldResolver(() => [Person], { description: 'Active staff whose home hospital this is' })
  staff(@Root() h: Hospital, @Ctx() ctx: HubContext) {
    return ctx.loaders.staffOfHospital.load(h.id);
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

  @Subscription(() => ConsortiumChange, { subscribe: subscribeTopics(['consortium']), description: 'Consortia created, changed, joined or left; resumable with `after`' })
  consortiumChanged(@Root() event: EventRecord, @Arg('after', () => ID, { nullable: true }) _after?: string): ConsortiumChange {
    return Object.assign(new ConsortiumChange(), changeFields(event), {
      consortium: revive(Consortium, event.payload.consortium), hospitalId: (event.payload.hospitalId as number) ?? null,
    });
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
