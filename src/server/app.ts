import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express, { NextFunction, Request, Response } from 'express';
import { DocumentNode, GraphQLError, parse, specifiedRules, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { ClientInfo } from '../auth/sessions';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { WebSocketServer } from 'ws';
import { Actor, loadSessionActor } from '../auth/actor';
import { SessionSockets } from '../auth/session-sockets';
import { bearerToken as bearer } from '../auth/tokens';
import type { HubConfig } from '../config';
import { DomainError } from '../errors';
import { closeReason } from '../i18n/close-reason';
import { EventBus } from '../events/event-bus';
import { PgNotifyTransport } from '../events/transport';
import type { HubContext } from '../graphql/context';
import { createContext, createServices } from './context';
import { createErrorFormatter } from './format-error';
import { compiledExecution } from './execution';
import { databaseOutagePlugin, databaseUnavailableError } from './database-outage';
import { HttpDrain } from './drain';
import { corsAllowList, securityHeaders } from './http-security';
import { HubMetrics } from './metrics';
import { SubscriptionFanOut } from './fanout';
import { SocketBounds } from './socket-bounds';
import { isDatabaseUnavailable } from '../db/availability';
import { healthRoutes } from './health';
import { queryLimitRules } from './limits';
import type { Logger } from '../graphql/logger';
import { hubSchema } from './schema';
import { attachmentRoutes } from '../consult/http';
import { auditRoutes } from '../audit/http';
import { DeadlineSweep } from '../consult/deadline-sweep';
import { followConsultationsForRooms } from '../room/follow-consultations';
import type { HubMedia } from '../room/service';
import { webRoutes } from '../web/routes';
import { isLanguage, Language, languageFromHeader, languageScope } from '../i18n/language';
import { translate } from '../i18n/translate';
import { startNotifications } from '../notification/start';

export interface Hub {
  url: string;
  wsUrl: string;
  server: Server;
  bus: EventBus;
  close(): Promise<void>;
}

export interface HubOptions {
  config: HubConfig;
  db: DataSource;
  /** The URL the event transport listens on (the DataSource's own). */
  databaseUrl: string;
  log: Logger;
  /** The SFU (null: the hub runs without video, and rooms say so). */
  media?: HubMedia | null;
}


/** Who a request came from, for sign-in throttling and the audit trail. */
const clientOf = (req: IncomingMessage): ClientInfo => ({
  address: req.socket.remoteAddress ?? null,
  userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
});


/** Apollo over express on /graphql and graphql-ws on the same port and path. */
export async function createHub({ config, db, databaseUrl, log, media = null }: HubOptions): Promise<Hub> {
  const schema = await hubSchema();
  const services = createServices(db, config, media, log);
  const bus = await EventBus.create(db, new PgNotifyTransport(databaseUrl, log), log);
  if (media) services.rooms.attach(media);
  const roomFollower = followConsultationsForRooms(bus, services.rooms, log);
  const formatError = createErrorFormatter(log, config.defaultLanguage);
  const notifications = await startNotifications(db, bus, config, log);
  const rules = queryLimitRules(config.limits);
  let shuttingDown = false;

  // Every request's token is checked against its stored session (bench/auth/session-check.ts).
  async function actorFrom(token: string | undefined): Promise<Actor | null> {
    if (!token) return null;
    return loadSessionActor(db, services.auth.tokens.verify(token));
  }
  const sessionSockets = new SessionSockets(bus);

  const app = express();
  app.disable('x-powered-by');
  // NOTE: no ETag on res.send/res.json answers: Express hashed every GraphQL answer (167 kB for the
  // directory read, ~1% of the hub's CPU in bench/read/run.ts) for a header no client revalidates
  // with. Static files (express.static, sendFile) keep theirs: they set it themselves.
  app.set('etag', false);
  const server = createServer({
    // Half-sent requests are closed (slow headers, stalled bodies); Node checks every so often.
    headersTimeout: config.http.headersTimeoutMs,
    requestTimeout: config.http.requestTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(config.http.headersTimeoutMs / 4))),
  }, app);
  const drain = new HttpDrain(server, log);

  const wsServer = new WebSocketServer({ server, path: '/graphql', maxPayload: config.bodyLimitBytes });
  const bounds = new SocketBounds(wsServer, config.sockets, log, config.defaultLanguage);
  const metrics = new HubMetrics({
    db, bus, media, log, httpInFlight: () => drain.inFlight, sockets: () => ({ sockets: bounds.sockets, subscriptions: bounds.subscriptions }),
  });
  const fanOut = new SubscriptionFanOut({
    db, bus, log, maxBufferedBytes: config.bodyLimitBytes * 4,
    contextFor: (actor, language) => createContext(actor, db, services, bus, language),
    formatErrors: (result, language, operationName) => {
      const errors = result.errors!.map((e) => formatError(e.toJSON(), e, language));
      metrics.observeSocketOperation(operationName ?? 'anonymous', 'subscription', 0, errors.map((e) => String(e.extensions?.code)));
      return { ...result, errors } as unknown as typeof result;
    },
  });
  // NOTE: one parsed and validated document per distinct query text, not one per subscription:
  // 10,000 clients of one app send the same few subscriptions (and the fan-out groups by it).
  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  const prepared = (query: string): DocumentNode | readonly GraphQLError[] | null => {
    let known = documents.get(query);
    if (known) return known;
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return null; // graphql-ws parses it again and answers the syntax error as it always has
    }
    const errors = validate(schema, document, [...specifiedRules, ...rules]);
    known = errors.length ? errors : document;
    if (documents.size < 1000) documents.set(query, known);
    return known;
  };
  const wsHandle = useServer<Record<string, unknown>, { actor?: Actor; token?: string; language?: Language; client?: ClientInfo }>({
    schema,
    validate: (s, document) => validate(s, document, [...specifiedRules, ...rules]),
    subscribe: (args) => fanOut.subscribe(args),
    onConnect: async (ctx) => {
      const token = bearer(ctx.connectionParams?.authorization) ?? (ctx.connectionParams?.token as string | undefined);
      const asked = ctx.connectionParams?.language;
      const clientLanguage = isLanguage(asked) ? asked : languageFromHeader(ctx.extra.request.headers['accept-language']) ?? config.defaultLanguage;
      // NOTE: what the socket needs of its upgrade request, kept instead of the request itself,
      // which graphql-ws would hold (headers and all) as long as the socket lives (bench/fanout).
      ctx.extra.client = clientOf(ctx.extra.request);
      (ctx.extra as { request?: IncomingMessage }).request = undefined;
      try {
        if (!token) throw new DomainError('UNAUTHENTICATED', 'auth.signInFirstWs');
        const actor = (await actorFrom(token))!;
        ctx.extra.actor = actor;
        ctx.extra.token = token;
        ctx.extra.language = actor.language ?? clientLanguage;
        sessionSockets.add(ctx.extra.socket, actor, ctx.extra.language);
        return bounds.admitSocket(ctx, ctx.extra.socket, ctx.extra.actor.personId, ctx.extra.language);
      } catch (error) {
        // 4401 with the reason, so the client knows to sign in again rather than retry.
        ctx.extra.socket.close(4401, closeReason(error instanceof DomainError ? error.localized(clientLanguage) : translate(clientLanguage, 'common.socketUnauthorized')));
        return false;
      }
    },
    // Each new operation re-checks the session and refreshes the actor in place, so the socket's
    // earlier subscriptions see the same current rights.
    onSubscribe: async (ctx, id, payload) => {
      const limited = bounds.admitOperation(ctx, id);
      if (limited) return limited;
      try {
        const fresh = (await actorFrom(ctx.extra.token))!;
        if (ctx.extra.actor?.ended) throw new DomainError('UNAUTHENTICATED', 'auth.sessionEnded');
        Object.assign(ctx.extra.actor!, fresh);
      } catch (error) {
        const language = ctx.extra.language ?? config.defaultLanguage;
        const message = error instanceof DomainError ? error.localized(language) : translate(language, 'common.socketUnauthorized');
        ctx.extra.socket.close(4401, closeReason(message));
        return [new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } })];
      }
      const document = prepared(payload.query);
      if (!document) return undefined;
      if (Array.isArray(document)) return document as GraphQLError[];
      return { schema, document: document as DocumentNode, operationName: payload.operationName, variableValues: payload.variables };
    },
    onClose: (ctx) => sessionSockets.remove(ctx.extra.socket, ctx.extra.actor),
    context: (ctx, id): HubContext => {
      const context = createContext(ctx.extra.actor ?? null, db, services, bus, ctx.extra.language ?? config.defaultLanguage, ctx.extra.client);
      fanOut.target(context, ctx.extra.socket, id);
      return context;
    },
    onNext: (ctx, _id, payload, _args, result) => {
      if (!result.errors) return undefined;
      const errors = result.errors.map((e) => formatError(e.toJSON(), e, ctx.extra.language));
      metrics.observeSocketOperation(payload.operationName ?? 'anonymous', 'subscription', 0, errors.map((e) => String(e.extensions?.code)));
      return { ...result, errors };
    },
    onError: (ctx, _id, payload, errors) => {
      const formatted = errors.map((e) => formatError(e.toJSON(), e, ctx.extra.language));
      metrics.observeSocketOperation(payload.operationName ?? 'anonymous', 'subscription', 0, formatted.map((e) => String(e.extensions?.code)));
      return formatted;
    },
  }, wsServer);

  const apollo = new ApolloServer<HubContext>({
    // Apollo parses, validates and formats; queries execute compiled (execution.ts).
    gateway: compiledExecution(schema),
    formatError,
    validationRules: rules,
    // NOTE: CSRF protection is for cookie sessions; the hub takes bearer tokens only, and the
    // GraphQL over HTTP spec's plain GET must work.
    csrfPrevention: false,
    // Production default: the schema is not handed to anyone who asks (GRAPHQL_INTROSPECTION).
    introspection: config.http.introspection,
    includeStacktraceInErrorResponses: config.http.stackTraces,
    // main.ts owns the signals and stops everything in order; Apollo's own handler would race it.
    stopOnTerminationSignals: false,
    plugins: [
      databaseOutagePlugin(),
      metrics.apollo(),
      // Measured (notes/performance.md): the default cache-control plugin wraps every field.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              log.debug({ clients: wsServer.clients.size }, 'closing WebSocket clients');
              bounds.closeAll(1001, 'common.socketShutdown');
              await wsHandle.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.use(metrics.http());
  app.use(securityHeaders(config));
  app.use(corsAllowList(config));
  app.use(healthRoutes(db, () => shuttingDown));
  app.use(drain.admission(config.defaultLanguage));
  app.use(metrics.routes({ token: config.http.metricsToken, actorFrom, defaultLanguage: config.defaultLanguage }));
  app.use(webRoutes());
  // Consultation exam results: raw-body upload and audited download (own body parser), and the
  // per-process sweep that escalates requests left unclaimed past their deadline.
  app.use(attachmentRoutes({ attachments: services.attachments, actorFrom, log }));
  app.use(auditRoutes({ audit: services.audit, actorFrom, log }));
  const deadlineSweep = DeadlineSweep.start(db, config.consult, log);
  // The language of every sentence the rest of the request says: Accept-Language now, the
  // person's saved one once they are known (the context below).
  app.use((req: Request, _res: Response, next: NextFunction) => {
    languageScope.run({ language: languageFromHeader(req.headers['accept-language']) ?? config.defaultLanguage }, next);
  });
  app.use(
    '/graphql',
    express.json({ limit: config.bodyLimitBytes, type: ['application/json', 'application/graphql-response+json'] }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const scope = languageScope.getStore();
        const clientLanguage = scope?.language ?? config.defaultLanguage;
        try {
          const context = createContext(await actorFrom(bearer(req.headers.authorization)), db, services, bus, clientLanguage, clientOf(req));
          if (scope) scope.language = context.language;
          return context;
        } catch (error) {
          if (isDatabaseUnavailable(error)) throw databaseUnavailableError(clientLanguage);
          if (!(error instanceof DomainError)) throw error;
          throw new GraphQLError(error.localized(clientLanguage), { extensions: { code: error.code, http: { status: 401 } } });
        }
      },
    }),
  );
  app.use((error: any, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    const language = languageFromHeader(req.headers['accept-language']) ?? config.defaultLanguage;
    const message = error.type === 'entity.too.large'
      ? translate(language, 'common.bodyTooLarge', { limit: config.bodyLimitBytes })
      : status < 500 ? translate(language, 'common.badRequest', { detail: error.message }) : translate(language, 'common.internal');
    if (status >= 500) log.error({ err: error }, 'request failed');
    res.status(status).json({ errors: [{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;

  return {
    url: `http://${host}:${port}/graphql`,
    wsUrl: `ws://${host}:${port}/graphql`,
    server,
    bus,
    async close() {
      if (shuttingDown) return;
      shuttingDown = true; // /readyz says 503 from this moment
      log.debug('draining HTTP, then closing WebSockets and stopping Apollo');
      // Every request already received is answered (up to the deadline) before anything closes.
      await drain.drain(config.http.drainTimeoutMs);
      bounds.close();
      await apollo.stop(); // closes WebSockets with a reason (drainServer above)
      await deadlineSweep.close();
      await notifications.close();
      await roomFollower.return?.();
      sessionSockets.close();
      // Roster optimizer jobs of this process stop (recorded CANCELLED) before the database goes.
      await services.rosterJobs.close();
      log.debug('closing the event bus');
      await bus.close();
    },
  };
}
