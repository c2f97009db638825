/** Notification events: one per notification stored, heard only by its recipient. */
import type { EventPayload } from '../events/topics';

export interface NotificationEvent extends EventPayload {
  action: 'ADDED';
  notificationId: number;
  recipientId: number;
}

declare module '../events/topics' {
  interface TopicPayloads {
    notification: NotificationEvent;
  }
}
