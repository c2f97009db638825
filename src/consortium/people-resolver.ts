import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../graphql/context';
import { Connection, PageArgs } from '../graphql/pagination';
import { Department, Hospital, Person } from './entities';
import { CreatePersonInput, PersonFilter, UpdatePersonInput } from './inputs';
import { specialtiesLoadedWithStaff } from './loaders';

@ObjectType() export class PersonConnection extends Connection(Person) {}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => PersonConnection)
  async people(@Args() filter: PersonFilter, @Args() page: PageArgs, @Ctx() ctx: HubContext) {
    return Object.assign(new PersonConnection(), await ctx.services.people.list(ctx.actor, filter, page));
  }

  @Query(() => Person)
  person(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.people.get(ctx.actor, id);
  }

  @Mutation(() => Person, { description: 'Administrators only' })
  createPerson(@Arg('input') input: CreatePersonInput, @Ctx() ctx: HubContext) {
    return ctx.services.people.create(ctx.actor, input);
  }

  @Mutation(() => Person, { description: 'Administrators only; fields left out stay as they are' })
  updatePerson(@Arg('input') input: UpdatePersonInput, @Ctx() ctx: HubContext) {
    return ctx.services.people.update(ctx.actor, input);
  }

  @FieldResolver(() => Hospital)
  hospital(@Root() p: Person, @Ctx() ctx: HubContext) {
    return ctx.loaders.hospital.load(p.hospitalId);
  }

  @FieldResolver(() => [Department])
  specialties(@Root() p: Person, @Ctx() ctx: HubContext) {
    return specialtiesLoadedWithStaff(p) ?? ctx.loaders.specialtiesOfPerson.load(p.id);
  }
}
