/**
 * The roster optimizer's public surface: pure functions over plain data (model.ts), no database.
 *
 *   const controller = new AbortController();
 *   const result = await optimizeRoster(input, { signal: controller.signal, onProgress });
 *   // result.assignments (pinned ones included and flagged), objective, coverage, unmet + reasons, bound, gap
 *
 *   const violations = checkRoster({ specialists, hosts, demands, specialtyNames }, assignments);
 *   // [] when every hard rule holds; else one entry per broken rule, with a message for the scheduler
 *   // and the positions of the assignments involved (to validate a manual edit, keep the ones that
 *   // include the edited position).
 *
 * How it works: candidates.ts prunes specialist × demand × date by the rules that involve one
 * assignment; local-search.ts builds and improves a roster; milp.ts + highs-solver.ts solve the
 * MILP with HiGHS in a worker thread; bound.ts bounds what the local search cannot prove;
 * unmet.ts explains shortfalls; rules.ts judges any roster. optimize.ts runs it as a job.
 */
export { optimizeRoster, AUTO_EXACT_MAX_CANDIDATES } from './optimize';
export { checkRoster, type CheckedAssignment, type RuleContext } from './rules';
export { haversineKm } from './distance';
export type * from './model';
// The calendar and half-day primitives rosters and bookings build on (one copy, here).
export { dayNumber, isoDate, weekday, monthKey } from './calendar';
export { SESSIONS, SESSION_LABEL, SESSION_MASK, isSession } from './sessions';
export { SeededRandom } from './seeded-random';
