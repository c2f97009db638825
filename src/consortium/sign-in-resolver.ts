/** Signing in and out, sessions and passwords (auth/ checks and issues), and the signed-in person. */
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { AuthSession } from '../auth/entities';
import { unauthenticated } from '../errors';
import type { HubContext } from '../graphql/context';
import { parseId } from '../ids';
import { Person } from './entities';

@ObjectType()
export class SignInResult {
  @Field({ description: 'Send as "Authorization: Bearer <token>", or as connectionParams.authorization on WebSocket' }) token: string;
  @Field() expiresAt: Date;
  @Field(() => Person) person: Person;
  @Field(() => AuthSession, { description: 'The session the token belongs to; signOut or revokeSession ends it' }) session: AuthSession;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => SignInResult, { description: 'Throttled per username and per address: TOO_MANY_REQUESTS with extensions.retryAfter (seconds)' })
  async signIn(@Arg('username') username: string, @Arg('password') password: string, @Ctx() ctx: HubContext): Promise<SignInResult> {
    const { token, expiresAt, personId, session } = await ctx.services.auth.signIn(username, password, ctx.client ?? {});
    return { token, expiresAt, session, person: (await ctx.loaders.person.load(personId))! };
  }

  @Mutation(() => Boolean, { description: 'Ends the session of the token used; open WebSockets of it are closed (4401)' })
  signOut(@Ctx() ctx: HubContext) {
    return ctx.services.auth.signOut(ctx.actor);
  }

  @Mutation(() => Boolean, { description: 'Ends one session: an administrator any, everyone their own' })
  revokeSession(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.auth.revokeSession(ctx.actor, id);
  }

  @Mutation(() => Boolean, { description: 'Changes your password and ends your other sessions' })
  changePassword(@Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: HubContext) {
    return ctx.services.auth.changePassword(ctx.actor, currentPassword, newPassword);
  }

  @Mutation(() => Boolean, { description: "Administrators: sets someone's password and ends all their sessions" })
  resetPassword(@Arg('personId', () => ID) personId: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: HubContext) {
    return ctx.services.auth.resetPassword(ctx.actor, parseId(personId, 'personId'), newPassword);
  }

  @Query(() => [AuthSession], { description: "Open sessions: your own, or (administrators) someone else's" })
  sessions(@Arg('personId', () => ID, { nullable: true }) personId: string | null, @Ctx() ctx: HubContext) {
    return ctx.services.auth.listSessions(ctx.actor, personId == null ? null : parseId(personId, 'personId'));
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
