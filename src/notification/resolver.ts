import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { TopicEvent } from '../events/topics';
import type { HubContext } from '../graphql/context';
import { Connection, PageArgs } from '../graphql/pagination';
import { Change, changeFields, subscribe } from '../graphql/subscribe';
import './events';
import { Notification } from './entities';
import { renderNotification } from './render';

@ObjectType()
class NotificationConnection extends Connection(Notification) {}

@ObjectType({ description: 'A notification just stored for you' })
class NotificationAdded extends Change {
  @Field(() => Notification) notification: Notification;
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first' })
  notifications(@Args() page: PageArgs, @Ctx() ctx: HubContext) {
    return ctx.services.notifications.list(ctx.actor, page.first, page.after);
  }

  @Query(() => Int, { description: 'How many of your notifications are unread' })
  unreadNotificationCount(@Ctx() ctx: HubContext) {
    return ctx.services.notifications.unreadCount(ctx.actor);
  }

  @Mutation(() => [Notification], { description: 'Marks these of your notifications read; answers them (ids not yours are left out)' })
  markNotificationsRead(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: HubContext) {
    return ctx.services.notifications.markRead(ctx.actor, ids);
  }

  @Mutation(() => Int, { description: 'Marks all your notifications read; answers how many were unread' })
  markAllNotificationsRead(@Ctx() ctx: HubContext) {
    return ctx.services.notifications.markAllRead(ctx.actor);
  }

  @Subscription(() => NotificationAdded, {
    description: 'Each notification stored for you, live; with `after` (the cursor of the last one seen) the ones missed meanwhile come first',
    // The policy lets each person hear only their own (auth/policy.ts allowsEvent).
    subscribe: subscribe(['notification']),
  })
  async notificationAdded(@Root() e: TopicEvent<'notification'>, @Arg('after', () => ID, { nullable: true }) _after: string | null, @Ctx() ctx: HubContext): Promise<NotificationAdded> {
    const notification = await ctx.services.notifications.own(ctx.actor!, e.payload.notificationId);
    return { ...changeFields(e), notification: notification! };
  }

  @FieldResolver(() => String, { description: 'Said in your language (saved, else Accept-Language)' })
  title(@Root() n: Notification, @Ctx() ctx: HubContext): string {
    return renderNotification(n, ctx.language).title;
  }

  @FieldResolver(() => String, { description: 'Said in your language (saved, else Accept-Language)' })
  body(@Root() n: Notification, @Ctx() ctx: HubContext): string {
    return renderNotification(n, ctx.language).body;
  }

  @FieldResolver(() => Boolean)
  read(@Root() n: Notification): boolean {
    return n.readAt !== null;
  }
}
