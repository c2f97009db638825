/**
 * The bounds behind the reported gap must really be upper bounds. The big-instance bounds
 * (flow relaxation, aggregate LP) only show up in results on instances too large to know the
 * optimum of, so they are checked here directly against optima found by exhaustive search and
 * against rosters the optimizer produced.
 */
import { buildAggregateLp } from '../../src/optimizer/aggregate-lp';
import { relaxationBound } from '../../src/optimizer/bound';
import { buildCandidates } from '../../src/optimizer/candidates';
import { solveMilp } from '../../src/optimizer/highs-solver';
import { buildMilp } from '../../src/optimizer/milp';
import { optimizeRoster } from '../../src/optimizer';
import type { RosterInput } from '../../src/optimizer/model';
import { buildProblem } from '../../src/optimizer/problem';
import { generateInstance, generateToyInstance } from './support/generated-instance';
import { bruteForceOptimum, independentObjective } from './support/independent-checker';

async function bounds(input: RosterInput) {
  const p = buildProblem(input);
  const c = await buildCandidates(p);
  const lp = async (model: Parameters<typeof solveMilp>[0]) => {
    const out = await solveMilp(model, { relaxation: true, timeLimitSec: 30, relativeGap: 0, seed: 1, start: null });
    expect(out.status).toBe('OPTIMAL');
    return out.bound!;
  };
  const aggregate = buildAggregateLp(p, c);
  // Priced from no pair column at all, so every one the LP needs must come in through its reduced cost.
  const withoutPairs = Uint8Array.from(aggregate.colDemand, (d) => (d < 0 ? 1 : 0));
  const priced = await solveMilp(aggregate, { relaxation: true, initialColumns: withoutPairs, timeLimitSec: 30, relativeGap: 0, seed: 1, start: null });
  expect(priced.status).toBe('OPTIMAL');
  return { flow: relaxationBound(p, c).total, aggregate: await lp(aggregate), priced: priced.bound!, full: await lp(buildMilp(p, c).model) };
}

function toy(seed: number): RosterInput {
  const input = generateToyInstance(seed);
  // A pinned visit, so the bounds' pinned offsets are exercised too.
  const d = input.demands[1];
  const s = input.specialists[2];
  input.pinned = s.availableDates.includes('2027-03-31') ? [{ specialistId: s.id, demandId: d.id, date: '2027-03-31', session: d.session }] : [];
  return input;
}

describe('optimizer bounds', () => {
  it.each([21, 22, 23, 24, 25, 26])('are at least the exhaustive optimum on toy instance %i', async (seed) => {
    const input = toy(seed);
    const optimum = bruteForceOptimum(input).value;
    // The MILP, pins included, finds the same optimum.
    const exact = await optimizeRoster({ ...input, options: { method: 'exact', relativeGap: 0 } });
    expect(exact.objective.total).toBeCloseTo(optimum, 6);
    const b = await bounds(input);
    expect(b.flow).toBeGreaterThanOrEqual(optimum - 1e-6);
    expect(b.aggregate).toBeGreaterThanOrEqual(optimum - 1e-6);
    expect(b.priced).toBeGreaterThanOrEqual(optimum - 1e-6);
    expect(b.full).toBeGreaterThanOrEqual(optimum - 1e-6);
  });

  it('are at least what the optimizer achieves on a generated instance, and the LPs are tighter than the flow bound', async () => {
    const input = generateInstance({ specialists: 60, hosts: 30, days: 28, seed: 8 });
    const r = await optimizeRoster({ ...input, options: { method: 'local', iterations: 30_000 } });
    expect(independentObjective(input, r.assignments)).toBeCloseTo(r.objective.total, 6);
    const b = await bounds(input);
    for (const value of [b.flow, b.aggregate, b.priced, b.full]) expect(value).toBeGreaterThanOrEqual(r.objective.total);
    expect(b.aggregate).toBeLessThanOrEqual(b.flow);
    expect(b.full).toBeLessThanOrEqual(b.aggregate + 1e-6);
    // Column generation ends at the LP's own optimum (to HiGHS's tolerance), not somewhere above it.
    expect(Math.abs(b.priced - b.aggregate)).toBeLessThanOrEqual(1e-6 * Math.abs(b.aggregate));
  });
});
