import { createHmac } from 'node:crypto';
import type { Logger } from '../graphql/logger';

/** What leaves the hub about one notification: said in the recipient's language. */
export interface OutboundNotification {
  /** Unique per delivery (outbox row): a receiver that sees it twice (a retry after a lost answer) drops the copy. */
  deliveryId: string;
  notificationId: string;
  kind: string;
  recipient: { id: string; username: string; name: string };
  language: string;
  title: string;
  body: string;
  consultationId: string | null;
  referralId: string | null;
  bookingId: string | null;
  createdAt: string;
}

/** One way out (log, webhook; later SMS or WeChat Work). Throwing means "retry later". */
export interface NotificationChannel {
  readonly name: string;
  deliver(n: OutboundNotification): Promise<void>;
}

/** The default: a log line per notification, enough for a demo or to see what would be sent. */
export class LogChannel implements NotificationChannel {
  readonly name = 'log';
  constructor(private readonly log: Logger) {}

  async deliver(n: OutboundNotification): Promise<void> {
    this.log.info({ notification: { id: n.notificationId, kind: n.kind, recipient: n.recipient.username, title: n.title } }, 'notification');
  }
}

/**
 * Computes the signature a webhook receiver checks: HMAC-SHA256 over "<timestamp>.<body>"
 * with the shared secret. The timestamp is signed too, so a captured request cannot be
 * replayed later with a fresh one.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * POSTs JSON to one URL. Headers: X-Hub-Delivery (the delivery id), X-Hub-Timestamp (Unix
 * seconds), X-Hub-Signature-256 (see webhookSignature). Any answer but 2xx, or none within
 * the timeout, is a failure the dispatcher retries.
 */
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook';
  constructor(private readonly url: string, private readonly secret: string, private readonly timeoutMs = 10_000) {}

  async deliver(n: OutboundNotification): Promise<void> {
    const body = JSON.stringify(n);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-hub-delivery': n.deliveryId,
        'x-hub-timestamp': timestamp,
        'x-hub-signature-256': webhookSignature(this.secret, timestamp, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    await res.body?.cancel();
    if (res.status < 200 || res.status > 299) throw new Error(`webhook answered HTTP ${res.status}`);
  }
}
