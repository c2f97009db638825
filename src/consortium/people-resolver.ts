import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../graphql/context';
import type { DirectFieldResolvers } from '../graphql/direct-resolvers';
import { Connection, PageArgs } from '../graphql/pagination';
import { Department, Hospital, Person } from './entities';
import { CreatePersonInput, PersonFilter, UpdatePersonInput } from './inputs';
import { specialtiesLoadedWithStaff } from './loaders';

@ObjectType() export class PersonConnection extends Connection(Person) {}

const personSpecialties = (p: Person, ctx: HubContext) => specialtiesLoadedWithStaff(p) ?? ctx.loaders.specialtiesOfPerson.load(p.id);

/** Called by GraphQL without type-graphql's wrapper, like resolver.ts's hospitalFieldResolvers (server/schema.ts). */
export const personFieldResolvers: DirectFieldResolvers<HubContext> = {
  Person: { specialties: personSpecialties },
};

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
    return personSpecialties(p, ctx);
  }
}
