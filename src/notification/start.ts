import { DataSource } from 'typeorm';
import type { HubConfig } from '../config';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../graphql/logger';
import { LogChannel, NotificationChannel, WebhookChannel } from './channels';
import { OutboxDispatcher } from './dispatcher';
import { NotificationProjector } from './projector';

/**
 * The notification centre's background work in one hub process: the projector (events →
 * notifications + outbox rows) and the dispatcher (outbox → channels). The log channel is
 * always on; the webhook one when NOTIFY_WEBHOOK_URL is set.
 */
export async function startNotifications(db: DataSource, bus: EventBus, config: HubConfig, log: Logger) {
  const c = config.notifications;
  const channels: NotificationChannel[] = [new LogChannel(log)];
  if (c.webhookUrl) channels.push(new WebhookChannel(c.webhookUrl, c.webhookSecret));
  const dispatcher = OutboxDispatcher.start(db, channels, c, config.defaultLanguage, log);
  const projector = await NotificationProjector.start(db, bus, {
    channels: () => dispatcher.channelNames, timeZone: c.timeZone, onStored: () => dispatcher.wake(), log,
  });
  return {
    projector,
    dispatcher,
    async close() {
      await projector.close();
      await dispatcher.close();
    },
  };
}
