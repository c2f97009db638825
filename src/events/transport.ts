import { Client } from 'pg';
import type { Logger } from '../graphql/logger';
import { EVENT_CHANNEL } from './event-log';

/**
 * How a hub process learns that some process committed new events. The log itself is the
 * truth; a transport only says "look again", so it may drop or repeat wake-ups freely.
 * A Redis transport would publish after commit and call `wake` on message; services append
 * events the same way whichever transport runs.
 */
export interface EventTransport {
  start(wake: () => void): Promise<void>;
  stop(): Promise<void>;
}

/** LISTEN/NOTIFY on the hub's own PostgreSQL: every process on one database hears every commit. */
export class PgNotifyTransport implements EventTransport {
  #client: Client | null = null;
  #stopped = false;
  #retry: NodeJS.Timeout | null = null;

  constructor(private readonly url: string, private readonly log: Logger) {}

  async start(wake: () => void): Promise<void> {
    await this.#connect(wake);
  }

  async #connect(wake: () => void): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'consortium-hub-events' });
    client.on('notification', () => wake());
    client.on('error', (error) => {
      this.log.warn({ err: error }, 'event listener connection lost; reconnecting');
      this.#reconnect(wake, client);
    });
    client.on('end', () => this.#reconnect(wake, client));
    await client.connect();
    await client.query(`LISTEN ${EVENT_CHANNEL}`);
    this.#client = client;
    // Anything committed while we were not listening is still in the log: look now.
    wake();
  }

  #reconnect(wake: () => void, dead: Client): void {
    if (this.#stopped || this.#client !== dead || this.#retry) return;
    this.#client = null;
    dead.removeAllListeners();
    dead.end().catch(() => {});
    const attempt = () => {
      this.#retry = null;
      if (this.#stopped) return;
      this.#connect(wake).catch((error) => {
        this.log.warn({ err: error }, 'event listener reconnect failed; retrying in 1 s');
        this.#retry = setTimeout(attempt, 1000);
      });
    };
    this.#retry = setTimeout(attempt, 200);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#retry) clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = null;
    if (client) {
      client.removeAllListeners();
      await client.end().catch(() => {});
    }
  }
}
