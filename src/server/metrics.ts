import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response, Router } from 'express';
import { Router as router } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import type { EventBus } from '../events/event-bus';
import type { MediaApi } from '../../media';
import type { Logger } from '../graphql/logger';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { Role } from '../auth/roles';
import { bearerToken as bearer } from '../auth/tokens';
import { Language, languageFromHeader } from '../i18n/language';
import { translate } from '../i18n/translate';

/** Compares two secrets in time that does not depend on where they differ (hashes: equal lengths). */
const sameSecret = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface MetricSources {
  db: DataSource;
  bus: EventBus;
  media: MediaApi | null;
  /** Open WebSockets and the subscriptions they run (socket-bounds.ts). */
  sockets(): { sockets: number; subscriptions: number };
  /** HTTP requests being answered now (drain.ts). */
  httpInFlight(): number;
  log: Logger;
}

/**
 * The hub's Prometheus metrics, one registry per hub (tests run several hubs in one process).
 * Request metrics are observed as they happen; the state of the queue, the optimizer and the SFU
 * is read when scraped, so a scrape always tells the present.
 */
export class HubMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly graphqlDuration: Histogram<'operation' | 'type'>;
  readonly graphqlErrors: Counter<'code' | 'operation'>;
  readonly eventLag: Histogram<'topic'>;

  constructor(sources: MetricSources) {
    const registry = this.registry;
    collectDefaultMetrics({ register: registry, prefix: 'hub_' });
    this.httpDuration = new Histogram({
      name: 'hub_http_request_duration_seconds', help: 'HTTP requests by route and status, from first byte to last', buckets: LATENCY_BUCKETS,
      labelNames: ['method', 'route', 'status'], registers: [registry],
    });
    this.graphqlDuration = new Histogram({
      name: 'hub_graphql_operation_duration_seconds', help: 'GraphQL operations (HTTP and WebSocket) by operation name and type', buckets: LATENCY_BUCKETS,
      labelNames: ['operation', 'type'], registers: [registry],
    });
    this.graphqlErrors = new Counter({
      name: 'hub_graphql_errors_total', help: 'Errors in GraphQL answers by extensions.code', labelNames: ['code', 'operation'], registers: [registry],
    });
    this.eventLag = new Histogram({
      name: 'hub_event_delivery_lag_seconds', help: 'From an event being written to the log to this process handing it to its subscribers',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], labelNames: ['topic'], registers: [registry],
    });
    sources.bus.observe((event) => this.eventLag.labels(event.topic).observe(Math.max(0, (Date.now() - new Date(event.occurredAt).getTime()) / 1000)));

    new Gauge({
      name: 'hub_http_requests_in_flight', help: 'HTTP requests being answered', registers: [registry],
      collect() { this.set(sources.httpInFlight()); },
    });
    new Gauge({
      name: 'hub_websockets_open', help: 'Open graphql-ws sockets', registers: [registry],
      collect() { this.set(sources.sockets().sockets); },
    });
    new Gauge({
      name: 'hub_subscriptions_active', help: 'Operations (mostly subscriptions) running on the open sockets', registers: [registry],
      collect() { this.set(sources.sockets().subscriptions); },
    });
    const databaseGauge = (name: string, help: string, labelNames: string[], sql: string, label: (row: any) => Record<string, string>) =>
      new Gauge({
        name, help, labelNames, registers: [registry],
        async collect() {
          this.reset();
          try {
            for (const row of await sources.db.query(sql)) this.set(label(row), Number(row.n));
          } catch (error) {
            sources.log.warn({ err: error, metric: name }, 'metric not collected');
          }
        },
      });
    databaseGauge('hub_consultation_queue_depth', 'Consultations waiting to be claimed, per consortium and specialty', ['consortium', 'specialty'],
      `SELECT c.consortium_id::text AS consortium, d.code AS specialty, count(*)::int AS n FROM consultation c
         JOIN department d ON d.id = c.specialty_id WHERE c.state = 'REQUESTED' GROUP BY 1, 2`,
      (r) => ({ consortium: r.consortium, specialty: r.specialty }));
    databaseGauge('hub_optimizer_jobs', 'Roster optimizer jobs by state (all processes, from the database)', ['state'],
      `SELECT state, count(*)::int AS n FROM roster_job GROUP BY state`, (r) => ({ state: r.state }));

    const media = sources.media;
    const sfuGauge = (name: string, help: string, pick: (w: { routers: number; transports: number; producers: number; consumers: number }) => number) =>
      new Gauge({
        name, help, labelNames: ['worker'], registers: [registry],
        collect() {
          this.reset();
          for (const w of media?.counts().workers ?? []) this.set({ worker: String(w.pid) }, pick(w));
        },
      });
    new Gauge({ name: 'hub_sfu_workers', help: 'Live mediasoup worker processes', registers: [registry], collect() { this.set(media?.counts().workers.length ?? 0); } });
    new Gauge({ name: 'hub_sfu_rooms', help: 'Open consultation rooms', registers: [registry], collect() { this.set(media?.counts().rooms ?? 0); } });
    sfuGauge('hub_sfu_worker_routers', 'Routers (rooms) per worker: the load the pool balances', (w) => w.routers);
    sfuGauge('hub_sfu_worker_transports', 'WebRTC and plain transports per worker', (w) => w.transports);
    sfuGauge('hub_sfu_worker_producers', 'Producers per worker', (w) => w.producers);
    sfuGauge('hub_sfu_worker_consumers', 'Consumers per worker (the figure the capacity notes are in)', (w) => w.consumers);
    const pool = (media as { pool?: { cpuTimes(): Promise<Array<{ pid: number; cpuMs: number }>> } } | null)?.pool;
    new Counter({
      name: 'hub_sfu_worker_cpu_seconds_total', help: 'CPU time used by each mediasoup worker (rate() of it is the worker load)', labelNames: ['worker'], registers: [registry],
      async collect() {
        this.reset();
        if (!pool) return;
        try {
          for (const w of await pool.cpuTimes()) this.inc({ worker: String(w.pid) }, w.cpuMs / 1000);
        } catch (error) {
          sources.log.warn({ err: error }, 'worker CPU times not collected');
        }
      },
    });
  }

  /** Express middleware: the HTTP histogram, labelled by the route pattern (never the raw URL). */
  http() {
    return (req: Request, res: Response, next: NextFunction) => {
      const end = this.httpDuration.startTimer({ method: req.method });
      res.once('finish', () => end({ route: routeOf(req), status: String(res.statusCode) }));
      next();
    };
  }

  /** Apollo plugin: latency by operation and errors by code. */
  apollo(): ApolloServerPlugin {
    const metrics = this;
    return {
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async willSendResponse({ operationName, operation, response }) {
            const name = operationName ?? 'anonymous';
            metrics.graphqlDuration.observe({ operation: name, type: operation?.operation ?? 'unknown' }, Number(process.hrtime.bigint() - started) / 1e9);
            // The answer's errors as the client sees them (codes after format-error.ts).
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors ?? [] : [];
            for (const e of errors) metrics.graphqlErrors.inc({ code: String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), operation: name });
          },
        };
      },
    };
  }

  /** The same for one graphql-ws operation (from its subscribe to its first answer). */
  observeSocketOperation(operation: string, type: string, seconds: number, errorCodes: string[]): void {
    this.graphqlDuration.observe({ operation, type }, seconds);
    for (const code of errorCodes) this.graphqlErrors.inc({ code, operation });
  }

  /**
   * GET /metrics for whoever shows `Authorization: Bearer <METRICS_TOKEN>` (a scraper) or an
   * administrator's access token; 401 without either, 403 for anyone else signed in. The
   * figures tell how busy each hospital's queue is and who is connected: not for everyone.
   */
  routes({ token, actorFrom, defaultLanguage }: { token: string | null; actorFrom(token: string | undefined): Promise<Actor | null>; defaultLanguage: Language }): Router {
    const r = router();
    r.get('/metrics', async (req, res) => {
      const shown = bearer(req.headers.authorization);
      let actor: Actor | null = null;
      let allowed = Boolean(token && shown && sameSecret(shown, token));
      if (!allowed && shown) {
        actor = await actorFrom(shown).catch(() => null);
        allowed = Boolean(actor?.roles.includes(Role.ADMIN));
      }
      if (!allowed) {
        const language = actor?.language ?? languageFromHeader(req.headers['accept-language']) ?? defaultLanguage;
        const code = actor ? 'FORBIDDEN' : 'UNAUTHENTICATED';
        if (!actor) res.set('WWW-Authenticate', 'Bearer realm="metrics"');
        res.status(actor ? 403 : 401).set('Cache-Control', 'no-store')
          .json({ errors: [{ message: translate(language, actor ? 'common.metricsForbidden' : 'common.metricsSignIn'), extensions: { code } }] });
        return;
      }
      res.set('Content-Type', this.registry.contentType).set('Cache-Control', 'no-store').send(await this.registry.metrics());
    });
    return r;
  }
}

/** The route's pattern, so ids do not explode the label set. */
function routeOf(req: Request): string {
  const pattern = (req.route as { path?: string } | undefined)?.path;
  if (pattern) return `${req.baseUrl}${pattern}`;
  const path = req.originalUrl.split('?')[0];
  if (path === '/graphql' || path === '/metrics' || path === '/healthz' || path === '/readyz' || path === '/' || path === '/room') return path;
  if (path.startsWith('/web/')) return '/web/*';
  return 'other';
}
