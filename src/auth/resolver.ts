import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Person } from '../consortium/entities';
import { unauthenticated } from '../errors';
import type { HubContext } from '../graphql/context';

@ObjectType()
export class SignInResult {
  @Field({ description: 'Send as "Authorization: Bearer <token>", or as connectionParams.authorization on WebSocket' }) token: string;
  @Field() expiresAt: Date;
  @Field(() => Person) person: Person;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => SignInResult)
  signIn(@Arg('username') username: string, @Arg('password') password: string, @Ctx() ctx: HubContext) {
    return ctx.services.auth.signIn(username, password);
  }

  @Query(() => Person, { description: 'The signed-in person' })
  me(@Ctx() ctx: HubContext) {
    if (!ctx.actor) throw unauthenticated();
    return ctx.loaders.person.load(ctx.actor.personId);
  }
}
