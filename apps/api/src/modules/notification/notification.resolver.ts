import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requireActor, type GqlContext } from '../../graphql/context';
import {
  NotificationListType,
  NotificationType,
  OutboxMessageType,
  OutboxStatus,
} from './notification.types';

@Resolver(() => NotificationType)
export class NotificationResolver {
  @Query(() => NotificationListType, {
    description: 'The caller\u2019s own notifications, newest first: each task that entered its work queue',
  })
  async myNotifications(
    @Ctx() ctx: GqlContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly?: boolean,
  ): Promise<NotificationListType> {
    const r = await ctx.services.notifications.mine(requireActor(ctx), { first, unreadOnly });
    return { totalCount: r.totalCount, unreadCount: r.unread, nodes: r.rows };
  }

  @Mutation(() => Int, {
    description:
      'Marks the caller\u2019s notifications read (all when ids is omitted); returns how many changed',
  })
  markNotificationRead(
    @Ctx() ctx: GqlContext,
    @Arg('ids', () => [ID], { nullable: true }) ids?: string[] | null,
  ): Promise<number> {
    return ctx.services.notifications.markRead(requireActor(ctx), ids ?? null);
  }

  @Query(() => [OutboxMessageType], {
    description:
      'The fund manager (Art 6): the e-mail outbox, newest first, with delivery status and attempts',
  })
  notificationOutbox(
    @Ctx() ctx: GqlContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('status', () => OutboxStatus, { nullable: true }) status?: OutboxStatus | null,
  ): Promise<OutboxMessageType[]> {
    return ctx.services.notifications.outbox(requireActor(ctx), { first, status });
  }
}
