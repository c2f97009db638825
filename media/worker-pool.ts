import { EventEmitter } from 'node:events';
import { availableParallelism } from 'node:os';

import type { types } from 'mediasoup';
import type { Logger } from 'pino';

import { MediaError } from './errors';
import { useWorkerBinary } from './worker-binary';

export interface WorkerPoolSettings {
  /** Default: one per core. */
  numWorkers?: number;
  /** UDP/TCP ports for ICE, DTLS and RTP, shared by all workers. Default 40000-49999. */
  rtcMinPort?: number;
  rtcMaxPort?: number;
  /** mediasoup-worker's own log level. Default 'warn'. */
  logLevel?: types.WorkerLogLevel;
  /** How long acquireWorker() waits for a replacement when no worker is alive. Default 15 s. */
  acquireTimeoutMs?: number;
}

/** Live objects on one worker, counted through mediasoup's observer events. */
export interface WorkerCounts {
  pid: number;
  routers: number;
  transports: number;
  producers: number;
  consumers: number;
}

/** The same, as the worker process itself reports them (worker.dump(), router.dump()). */
export interface WorkerDumpCounts extends WorkerCounts {
  /** Every channel handler the worker holds: routers + transports + producers + consumers + ... */
  channelRequestHandlers: number;
}

export type WorkerPoolEvents = {
  workerDied: [{ pid: number; error: Error }];
  workerStarted: [{ pid: number; replacing?: number }];
};

interface WorkerEntry {
  worker: types.Worker;
  startedAt: number;
  routers: Set<types.Router>;
  transports: Set<types.Transport>;
  producers: Set<types.Producer>;
  consumers: Set<types.Consumer>;
}

const RESPAWN_BACKOFF_MS = [0, 1_000, 2_000, 5_000, 10_000, 30_000];
const CRASH_LOOP_WINDOW_MS = 10_000;

/**
 * The mediasoup worker processes of this node. Places work on the least-loaded live worker
 * and replaces a worker that dies; rooms notice the death through their router
 * ('workerclose') and ask for a new worker here.
 */
export class WorkerPool extends EventEmitter<WorkerPoolEvents> {
  readonly #mediasoup: typeof import('mediasoup');
  readonly #settings: Required<WorkerPoolSettings>;
  readonly #logger: Logger;
  readonly #entries = new Map<types.Worker, WorkerEntry>();
  #consecutiveFailures = 0;
  #waiters: Array<() => void> = [];
  #closed = false;

  static async create(settings: WorkerPoolSettings, logger: Logger): Promise<WorkerPool> {
    const numWorkers = settings.numWorkers ?? availableParallelism();
    if (!Number.isInteger(numWorkers) || numWorkers < 1) {
      throw new MediaError('BAD_USER_INPUT', `numWorkers must be a positive integer, got ${numWorkers}`);
    }
    const binary = useWorkerBinary();
    // NOTE: required here, after useWorkerBinary(), because mediasoup 3.12 reads
    // MEDIASOUP_WORKER_BIN when its module loads.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mediasoup = require('mediasoup') as typeof import('mediasoup');
    const pool = new WorkerPool(
      mediasoup,
      {
        numWorkers,
        rtcMinPort: settings.rtcMinPort ?? 40000,
        rtcMaxPort: settings.rtcMaxPort ?? 49999,
        logLevel: settings.logLevel ?? 'warn',
        acquireTimeoutMs: settings.acquireTimeoutMs ?? 15_000,
      },
      logger,
    );
    logger.info({ binary: binary.path, source: binary.source, numWorkers }, 'starting mediasoup workers');
    try {
      await Promise.all(Array.from({ length: numWorkers }, () => pool.#startWorker()));
    } catch (error) {
      pool.close();
      throw error;
    }
    return pool;
  }

  private constructor(mediasoup: typeof import('mediasoup'), settings: Required<WorkerPoolSettings>, logger: Logger) {
    super();
    this.#mediasoup = mediasoup;
    this.#settings = settings;
    this.#logger = logger;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Live workers. */
  get workers(): types.Worker[] {
    return [...this.#entries.keys()].filter((w) => !w.died && !w.closed);
  }

  /**
   * The least-loaded live worker. Load = routers + transports' producers + consumers: a
   * worker's CPU goes to forwarding streams, and counting routers spreads new, still-empty
   * rooms. Waits for a replacement when every worker has just died.
   */
  async acquireWorker(): Promise<types.Worker> {
    const deadline = Date.now() + this.#settings.acquireTimeoutMs;
    for (;;) {
      if (this.#closed) throw new MediaError('UNAVAILABLE', 'the media worker pool is closed');
      const best = this.#leastLoaded();
      if (best) return best;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new MediaError('UNAVAILABLE', 'no mediasoup worker is running and none could be started');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  counts(): WorkerCounts[] {
    return [...this.#entries.values()].map((e) => ({
      pid: e.worker.pid,
      routers: e.routers.size,
      transports: e.transports.size,
      producers: e.producers.size,
      consumers: e.consumers.size,
    }));
  }

  /** Counts as the worker processes report them: what a leak check should trust. */
  async dumpCounts(): Promise<WorkerDumpCounts[]> {
    return Promise.all(
      [...this.#entries.values()]
        .filter((e) => !e.worker.closed)
        .map(async (e) => {
          const dump = (await e.worker.dump()) as {
            routerIds: string[];
            channelMessageHandlers: { channelRequestHandlers: string[] };
          };
          let transports = 0;
          let producers = 0;
          let consumers = 0;
          for (const router of e.routers) {
            if (router.closed || !dump.routerIds.includes(router.id)) continue;
            const r = (await router.dump()) as {
              transportIds: string[];
              mapProducerIdConsumerIds: Record<string, string[]>;
              mapConsumerIdProducerId: Record<string, string>;
            };
            transports += r.transportIds.length;
            producers += Object.keys(r.mapProducerIdConsumerIds).length;
            consumers += Object.keys(r.mapConsumerIdProducerId).length;
          }
          return {
            pid: e.worker.pid,
            routers: dump.routerIds.length,
            transports,
            producers,
            consumers,
            channelRequestHandlers: dump.channelMessageHandlers.channelRequestHandlers.length,
          };
        }),
    );
  }

  /** CPU time (user + system, ms) each live worker process has used so far. */
  async cpuTimes(): Promise<Array<{ pid: number; cpuMs: number }>> {
    return Promise.all(
      this.workers.map(async (w) => {
        const usage = await w.getResourceUsage();
        return { pid: w.pid, cpuMs: usage.ru_utime + usage.ru_stime };
      }),
    );
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const entry of this.#entries.values()) entry.worker.close();
    this.#entries.clear();
    this.#wakeWaiters();
    this.#logger.info('media worker pool closed');
  }

  #leastLoaded(): types.Worker | undefined {
    let best: WorkerEntry | undefined;
    let bestLoad = Infinity;
    for (const entry of this.#entries.values()) {
      if (entry.worker.died || entry.worker.closed) continue;
      const load = entry.routers.size + entry.producers.size + entry.consumers.size;
      if (load < bestLoad) {
        best = entry;
        bestLoad = load;
      }
    }
    return best?.worker;
  }

  async #startWorker(replacing?: number): Promise<void> {
    const worker = await this.#mediasoup.createWorker({
      logLevel: this.#settings.logLevel,
      rtcMinPort: this.#settings.rtcMinPort,
      rtcMaxPort: this.#settings.rtcMaxPort,
    });
    if (this.#closed) {
      worker.close();
      return;
    }
    this.#track(worker);
    this.#logger.info({ pid: worker.pid, replacing }, 'mediasoup worker started');
    this.emit('workerStarted', { pid: worker.pid, replacing });
    this.#wakeWaiters();
  }

  #track(worker: types.Worker): void {
    const entry: WorkerEntry = {
      worker,
      startedAt: Date.now(),
      routers: new Set(),
      transports: new Set(),
      producers: new Set(),
      consumers: new Set(),
    };
    this.#entries.set(worker, entry);
    worker.observer.on('newrouter', (router) => {
      entry.routers.add(router);
      router.observer.once('close', () => entry.routers.delete(router));
      router.observer.on('newtransport', (transport) => {
        entry.transports.add(transport);
        transport.observer.once('close', () => entry.transports.delete(transport));
        transport.observer.on('newproducer', (producer) => {
          entry.producers.add(producer);
          producer.observer.once('close', () => entry.producers.delete(producer));
        });
        transport.observer.on('newconsumer', (consumer) => {
          entry.consumers.add(consumer);
          consumer.observer.once('close', () => entry.consumers.delete(consumer));
        });
      });
    });
    worker.on('died', (error) => this.#onWorkerDied(worker, error));
  }

  #onWorkerDied(worker: types.Worker, error: Error): void {
    const entry = this.#entries.get(worker);
    this.#entries.delete(worker);
    if (this.#closed) return;
    // a worker that dies right after starting counts as a failed start: back off
    if (entry && Date.now() - entry.startedAt < CRASH_LOOP_WINDOW_MS) this.#consecutiveFailures++;
    else this.#consecutiveFailures = 0;
    this.#logger.error({ pid: worker.pid, err: error }, 'mediasoup worker died; starting a replacement');
    this.emit('workerDied', { pid: worker.pid, error });
    void this.#respawn(worker.pid);
  }

  async #respawn(replacing: number): Promise<void> {
    while (!this.#closed) {
      const delay = RESPAWN_BACKOFF_MS[Math.min(this.#consecutiveFailures, RESPAWN_BACKOFF_MS.length - 1)];
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay).unref());
      if (this.#closed) return;
      try {
        await this.#startWorker(replacing);
        return;
      } catch (error) {
        this.#consecutiveFailures++;
        this.#logger.error({ err: error, attempt: this.#consecutiveFailures }, 'could not start a replacement worker');
      }
    }
  }

  #wakeWaiters(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}
