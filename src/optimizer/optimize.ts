/**
 * The roster optimizer as a job: prepare the candidate set, build a roster with the local
 * search, then either prove/improve it with the HiGHS MILP ('exact') or keep searching and
 * bound it with relaxations ('local'). Reports progress, honours an AbortSignal, and returns a
 * self-describing result (objective, coverage, unmet demand with reasons, bound and gap).
 *
 * Cancellation: the local search yields to the event loop every ~12 ms and checks the signal
 * there; HiGHS runs in a worker thread that is terminated on abort. Either way the promise
 * rejects with the signal's reason within a few tens of milliseconds.
 */
import { performance } from 'node:perf_hooks';
import { badInput } from '../errors';
import { buildAggregateLp, startingColumns } from './aggregate-lp';
import { relaxationBound } from './bound';
import { buildCandidates } from './candidates';
import { prepareHighs, solveMilp } from './highs-solver';
import { construct, improve } from './local-search';
import { buildMilp, chosenFromMilp, type MilpModel, milpStart } from './milp';
import type { OptimizeControl, OptimizePhase, OptimizeOptions, RosterAssignment, RosterInput, RosterResult, StopReason } from './model';
import { scoreRoster } from './objective';
import { buildProblem, type Problem } from './problem';
import { ProgressReporter } from './progress';
import { RosterState } from './roster-state';
import { checkRoster } from './rules';
import { abortReason, throwIfAborted, TimeSlice } from './time-slice';
import { diagnoseUnmet } from './unmet';

/**
 * 'auto' uses the MILP up to this many candidates. Measured on generated instances: ~500
 * candidates prove optimal in ~7 s, ~2 000 in ~50 s; at ~5 000 HiGHS is still at the root after
 * a minute and the local search does as well or better (and deterministically).
 */
export const AUTO_EXACT_MAX_CANDIDATES = 2_000;
/**
 * Up to this size the local search's bound is the full LP relaxation (solved in parallel, in a
 * worker); above it, the aggregate LP. Since the aggregate LP counts days out by half-days it is
 * within 0.01 % of the full relaxation on the benchmark instances and about 6× quicker to solve
 * (0.6 s against 4 s of CPU at 55 000 candidates), so the full one is kept for small rosters only.
 */
export const LP_BOUND_MAX_CANDIDATES = 10_000;
/** Moves of the short local search that warm-starts the MILP. */
const WARM_START_ITERATIONS = 20_000;

const DEFAULTS = { seed: 1, timeLimitMs: 60_000, method: 'auto', relativeGap: 1e-6 } as const;

interface Settings {
  seed: number;
  timeLimitMs: number;
  method: 'auto' | 'exact' | 'local';
  relativeGap: number;
  iterations: number | null;
}

function settingsFrom(options: OptimizeOptions | undefined): Settings {
  const o = options ?? {};
  const seed = o.seed ?? DEFAULTS.seed;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw badInput('options.seed', 'roster.inputSeed');
  const timeLimitMs = o.timeLimitMs ?? DEFAULTS.timeLimitMs;
  if (!Number.isFinite(timeLimitMs) || timeLimitMs < 100 || timeLimitMs > 3_600_000) throw badInput('options.timeLimitMs', 'roster.inputTimeLimit');
  const method = o.method ?? DEFAULTS.method;
  if (!['auto', 'exact', 'local'].includes(method)) throw badInput('options.method', 'roster.inputMethod');
  const relativeGap = o.relativeGap ?? DEFAULTS.relativeGap;
  if (!Number.isFinite(relativeGap) || relativeGap < 0 || relativeGap > 1) throw badInput('options.relativeGap', 'roster.inputGap');
  const iterations = o.iterations ?? null;
  if (iterations !== null && (!Number.isInteger(iterations) || iterations < 0 || iterations > 100_000_000)) {
    throw badInput('options.iterations', 'roster.inputIterations');
  }
  return { seed, timeLimitMs, method, relativeGap, iterations };
}

/**
 * Default local-search budget: 300 moves per expert-day to place (plus per demand), at least
 * 20 000 (under a second on small instances), at most 150 000, and at most SEARCH_WORK
 * candidate looks: a move's cost grows with the candidates per demand that its refills scan
 * (about 240 at 200 specialists, 1 200 at 1 000), so a large instance gets fewer, dearer moves:
 * about 97 000 and 21 000 on the two benchmark sizes. Measured there, against 150 000 moves
 * each: 0.005 % and 0.02 % lower objectives (the bounds are 0.07 % and 0.2 % above either)
 * in two thirds and a seventh of the search time. Counted, not timed, so runs repeat.
 */
const SEARCH_WORK = 25_000_000;
function defaultIterations(p: Problem, state: RosterState): number {
  let toPlace = 0;
  let served = 0;
  for (let d = 0; d < p.D; d++) {
    toPlace += Math.max(0, p.demandNeed[d] - state.c.footprint.demandUsed[d]);
    if (state.c.demandStart[d + 1] > state.c.demandStart[d]) served++;
  }
  const perDemand = state.c.C / Math.max(1, served);
  return Math.round(Math.min(150_000, Math.max(20_000, Math.min(SEARCH_WORK / Math.max(1, perDemand), 300 * (toPlace + p.D)))));
}

/** Percent ranges of the phases in the whole job. */
const SPAN: Record<'exact' | 'local', Partial<Record<OptimizePhase, [number, number]>>> = {
  exact: { PREPARE: [0, 5], CONSTRUCT: [5, 10], IMPROVE: [10, 20], SOLVE: [20, 95], REPORT: [95, 100] },
  local: { PREPARE: [0, 5], CONSTRUCT: [5, 15], IMPROVE: [15, 90], BOUND: [90, 95], REPORT: [95, 100] },
};

export async function optimizeRoster(input: RosterInput, control: OptimizeControl = {}): Promise<RosterResult> {
  const started = performance.now();
  const external = control.signal;
  throwIfAborted(external);
  // One controller for everything this run starts, so a failure or abort also stops stray workers.
  const inner = new AbortController();
  const forward = () => inner.abort(abortReason(external!));
  external?.addEventListener('abort', forward, { once: true });
  try {
    return await run(input, control, inner.signal, started);
  } finally {
    external?.removeEventListener('abort', forward);
    if (!inner.signal.aborted) inner.abort(new DOMException('The roster optimization finished', 'AbortError'));
  }
}

async function run(input: RosterInput, control: OptimizeControl, signal: AbortSignal, started: number): Promise<RosterResult> {
  const settings = settingsFrom(input.options);
  const deadline = started + settings.timeLimitMs;
  const progress = new ProgressReporter(control.onProgress);
  const phaseMs: Partial<Record<OptimizePhase, number>> = {};
  let phaseStart = performance.now();
  const endPhase = (phase: OptimizePhase) => {
    const now = performance.now();
    phaseMs[phase] = (phaseMs[phase] ?? 0) + (now - phaseStart);
    phaseStart = now;
  };

  progress.report('PREPARE', 0, 5, 0);
  prepareHighs();
  const p = buildProblem(input);
  const c = await buildCandidates(p, new TimeSlice(signal));
  const method: 'exact' | 'local' = settings.method === 'exact' || (settings.method === 'auto' && c.C <= AUTO_EXACT_MAX_CANDIDATES) ? 'exact' : 'local';
  const span = SPAN[method];
  const state = new RosterState(p, c);
  progress.observe(() => scoreRoster(p, [
    ...p.pinned.map((pin) => ({ spec: pin.spec, demand: pin.demand, day: pin.day })),
    ...state.chosenList().map((k) => ({ spec: c.spec[k], demand: c.demand[k], day: c.day[k] })),
  ]).objective);
  endPhase('PREPARE');
  progress.report('PREPARE', ...span.PREPARE!, 1, state.total);
  await new Promise<void>((resolve) => setImmediate(resolve));
  throwIfAborted(signal);

  // An LP bound runs in a worker while the local search uses this thread: the full MILP's
  // relaxation while that is small enough to solve quickly, else the aggregate LP, priced from
  // the columns the constructed roster uses (see startingColumns).
  let lpBound: Promise<number | null> | null = null;
  let flowBound: number | null = null;
  const startLpBound = () => {
    if (method !== 'local' || c.C === 0) return;
    let model: MilpModel;
    let initialColumns: Uint8Array | undefined;
    if (c.C <= LP_BOUND_MAX_CANDIDATES) {
      model = buildMilp(p, c).model;
    } else {
      const lp = buildAggregateLp(p, c);
      const used = new Uint8Array(p.D * p.S);
      for (let i = 0; i < state.size; i++) used[c.demand[state.members[i]] * p.S + c.spec[state.members[i]]] = 1;
      model = lp;
      initialColumns = startingColumns(lp, p, used);
    }
    lpBound = solveMilp(model, {
      relaxation: true,
      initialColumns,
      timeLimitSec: (deadline - performance.now()) / 1000,
      relativeGap: 0,
      seed: settings.seed,
      start: null,
      signal,
    })
      .then((outcome) => outcome.bound)
      // No bound is not a failure of the run: the flow bound below still stands.
      .catch(() => null);
  };

  let stopReason: StopReason = 'ITERATION_BUDGET';
  let iterations = 0;
  let milp: { variables: number; constraints: number; nodes: number; bound: number | null } | null = null;
  let highsOptimal = false;
  if (c.C === 0) {
    stopReason = 'NOTHING_TO_DO';
  } else {
    const onSearch = (phase: 'CONSTRUCT' | 'IMPROVE', fraction: number, best: number) => progress.report(phase, ...span[phase]!, fraction, best);
    const built = await construct(state, { seed: settings.seed, iterations: 0, deadline, signal, onProgress: onSearch });
    endPhase('CONSTRUCT');
    startLpBound();
    // The flow relaxation is quick and already valid, so the gap shows while the LP is solved;
    // computed after the LP's start so that it does not delay it.
    flowBound = relaxationBound(p, c).total;
    progress.bound(flowBound);
    if (method === 'local') endPhase('BOUND');
    const budget = settings.iterations ?? defaultIterations(p, state);
    // The warm start for the MILP gets a short search and at most a quarter of the time.
    const searchDeadline = method === 'exact' ? Math.min(deadline, started + settings.timeLimitMs / 4) : deadline;
    const searched =
      built.stoppedBy === 'TIME_LIMIT'
        ? built
        : await improve(state, { seed: settings.seed, iterations: method === 'exact' ? Math.min(budget, WARM_START_ITERATIONS) : budget, deadline: searchDeadline, signal, onProgress: onSearch });
    endPhase('IMPROVE');
    iterations = searched.iterations;
    stopReason = searched.stoppedBy;

    if (method === 'exact') {
      const model = buildMilp(p, c);
      const timeLimitSec = Math.max(0.1, (deadline - performance.now()) / 1000 - 0.2);
      const [from, to] = span.SOLVE!;
      const outcome = await solveMilp(model.model, {
        timeLimitSec,
        relativeGap: settings.relativeGap,
        seed: settings.seed,
        start: milpStart(p, c, model, state.chosenList()),
        signal,
        onProgress: (m) => progress.report('SOLVE', from, to, m.seconds / timeLimitSec, m.primal),
      }).catch((error: unknown) => {
        // A solver that dies (out of WebAssembly memory on a model far too big for 'exact')
        // still leaves the local search's roster, which is valid; only cancellation is fatal.
        if (signal.aborted) throw error;
        return null;
      });
      endPhase('SOLVE');
      if (outcome?.status === 'INFEASIBLE') throw new Error('internal: HiGHS reports the roster model infeasible, but an empty roster always fits');
      if (outcome?.colValue) {
        const before = state.chosenList();
        const searchTotal = state.total;
        const rejected = state.load(chosenFromMilp(model.model, outcome.colValue));
        if (rejected > 0) throw new Error(`internal: ${rejected} assignments of the MILP solution break the roster rules`);
        // HiGHS may stop before matching its own warm start (e.g. a time limit during presolve).
        if (state.total < searchTotal) state.load(before);
      }
      highsOptimal = outcome?.status === 'OPTIMAL';
      stopReason = outcome?.status === 'OPTIMAL' ? 'OPTIMAL' : outcome?.status === 'TIME_LIMIT' ? 'TIME_LIMIT' : 'SOLVER_LIMIT';
      milp = { variables: model.model.numCols, constraints: model.model.numRows, nodes: outcome?.nodes ?? 0, bound: outcome?.bound ?? null };
    }
  }

  // A time-limited solver may leave room; the roster should never have an obviously addable day.
  state.fill();
  progress.report(method === 'exact' ? 'SOLVE' : 'BOUND', ...(method === 'exact' ? span.SOLVE! : span.BOUND!), 1, state.total);
  // Every one of these is a valid upper bound; report the tightest.
  const bounds: { value: number; source: 'MILP' | 'RELAXATION' }[] = [];
  if (flowBound !== null) bounds.push({ value: flowBound, source: 'RELAXATION' });
  if (milp?.bound != null) bounds.push({ value: milp.bound, source: 'MILP' });
  const lp = await (lpBound as Promise<number | null> | null);
  if (lp !== null) bounds.push({ value: lp, source: 'RELAXATION' });
  const best = bounds.sort((a, b) => a.value - b.value)[0] ?? null;
  progress.bound(best?.value ?? null);
  if (method === 'local') endPhase('BOUND');
  throwIfAborted(signal);

  const result = report(p, state, {
    method,
    stopReason,
    seed: settings.seed,
    bound: best,
    relativeGap: settings.relativeGap,
    highsOptimal,
    candidates: c.C,
    milp,
    iterations,
  });
  endPhase('REPORT');
  result.stats.phaseMs = phaseMs;
  result.stats.timeMs = performance.now() - started;
  progress.finish('REPORT', result.objective.total);
  return result;
}

interface ReportFacts {
  method: 'exact' | 'local';
  stopReason: StopReason;
  seed: number;
  bound: { value: number; source: 'MILP' | 'RELAXATION' } | null;
  relativeGap: number;
  highsOptimal: boolean;
  candidates: number;
  milp: { variables: number; constraints: number; nodes: number } | null;
  iterations: number;
}

function report(p: Problem, state: RosterState, facts: ReportFacts): RosterResult {
  const { c } = state;
  const chosen = state.chosenList();
  const placed = [
    ...p.pinned.map((pin) => ({ spec: pin.spec, demand: pin.demand, day: pin.day, session: pin.source.session, pinned: true })),
    ...chosen.map((k) => ({ spec: c.spec[k], demand: c.demand[k], day: c.day[k], session: p.demands[c.demand[k]].session, pinned: false })),
  ];
  const assignments: RosterAssignment[] = placed
    .map((a) => ({
      specialistId: p.specialists[a.spec].id,
      demandId: p.demands[a.demand].id,
      hostId: p.demands[a.demand].hostId,
      date: p.dayIso[a.day],
      session: a.session,
      pinned: a.pinned,
    }))
    .sort((x, y) => cmp(x.date, y.date) || cmp(x.hostId, y.hostId) || cmp(x.demandId, y.demandId) || cmp(x.specialistId, y.specialistId) || cmp(x.session, y.session));

  // Safety net: the roster must not break any rule that the pinned assignments did not already break.
  const context = { specialists: p.specialists, hosts: p.hosts, demands: p.demands, specialtyNames: p.specialtyNames };
  const pinnedViolations = checkRoster(context, p.pinned.map((pin) => pin.source));
  const known = new Set(pinnedViolations.map((v) => JSON.stringify(v.says)));
  const fresh = checkRoster(context, assignments).filter((v) => !known.has(JSON.stringify(v.says)));
  if (fresh.length > 0) throw new Error(`internal: the optimized roster breaks a hard rule: ${fresh[0].rule} ${JSON.stringify(fresh[0].says.params)}`);

  const score = scoreRoster(p, placed);
  const total = score.objective.total;
  const perHost = new Int32Array(p.H);
  const pinnedPerHost = new Int32Array(p.H);
  const perDemand = new Int32Array(p.D);
  for (const a of placed) {
    perHost[p.demandHost[a.demand]]++;
    perDemand[a.demand]++;
    if (a.pinned) pinnedPerHost[p.demandHost[a.demand]]++;
  }
  // A bound below the roster's own value can only be rounding (HiGHS works to a tolerance); report it as met.
  const bound = facts.bound === null ? null : Math.max(facts.bound.value, total);
  const gap = bound === null ? null : Math.max(0, (bound - total) / Math.max(1, Math.abs(bound)));
  const proven = facts.highsOptimal || (gap !== null && gap <= facts.relativeGap);
  return {
    method: facts.method,
    status: proven ? 'OPTIMAL' : 'FEASIBLE',
    stopReason: proven && facts.stopReason !== 'NOTHING_TO_DO' ? 'OPTIMAL' : facts.stopReason,
    seed: facts.seed,
    assignments,
    objective: score.objective,
    metrics: score.metrics,
    coverageByHost: p.hosts.map((h, i) => ({
      hostId: h.id,
      demandedDays: p.hostDemanded[i],
      assignedDays: perHost[i],
      pinnedDays: pinnedPerHost[i],
      ratio: p.hostDemanded[i] === 0 ? 0 : perHost[i] / p.hostDemanded[i],
    })),
    coverageByDemand: p.demands.map((d, i) => ({ demandId: d.id, hostId: d.hostId, demandedDays: d.expertDays, assignedDays: perDemand[i] })),
    unmet: diagnoseUnmet(p, state),
    bound,
    gap,
    boundSource: facts.bound?.source ?? null,
    pinnedViolations,
    stats: {
      specialists: p.S,
      hosts: p.H,
      demands: p.D,
      days: p.T,
      candidates: facts.candidates,
      variables: facts.milp?.variables ?? null,
      constraints: facts.milp?.constraints ?? null,
      milpNodes: facts.milp?.nodes ?? null,
      localSearchIterations: facts.iterations,
      timeMs: 0,
      phaseMs: {},
    },
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
