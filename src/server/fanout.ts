import {
  createSourceEventStream, DocumentNode, execute, ExecutionArgs, ExecutionResult, FieldNode, getOperationAST, Kind, print,
} from 'graphql';
import type { WebSocket } from 'ws';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import type { EventBus } from '../events/event-bus';
import { eventsAfter } from '../events/event-log';
import type { TopicEvent } from '../events/topics';
import type { HubContext } from '../graphql/context';
import type { Logger } from '../graphql/logger';
import { SharedEvents } from '../graphql/subscribe';
import type { Language } from '../i18n/language';

const REPLAY_PAGE = 500;
const OPEN = 1; // WebSocket.OPEN
const CLOSING_BRACE = 0x7d;
/** graphql-ws' messages are text frames. */
const TEXT = { binary: false };

/** The fields of ws' WebSocket and Sender (ws 8) a direct write relies on: the socket, and that nothing waits to be sent before it. */
interface WsInternals {
  _socket?: { write(chunk: Buffer): boolean } | null;
  _sender?: { _state: number; _queue: unknown[] } | null;
}
const SENDER_IDLE = 0; // ws/lib/sender.js DEFAULT

/**
 * One unmasked, unfragmented WebSocket text frame (RFC 6455 5.2, as a server sends it) holding
 * `head`, `payload` and a closing brace; `headerBytes`: where the message starts in it.
 */
export function textFrame(head: string, headBytes: number, payload: Buffer): { frame: Buffer; headerBytes: number } {
  const size = headBytes + payload.length + 1;
  const headerBytes = size < 126 ? 2 : size < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerBytes + size);
  frame[0] = 0x81; // FIN, opcode 1 (text)
  if (headerBytes === 2) {
    frame[1] = size;
  } else if (headerBytes === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(size, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(size), 2);
  }
  frame.write(head, headerBytes);
  payload.copy(frame, headerBytes + headBytes);
  frame[frame.length - 1] = CLOSING_BRACE;
  return { frame, headerBytes };
}

/** Where one subscription's answers go: its socket and the graphql-ws operation id. */
interface Target {
  socket: WebSocket;
  id: string;
}

export interface FanOutOptions {
  db: DataSource;
  bus: EventBus;
  log: Logger;
  /** A fresh context to execute one shared answer in (fresh loaders: nothing cached from an earlier event). */
  contextFor(actor: Actor, language: Language): HubContext;
  /** What graphql-ws' onNext does to an answer with errors: said in the language, counted in the metrics. */
  formatErrors(result: ExecutionResult, language: Language, operationName: string | undefined): ExecutionResult;
  /** A subscriber whose socket has this much unsent is cut off (it resumes with its last cursor). */
  maxBufferedBytes: number;
}

/**
 * graphql-ws' `subscribe` for the hub. Subscriptions whose events have a shared audience
 * (graphql/subscribe.ts SharedEvents) join an Audience: every subscriber of the same operation,
 * arguments (the resume cursor aside), language and audience, served from one policy decision,
 * one execution and one JSON serialization per event; each socket gets that JSON wrapped in its
 * own operation id. Everything else runs as graphql-js would run it, per subscriber.
 */
export class SubscriptionFanOut {
  readonly #options: FanOutOptions;
  readonly #targets = new WeakMap<object, Target>();
  readonly #audiences = new Map<string, Audience>();
  readonly #documentIds = new WeakMap<DocumentNode, string>();
  #nextDocumentId = 0;

  constructor(options: FanOutOptions) {
    this.#options = options;
  }

  /** Remembers where the answers of the subscription with this context go (graphql-ws' `context` callback). */
  target(context: HubContext, socket: WebSocket, id: string): void {
    this.#targets.set(context, { socket, id });
  }

  /** Shared audiences now live (one execution per event each). */
  get audiences(): number {
    return this.#audiences.size;
  }

  async subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable<unknown>(source)) return source as ExecutionResult;
    const target = this.#targets.get(args.contextValue as object);
    const context = args.contextValue as HubContext;
    if (!(source instanceof SharedEvents) || !target) return mapEvents(source, (event) => execute({ ...args, rootValue: event }));
    const key = JSON.stringify([source.audience, context.language, source.topics, this.#documentId(args.document), args.operationName ?? null, withoutCursor(args)]);
    let audience = this.#audiences.get(key);
    if (!audience) {
      audience = new Audience(this.#options, args, source, context.language, () => this.#audiences.delete(key));
      this.#audiences.set(key, audience);
    }
    return audience.join(source, target);
  }

  #documentId(document: DocumentNode): string {
    // The hub's documents come from one cache (app.ts), so equal queries are one object; print() is the fallback.
    let id = this.#documentIds.get(document);
    if (!id) {
      id = `${this.#nextDocumentId++}:${print(document)}`;
      this.#documentIds.set(document, id);
    }
    return id;
  }
}

/** The variables of an operation without the one its root field's `after` (the resume cursor) is bound to. */
function withoutCursor(args: ExecutionArgs): Record<string, unknown> {
  const variables = { ...(args.variableValues ?? {}) };
  const operation = getOperationAST(args.document, args.operationName);
  const root = operation?.selectionSet.selections[0];
  const after = root?.kind === Kind.FIELD ? (root as FieldNode).arguments?.find((a) => a.name.value === 'after') : undefined;
  if (after?.value.kind === Kind.VARIABLE) delete variables[after.value.name.value];
  return variables;
}

/**
 * Everyone subscribed to one shared answer. One bus watcher; per live event: one verdict (the
 * policy's, through a subscriber whose session is current; an audience's verdicts are equal by
 * definition), one execution, one JSON.stringify, then one send per socket.
 */
class Audience {
  readonly #options: FanOutOptions;
  readonly #args: ExecutionArgs;
  readonly #language: Language;
  readonly #members = new Set<Member>();
  readonly #unwatch: () => void;
  readonly #gone: () => void;
  /** Answers go out in log order even when an execution awaits. */
  #chain: Promise<void> = Promise.resolve();
  /** Live events seen so far: a member hears only those dispatched after it joined. */
  #seen = 0;

  constructor(options: FanOutOptions, args: ExecutionArgs, first: SharedEvents, language: Language, gone: () => void) {
    this.#options = options;
    this.#args = { schema: args.schema, document: args.document, operationName: args.operationName, variableValues: args.variableValues };
    this.#language = language;
    this.#gone = gone;
    this.#unwatch = options.bus.watch(first.topics, (event) => this.#live(event));
  }

  join(source: SharedEvents, target: Target): Member {
    const member = new Member(this, source, target, this.#seen, this.#options.maxBufferedBytes);
    this.#members.add(member);
    if (source.after !== null) member.replay(this.#options.db).catch((error) => member.fail(error));
    return member;
  }

  leave(member: Member): void {
    this.#members.delete(member);
    if (this.#members.size) return;
    this.#unwatch();
    this.#gone();
  }

  #live(event: TopicEvent): void {
    const seq = ++this.#seen;
    const judge = this.#current();
    if (!judge || !judge.source.accepts(event)) return;
    this.#chain = this.#chain
      .then(async () => {
        const payload = await this.render(event, judge.source.actor);
        const id = BigInt(event.id);
        for (const member of this.#members) if (member.joinedAt < seq) member.deliver(id, payload);
      })
      .catch((error) => this.#options.log.error({ err: error, topic: event.topic }, 'a shared subscription answer failed'));
  }

  /** A member whose session is still current (an ended one is refused everything by the policy). */
  #current(): Member | undefined {
    for (const member of this.#members) if (!member.source.actor.ended) return member;
    return undefined;
  }

  /** The answer to one event, as UTF-8 JSON: executed in a fresh context of `actor` (any member's: their answers are equal). */
  async render(event: TopicEvent, actor: Actor): Promise<Buffer> {
    const contextValue = this.#options.contextFor(actor, this.#language);
    let result = await execute({ ...this.#args, contextValue, rootValue: event });
    if (result.errors) result = this.#options.formatErrors(result, this.#language, this.#args.operationName ?? undefined);
    return Buffer.from(JSON.stringify(result));
  }
}

/**
 * One subscriber of an Audience, as graphql-ws sees it: an operation that completes when the
 * client stops it or the socket closes (return()), or fails when the socket falls too far behind.
 * Its answers do not pass through graphql-ws' per-operation loop: the audience writes them.
 */
class Member implements AsyncIterableIterator<ExecutionResult> {
  readonly #audience: Audience;
  readonly #target: Target;
  /** `{"id":<id>,"type":"next","payload":`, the part of each message that is this member's own. */
  readonly #head: string;
  readonly #headBytes: number;
  readonly #maxBuffered: number;
  /** The last event id sent: nothing at or below it is sent again. */
  #last = 0n;
  #replaying: { id: bigint; payload: Buffer }[] | null = null;
  #finished = false;
  #settle: { resolve: (r: IteratorResult<ExecutionResult>) => void; reject: (e: unknown) => void } | null = null;
  #failure: unknown = null;

  constructor(audience: Audience, readonly source: SharedEvents, target: Target, readonly joinedAt: number, maxBuffered: number) {
    this.#audience = audience;
    this.#target = target;
    this.#head = `{"id":${JSON.stringify(target.id)},"type":"next","payload":`;
    this.#headBytes = Buffer.byteLength(this.#head);
    this.#maxBuffered = maxBuffered;
    if (source.after !== null) {
      this.#last = BigInt(source.after);
      this.#replaying = [];
    }
  }

  /** The log after the member's cursor, then what went live meanwhile (held back until then). */
  async replay(db: DataSource): Promise<void> {
    for (;;) {
      const rows = await eventsAfter(db, this.#last, REPLAY_PAGE, this.source.topics);
      for (const event of rows) {
        if (this.#finished) return;
        const id = BigInt(event.id);
        if (id <= this.#last) continue;
        this.#last = id;
        if (this.source.accepts(event)) this.#write(await this.#audience.render(event, this.source.actor));
      }
      if (rows.length < REPLAY_PAGE) break;
    }
    const held = this.#replaying ?? [];
    this.#replaying = null;
    for (const { id, payload } of held) this.deliver(id, payload);
  }

  deliver(id: bigint, payload: Buffer): void {
    if (this.#finished || this.source.actor.ended) return;
    if (this.#replaying) {
      this.#replaying.push({ id, payload });
      return;
    }
    if (id <= this.#last) return;
    this.#last = id;
    this.#write(payload);
  }

  /**
   * NOTE: the message is put together as bytes once per socket, the shared payload encoded once
   * per event, and written as one frame straight to the socket when ws has nothing queued for it
   * (bench/fanout/run.ts: ws encoded the string again and wrote each frame in two pieces, for
   * each of 10,000 sockets).
   */
  #write(payload: Buffer): void {
    const socket = this.#target.socket;
    if (this.#finished || socket.readyState !== OPEN) return;
    if (socket.bufferedAmount > this.#maxBuffered) {
      this.fail(new Error(`subscriber fell more than ${this.#maxBuffered} bytes behind; resubscribe with "after" set to the last cursor received`));
      return;
    }
    const { frame, headerBytes } = textFrame(this.#head, this.#headBytes, payload);
    const ws = socket as unknown as WsInternals;
    if (ws._socket && ws._sender?._state === SENDER_IDLE && !ws._sender._queue.length) ws._socket.write(frame);
    else socket.send(frame.subarray(headerBytes), TEXT);
  }

  fail(error: unknown): void {
    if (this.#finished) return;
    this.#failure = error;
    this.#finish();
    this.#settle?.reject(error);
    this.#settle = null;
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => { this.#settle = { resolve, reject }; });
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.#finish();
    this.#settle?.resolve({ value: undefined, done: true });
    this.#settle = null;
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }

  #finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#replaying = null;
    this.#audience.leave(this);
  }
}

function isAsyncIterable<T>(value: unknown): value is AsyncIterableIterator<T> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** graphql-js' mapping of a source stream to answers, with return() reaching the source at once. */
function mapEvents<E>(source: AsyncIterableIterator<E>, answer: (event: E) => ExecutionResult | Promise<ExecutionResult>): AsyncIterableIterator<ExecutionResult> {
  const close = async () => (source.return ? source.return() : { value: undefined, done: true as const });
  return {
    async next() {
      const r = await source.next();
      if (r.done) return { value: undefined, done: true };
      try {
        return { value: await answer(r.value), done: false };
      } catch (error) {
        await close();
        throw error;
      }
    },
    async return() {
      await close();
      return { value: undefined, done: true };
    },
    async throw(error: unknown) {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
