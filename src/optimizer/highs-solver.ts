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
// A bound from any row prices y (weak duality, maximising): for x with lo ≤ Ax ≤ hi and
// l ≤ x ≤ u, c·x = Σ_j (c − yA)_j x_j + y·Ax ≤ Σ_j max((c − yA)_j u_j, (c − yA)_j l_j) + Σ_i
// max(y_i hi_i, y_i lo_i). Valid for every y, so HiGHS's tolerances and sign conventions cannot
// make it wrong, only loose; both signs are tried.
function boundFromPrices(m, colStart, rowIdx, vals, dual, sign, reduced) {
  let total = m.offset;
  const y = new Float64Array(m.numRows);
  for (let i = 0; i < m.numRows; i++) {
    const lo = m.rowLower[i], hi = m.rowUpper[i];
    let v = sign * dual[i];
    if (lo === -Infinity && v < 0) v = 0;
    if (hi === Infinity && v > 0) v = 0;
    y[i] = v;
    if (v > 0) total += v * hi;
    else if (v < 0) total += v * lo;
  }
  for (let j = 0; j < m.numCols; j++) {
    let r = m.colCost[j];
    for (let k = colStart[j]; k < colStart[j + 1]; k++) r -= y[rowIdx[k]] * vals[k];
    reduced[j] = r;
    total += r > 0 ? r * m.colUpper[j] : r < 0 ? r * m.colLower[j] : 0;
  }
  return Number.isNaN(total) ? Infinity : total;
}

// The LP over a subset of its columns, then the bound from its prices over all columns; columns
// the prices say would gain join and it is solved again (warm), until the bound meets the LP.
function pricedRelaxation(highs, m, inModel, deadline) {
  const n = m.numCols, R = m.numRows, nnz = m.indices.length;
  const colStart = new Int32Array(n + 1);
  for (let k = 0; k < nnz; k++) colStart[m.indices[k] + 1]++;
  for (let j = 0; j < n; j++) colStart[j + 1] += colStart[j];
  const fill = colStart.slice(0, n);
  const rowIdx = new Int32Array(nnz), vals = new Float64Array(nnz);
  for (let i = 0; i < R; i++) for (let k = m.starts[i]; k < m.starts[i + 1]; k++) {
    const p = fill[m.indices[k]]++;
    rowIdx[p] = i;
    vals[p] = m.values[k];
  }
  const columns = (list) => {
    const starts = new Int32Array(list.length + 1);
    for (let i = 0; i < list.length; i++) starts[i + 1] = starts[i] + colStart[list[i] + 1] - colStart[list[i]];
    const indices = new Int32Array(starts[list.length]), values = new Float64Array(starts[list.length]);
    list.forEach((j, i) => {
      indices.set(rowIdx.subarray(colStart[j], colStart[j + 1]), starts[i]);
      values.set(vals.subarray(colStart[j], colStart[j + 1]), starts[i]);
    });
    return {
      cost: Float64Array.from(list, (j) => m.colCost[j]), lower: Float64Array.from(list, (j) => m.colLower[j]), upper: Float64Array.from(list, (j) => m.colUpper[j]),
      matrix: { format: 'csc', numRows: R, numCols: list.length, starts, indices, values },
    };
  };
  const first = [];
  for (let j = 0; j < n; j++) if (inModel[j]) first.push(j);
  const c0 = columns(first);
  const model = highs.createModel({
    numCols: first.length, numRows: R, sense: highs.constants.objectiveSense.maximize, offset: m.offset,
    colCost: c0.cost, colLower: c0.lower, colUpper: c0.upper, rowLower: m.rowLower, rowUpper: m.rowUpper, matrix: c0.matrix,
  });
  const reduced = new Float64Array(n), other = new Float64Array(n);
  let best = Infinity, status = 0, lp = null, rounds = 0, cols = first.length;
  try {
    model.options.set(Object.assign({ output_flag: false }, workerData.options, { presolve: 'off' }));
    for (; rounds < 50; rounds++) {
      const left = (deadline - Date.now()) / 1000;
      if (left <= 0) break;
      model.options.set({ time_limit: left });
      model.run();
      status = model.getModelStatus();
      if (status !== highs.constants.modelStatus.optimal) break;
      lp = model.getObjectiveValue();
      const dual = model.getSolution().rowDual;
      const plus = boundFromPrices(m, colStart, rowIdx, vals, dual, 1, reduced);
      const minus = boundFromPrices(m, colStart, rowIdx, vals, dual, -1, other);
      const rc = minus < plus ? other : reduced;
      best = Math.min(best, plus, minus);
      if (best - lp <= 1e-9 * Math.abs(lp) + 1e-6) break;
      const add = [];
      for (let j = 0; j < n; j++) if (!inModel[j] && rc[j] > 1e-7 && m.colUpper[j] > m.colLower[j]) add.push(j);
      if (add.length === 0) break;
      for (const j of add) inModel[j] = 1;
      cols += add.length;
      const more = columns(add);
      model.addCols({ cost: more.cost, lower: more.lower, upper: more.upper, matrix: more.matrix });
    }
  } finally {
    model.dispose();
  }
  return { status, bound: Number.isFinite(best) ? best : null, lp, rounds, cols };
}

(async () => {
  const highs = await loadHighs({ wasmModule: workerData.wasmModule });
  const m = workerData.model;
  if (workerData.initialColumns) {
    const out = pricedRelaxation(highs, m, workerData.initialColumns, Date.now() + workerData.options.time_limit * 1000);
    parentPort.postMessage({ type: 'done', status: out.status, objective: out.lp, bound: out.bound, nodes: 0, colValue: null, rounds: out.rounds, cols: out.cols });
    return;
  }
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

/**
 * Starts compiling HiGHS (once per process; V8 compiles off the main thread) so the first
 * solve does not wait for it: about 0.3 s of the 200-specialist run's bound.
 */
export function prepareHighs(): void {
  // A failure here shows again, and is handled, where the solve awaits the same promise.
  highsModule().catch(() => undefined);
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
  /**
   * With `relaxation`: start from these columns only (1 = in; every column needs finite bounds),
   * and bring in the others as their reduced costs ask (column generation). The bound is then
   * the prices' weak-duality bound over all columns, which is the LP's optimum once no column is
   * missing, and a valid bound at every step before that.
   */
  initialColumns?: Uint8Array;
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
      initialColumns: settings.relaxation ? (settings.initialColumns ?? null) : null,
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
            bound: settings.initialColumns && settings.relaxation ? finite(msg.bound) : settings.relaxation ? (status === 'OPTIMAL' ? finite(msg.objective) : null) : finite(msg.dual),
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
