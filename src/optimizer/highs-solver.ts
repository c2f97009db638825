/**
 * Runs one HiGHS MILP solve in a worker thread.
 *
 * NOTE: why a worker. A HiGHS solve is one synchronous WebAssembly call; in the main thread it
 * would freeze the GraphQL server for the whole solve and nothing could cancel it. In a worker
 * the server stays responsive, the worker streams progress (incumbent, best bound, gap) from
 * HiGHS's MIP callback, and aborting terminates the worker at once (V8 stops WebAssembly
 * loops too). The time limit is HiGHS's own `time_limit`, so a normal stop still returns the
 * best incumbent and bound.
 *
 * The worker's code is a string run with `eval: true` so it works unchanged under ts-node
 * style loaders, jest transforms and the compiled dist build (a separate .js file would not
 * be copied by tsc). It uses nothing but `highs` and `worker_threads`; the WebAssembly module
 * is compiled once per process and shared with each worker.
 */
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { MilpModel } from './milp';
import { abortReason } from './time-slice';

const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const loadHighs = require(workerData.highsPath);
(async () => {
  const highs = await loadHighs({ wasmModule: workerData.wasmModule });
  const m = workerData.model;
  const data = {
    numCols: m.numCols, numRows: m.numRows, sense: highs.constants.objectiveSense.maximize, offset: m.offset,
    colCost: m.colCost, colLower: m.colLower, colUpper: m.colUpper, rowLower: m.rowLower, rowUpper: m.rowUpper,
    matrix: { format: 'csr', numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
  };
  // Without integrality HiGHS solves the LP relaxation, whose optimum bounds the MILP.
  if (!workerData.relaxation) data.integrality = m.integrality;
  const model = highs.createModel(data);
  try {
    model.options.set(Object.assign({ output_flag: false }, workerData.options));
    if (workerData.start && !workerData.relaxation) model.setSolution({ colValue: workerData.start });
    let last = 0;
    model.run({
      [highs.constants.callbackType.mipInterrupt](event) {
        const now = Date.now();
        if (now - last < workerData.progressMs) return;
        last = now;
        const d = event.data;
        parentPort.postMessage({ type: 'progress', seconds: d.running_time, primal: d.mip_primal_bound, dual: d.mip_dual_bound, gap: d.mip_gap, nodes: Number(d.mip_node_count || 0) });
      },
    });
    const info = (name) => { try { return model.info.get(name); } catch (e) { return null; } };
    const hasSolution = Number(info('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    const colValue = hasSolution ? model.getSolution().colValue : null;
    parentPort.postMessage({
      type: 'done',
      status: model.getModelStatus(),
      objective: hasSolution ? model.getObjectiveValue() : null,
      dual: info('mip_dual_bound'),
      nodes: Number(info('mip_node_count') || 0),
      colValue,
    }, colValue ? [colValue.buffer] : []);
  } finally {
    model.dispose();
  }
})().catch((err) => parentPort.postMessage({ type: 'error', message: String((err && err.stack) || err) }));
`;

/** HiGHS model status codes this module cares about (highs.constants.modelStatus). */
const MODEL_STATUS = { optimal: 7, infeasible: 8, timeLimit: 13, interrupted: 17 } as const;

const PRESOLVE_MAX_COLUMNS = 10_000;

let compiled: Promise<WebAssembly.Module> | undefined;
function highsModule(): Promise<WebAssembly.Module> {
  compiled ??= readFile(require.resolve('highs/runtime')).then((bytes) => WebAssembly.compile(bytes));
  return compiled;
}

export interface MilpProgress {
  seconds: number;
  /** Best incumbent objective (null before the first). */
  primal: number | null;
  /** Best proven bound. */
  dual: number | null;
  nodes: number;
}

export interface MilpOutcome {
  status: 'OPTIMAL' | 'TIME_LIMIT' | 'INFEASIBLE' | 'OTHER';
  highsStatus: number;
  /** Column values of the best solution, when HiGHS has one. */
  colValue: Float64Array | null;
  objective: number | null;
  bound: number | null;
  nodes: number;
}

export interface MilpSettings {
  /** Solve the LP relaxation instead (for a bound); its optimum is returned as `bound`. */
  relaxation?: boolean;
  timeLimitSec: number;
  relativeGap: number;
  seed: number;
  start: Float64Array | null;
  signal?: AbortSignal;
  onProgress?: (progress: MilpProgress) => void;
  progressMs?: number;
}

const finite = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) && Math.abs(x) < 1e29 ? x : null);

export async function solveMilp(model: MilpModel, settings: MilpSettings): Promise<MilpOutcome> {
  if (settings.signal?.aborted) throw abortReason(settings.signal);
  const wasmModule = await highsModule();
  if (settings.signal?.aborted) throw abortReason(settings.signal);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      highsPath: require.resolve('highs'),
      wasmModule,
      model,
      relaxation: settings.relaxation ?? false,
      start: settings.start,
      progressMs: settings.progressMs ?? 250,
      options: {
        time_limit: Math.max(0.05, settings.timeLimitSec),
        mip_rel_gap: settings.relativeGap,
        // Travel makes objective values non-integral, so only the relative gap is meaningful.
        mip_abs_gap: 1e-9,
        random_seed: settings.seed % 2147483647,
        // NOTE: HiGHS's MIP presolve (probing tens of thousands of binaries) took 20–30 s on the
        // 200-specialist benchmark before the root LP, removing under 1 % of rows; without it the
        // root bound arrives in ~5 s. Small models still get it: there it is cheap and helps.
        presolve: model.numCols > PRESOLVE_MAX_COLUMNS ? 'off' : 'choose',
      },
    },
  });
  return new Promise<MilpOutcome>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      settings.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      finish(() => reject(abortReason(settings.signal!)));
      void worker.terminate();
    };
    settings.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (msg: { type: string; [key: string]: unknown }) => {
      if (msg.type === 'progress') {
        settings.onProgress?.({ seconds: Number(msg.seconds) || 0, primal: finite(msg.primal), dual: finite(msg.dual), nodes: Number(msg.nodes) || 0 });
      } else if (msg.type === 'done') {
        const highsStatus = Number(msg.status);
        const status =
          highsStatus === MODEL_STATUS.optimal ? 'OPTIMAL'
          : highsStatus === MODEL_STATUS.timeLimit ? 'TIME_LIMIT'
          : highsStatus === MODEL_STATUS.infeasible ? 'INFEASIBLE'
          : 'OTHER';
        finish(() =>
          resolve({
            status,
            highsStatus,
            colValue: (msg.colValue as Float64Array | null) ?? null,
            objective: finite(msg.objective),
            bound: settings.relaxation ? (status === 'OPTIMAL' ? finite(msg.objective) : null) : finite(msg.dual),
            nodes: Number(msg.nodes) || 0,
          }),
        );
        void worker.terminate();
      } else if (msg.type === 'error') {
        finish(() => reject(new Error(`HiGHS failed: ${String(msg.message)}`)));
        void worker.terminate();
      }
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`HiGHS worker exited (code ${code}) without a result`))));
  });
}
