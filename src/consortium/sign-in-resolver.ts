/** Signing in (auth/ checks the password and issues the token) and the signed-in person. */
import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { unauthenticated } from '../errors';
import type { HubContext } from '../graphql/context';
import { Person } from './entities';

@ObjectType()
export class SignInResult {
  @Field({ description: 'Send as "Authorization: Bearer <token>", or as connectionParams.authorization on WebSocket' }) token: string;
  @Field() expiresAt: Date;
  @Field(() => Person) person: Person;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => SignInResult)
  async signIn(@Arg('username') username: string, @Arg('password') password: string, @Ctx() ctx: HubContext): Promise<SignInResult> {
    const { token, expiresAt, personId } = await ctx.services.auth.signIn(username, password);
    return { token, expiresAt, person: (await ctx.loaders.person.load(personId))! };
  }

  @Query(() => Person, { description: 'The signed-in person' })
  me(@Ctx() ctx: HubContext) {
    if (!ctx.actor) throw unauthenticated();
    return ctx.loaders.person.load(ctx.actor.personId);
  }

  @Mutation(() => Person, { description: "Saves the language of the hub's sentences for you (zh-CN or en); null: follow the client's Accept-Language" })
  async setMyLanguage(@Arg('language', () => String, { nullable: true }) language: string | null, @Ctx() ctx: HubContext) {
    return ctx.loaders.person.load(await ctx.services.auth.setLanguage(ctx.actor, language));
  }
}
