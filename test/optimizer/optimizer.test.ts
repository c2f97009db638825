/**
 * The roster optimizer, judged from outside: results are checked with an independent rule
 * checker and objective (support/independent-checker.ts), never with the optimizer's own.
 */
import { optimizeRoster } from '../../src/optimizer';
import { say } from '../../src/i18n/translate';
import { ruleMessage, unmetMessage } from '../../src/roster/sentences';
import type { OptimizeProgress, PinnedAssignment, RosterInput, RosterResult } from '../../src/optimizer/model';
import { generateInstance, generateToyInstance } from './support/generated-instance';
import { bruteForceOptimum, distanceKm, independentObjective, independentViolations, type Placed } from './support/independent-checker';

const strip = (r: RosterResult) => r.assignments.map(({ specialistId, demandId, date, session }) => ({ specialistId, demandId, date, session }));
const key = (a: Placed) => `${a.date}|${a.demandId}|${a.specialistId}|${a.session}`;

/** Every number a result reports about itself must agree with its own roster. */
function expectSelfConsistent(input: RosterInput, r: RosterResult) {
  expect(r.objective.total).toBeCloseTo(independentObjective(input, r.assignments), 6);
  const parts = r.objective.coverage + r.objective.fairness + r.objective.continuity + r.objective.preference + r.objective.travel;
  expect(parts).toBeCloseTo(r.objective.total, 6);
  for (const d of input.demands) {
    const assigned = r.assignments.filter((a) => a.demandId === d.id).length;
    const row = r.coverageByDemand.find((c) => c.demandId === d.id)!;
    expect(row.assignedDays).toBe(assigned);
    const missing = r.unmet.filter((u) => u.demandId === d.id).reduce((n, u) => n + u.missingDays, 0);
    expect(missing).toBe(d.expertDays - assigned);
  }
  for (const h of input.hosts) {
    const row = r.coverageByHost.find((c) => c.hostId === h.id)!;
    expect(row.assignedDays).toBe(r.assignments.filter((a) => a.hostId === h.id).length);
    expect(row.demandedDays).toBe(input.demands.filter((d) => d.hostId === h.id).reduce((n, d) => n + d.expertDays, 0));
  }
  if (r.bound !== null) {
    expect(r.bound).toBeGreaterThanOrEqual(r.objective.total - 1e-6);
    expect(r.gap).toBeCloseTo((r.bound - r.objective.total) / Math.max(1, Math.abs(r.bound)), 9);
  }
}

/*
 * A roster small enough to optimise by hand.
 *
 * Hosts on the equator: 石桥 at 0°E and 河口 at 1°E, each able to receive one visiting expert a
 * day. Days: Mon 2026-12-07 and Tue 2026-12-08.
 *   王伟 (cardiology) lives at 石桥; may go out 1 day a month.
 *   李娜 (cardiology + paediatrics) lives at 河口; may go out 2 days; paired (对口帮扶) with 石桥.
 *   D1: 石桥 wants 2 cardiology full days Mon–Tue, priority 5, prefers Tuesday.
 *   D2: 河口 wants 1 paediatrics full day Mon–Tue, priority 3, prefers Tuesday.
 *
 * Coverage: only 李娜 can do D2, and 石桥 can take one expert a day, so D1's two days must be one
 * by 王伟 and one by 李娜, and 李娜's other day is D2 — all 3 expert-days are coverable, and
 * that is the only way to do it. (A greedy that lets 李娜 take both D1 days — she is paired with
 * 石桥 and 王伟 would be overloaded — leaves D2 empty: 3 000 points less.)
 * Which day goes where: D2 on Tuesday is preferred (+5), which puts 李娜 at 石桥 on Monday and
 * 王伟 on Tuesday (also D1's preferred day). The alternative scores 5 less.
 *
 *   coverage    1000 × (5 + 5 + 3)                                          = 13 000
 *   fairness    50 × (石桥: 1 + 2·min(2/2, ½) = 2; 河口: 1 + 2·min(1/1, ½) = 2;
 *                     overload: 王伟 1 day > floor(1/2)=0 → 1; 李娜 2 days > floor(2/2)=1 → 1)
 *               = 50 × (4 − 2)                                               =    100
 *   continuity  5 × (returns 0 + 李娜 at paired 石桥 once 1)                 =      5
 *   preference  5 × (王伟 D1 on Tue + 李娜 D2 on Tue)                         =     10
 *   travel      −0.01 × (0 + 李娜 河口→石桥 = 1° of the equator
 *                        = 6371.0088 · π/180 = 111.19508 km + 0)              = −1.1119508
 *   total                                                                    = 13 113.8880492
 */
const HAND: RosterInput = {
  specialists: [
    { id: 'wang', name: '王伟', specialtyIds: ['CARD'], homeLat: 0, homeLng: 0, availableDates: ['2026-12-07', '2026-12-08'], maxDaysPerMonth: 1, maxConsecutiveDays: 1, maxTravelKm: 200 },
    { id: 'li', name: '李娜', specialtyIds: ['CARD', 'PED'], homeLat: 0, homeLng: 1, availableDates: ['2026-12-07', '2026-12-08'], maxDaysPerMonth: 2, maxConsecutiveDays: 2, maxTravelKm: 200 },
  ],
  hosts: [
    { id: 'shiqiao', name: '石桥镇卫生院', lat: 0, lng: 0, dailyCapacity: 1 },
    { id: 'hekou', name: '河口社区卫生服务中心', lat: 0, lng: 1, dailyCapacity: 1 },
  ],
  demands: [
    { id: 'D1', hostId: 'shiqiao', specialtyId: 'CARD', expertDays: 2, periodStart: '2026-12-07', periodEnd: '2026-12-08', preferredWeekdays: [2], session: 'FULL_DAY', priority: 5 },
    { id: 'D2', hostId: 'hekou', specialtyId: 'PED', expertDays: 1, periodStart: '2026-12-07', periodEnd: '2026-12-08', preferredWeekdays: [2], session: 'FULL_DAY', priority: 3 },
  ],
  pairings: [{ specialistId: 'li', hostId: 'shiqiao' }],
  specialtyNames: { CARD: '心内科', PED: '儿科' },
};
const HAND_OPTIMUM = 13_000 + 100 + 5 + 10 - 0.01 * ((6371.0088 * Math.PI) / 180);
const HAND_ROSTER: Placed[] = [
  { specialistId: 'li', demandId: 'D1', date: '2026-12-07', session: 'FULL_DAY' },
  { specialistId: 'li', demandId: 'D2', date: '2026-12-08', session: 'FULL_DAY' },
  { specialistId: 'wang', demandId: 'D1', date: '2026-12-08', session: 'FULL_DAY' },
];

describe('roster optimizer: known optimum', () => {
  it('the hand computation is right (exhaustive search agrees)', () => {
    const best = bruteForceOptimum(HAND);
    expect(best.value).toBeCloseTo(HAND_OPTIMUM, 6);
    expect(best.roster.map(key).sort()).toEqual(HAND_ROSTER.map(key).sort());
  });

  it.each(['exact', 'local', 'auto'] as const)('finds it with method %s', async (method) => {
    const r = await optimizeRoster({ ...HAND, options: { method, timeLimitMs: 20_000 } });
    expect(r.objective.total).toBeCloseTo(HAND_OPTIMUM, 6);
    expect(strip(r).map(key).sort()).toEqual(HAND_ROSTER.map(key).sort());
    expect(independentViolations(HAND, r.assignments)).toEqual([]);
    expectSelfConsistent(HAND, r);
    expect(r.unmet).toEqual([]);
    if (method !== 'local') {
      expect(r.method).toBe('exact');
      expect(r.status).toBe('OPTIMAL');
      expect(r.gap).toBeLessThanOrEqual(1e-6);
    }
  });

  // Random toy consortia, solved exhaustively: the MILP must match the optimum exactly and the
  // local search must not beat it (it would be breaking a rule) and should usually reach it.
  it.each([11, 12, 13, 14, 15])('matches exhaustive search on toy instance %i', async (seed) => {
    const input = generateToyInstance(seed);
    const best = bruteForceOptimum(input);
    const exact = await optimizeRoster({ ...input, options: { method: 'exact', relativeGap: 0, timeLimitMs: 20_000 } });
    expect(exact.objective.total).toBeCloseTo(best.value, 6);
    expect(independentViolations(input, exact.assignments)).toEqual([]);
    const local = await optimizeRoster({ ...input, options: { method: 'local', seed: 3 } });
    expect(independentViolations(input, local.assignments)).toEqual([]);
    expect(local.objective.total).toBeLessThanOrEqual(best.value + 1e-6);
    expect(local.objective.total).toBeGreaterThanOrEqual(best.value - 1000);
    expectSelfConsistent(input, exact);
    expectSelfConsistent(input, local);
  });
});

/** 60 specialists, 30 hosts, four weeks across a month boundary (the days-per-month rule bites twice). */
const MEDIUM = generateInstance({ specialists: 60, hosts: 30, days: 28, seed: 42, start: '2026-11-16' });

describe('roster optimizer: generated instance', () => {
  it.each(['local', 'exact'] as const)('%s: every hard rule holds and the report adds up', async (method) => {
    const r = await optimizeRoster({ ...MEDIUM, options: { method, timeLimitMs: 10_000, iterations: 20_000 } });
    expect(r.method).toBe(method);
    expect(r.assignments.length).toBeGreaterThan(0.6 * MEDIUM.demands.reduce((n, d) => n + d.expertDays, 0));
    expect(independentViolations(MEDIUM, r.assignments)).toEqual([]);
    expectSelfConsistent(MEDIUM, r);
    expect(r.gap).not.toBeNull();
    expect(r.gap!).toBeLessThan(0.05);
    expect(new Set(r.assignments.map((a) => a.date.slice(0, 7)))).toEqual(new Set(['2026-11', '2026-12']));
  });

  it('keeps pinned assignments, counts them against the limits, and reports the rules they break', async () => {
    // Pins the optimizer would not choose itself: random valid triples, jointly valid.
    let state = 7;
    const rand = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31) % n);
    const pins: PinnedAssignment[] = [];
    while (pins.length < 10) {
      const d = MEDIUM.demands[rand(MEDIUM.demands.length)];
      const s = MEDIUM.specialists[rand(MEDIUM.specialists.length)];
      const date = s.availableDates[rand(s.availableDates.length)];
      if (!date) continue;
      const pin = { specialistId: s.id, demandId: d.id, date, session: d.session };
      if (independentViolations(MEDIUM, [...pins, pin]).length === 0) pins.push(pin);
    }
    // …and one the scheduler forced against the rules: a day the specialist did not offer.
    const target = MEDIUM.demands.find((d) => d.periodStart === '2026-11-16')!;
    const forced = MEDIUM.specialists.find((s) => s.specialtyIds.includes(target.specialtyId) && !s.availableDates.includes('2026-11-21'))!;
    const offDay = '2026-11-21';
    const bad: PinnedAssignment = { specialistId: forced.id, demandId: target.id, date: offDay, session: target.session };
    const input = { ...MEDIUM, pinned: [...pins, bad], options: { method: 'local' as const, iterations: 20_000 } };

    const r = await optimizeRoster(input);
    const pinnedOut = r.assignments.filter((a) => a.pinned);
    expect(pinnedOut.map(key).sort()).toEqual([...pins, bad].map(key).sort());
    for (const a of r.assignments.filter((x) => !x.pinned)) expect([...pins, bad].map(key)).not.toContain(key(a));
    // The only broken rule in the whole roster is the forced pin's availability (unless the
    // random specialist also lives too far; then that is reported too).
    const broken = independentViolations(input, r.assignments);
    expect(broken).toContainEqual(expect.stringContaining(`${forced.id} not available ${offDay}`));
    expect(broken.every((v) => v.startsWith(`#${r.assignments.findIndex((a) => key(a) === key(bad))} `))).toBe(true);
    expect(r.pinnedViolations).toContainEqual(
      expect.objectContaining({ rule: 'NOT_AVAILABLE', specialistId: forced.id, date: offDay }),
    );
    const offSentence = r.pinnedViolations.find((v) => v.rule === 'NOT_AVAILABLE')!.says;
    expect(say('en', ruleMessage(offSentence))).toBe(`${forced.name} has not declared ${offDay} as a day they can go out`);
    expect(say('zh-CN', ruleMessage(offSentence))).toBe(`${forced.name} 未申报 ${offDay} 可以外出`);
    expect(r.pinnedViolations.length).toBe(broken.length);
    expectSelfConsistent(input, r);
  });

  it('treats pinned days as used: no second booking, no extra day over the limit, no room at a full host', async () => {
    const input: RosterInput = {
      specialists: [
        { id: 'a', name: '王伟', specialtyIds: ['CARD'], homeLat: 0, homeLng: 0, availableDates: ['2026-12-01', '2026-12-02', '2026-12-03'], maxDaysPerMonth: 1, maxConsecutiveDays: 3, maxTravelKm: 500 },
        { id: 'b', name: '李娜', specialtyIds: ['CARD'], homeLat: 0, homeLng: 0, availableDates: ['2026-12-01', '2026-12-02', '2026-12-03'], maxDaysPerMonth: 3, maxConsecutiveDays: 3, maxTravelKm: 500 },
      ],
      hosts: [
        { id: 'x', name: '石桥镇卫生院', lat: 0, lng: 0.1, dailyCapacity: 1 },
        { id: 'y', name: '河口社区卫生服务中心', lat: 0, lng: 0.2, dailyCapacity: 1 },
      ],
      demands: [
        { id: 'DX', hostId: 'x', specialtyId: 'CARD', expertDays: 3, periodStart: '2026-12-01', periodEnd: '2026-12-03', preferredWeekdays: [], session: 'MORNING', priority: 5 },
        { id: 'DY', hostId: 'y', specialtyId: 'CARD', expertDays: 3, periodStart: '2026-12-01', periodEnd: '2026-12-03', preferredWeekdays: [], session: 'FULL_DAY', priority: 1 },
      ],
      pinned: [
        { specialistId: 'a', demandId: 'DX', date: '2026-12-02', session: 'MORNING' },
        { specialistId: 'b', demandId: 'DX', date: '2026-12-03', session: 'MORNING' },
      ],
    };
    const r = await optimizeRoster(input);
    expect(independentViolations(input, r.assignments)).toEqual([]);
    const others = r.assignments.filter((a) => !a.pinned);
    // 王伟's one day a month is the pinned 2nd: nothing else for him.
    expect(others.filter((a) => a.specialistId === 'a')).toEqual([]);
    // 石桥 is full on the 3rd (pinned 李娜); 李娜 cannot do a full day at 河口 on the 3rd either.
    expect(others.filter((a) => a.hostId === 'x' && a.date === '2026-12-03')).toEqual([]);
    expect(others.filter((a) => a.specialistId === 'b' && a.date === '2026-12-03')).toEqual([]);
    expectSelfConsistent(input, r);
  });
});

describe('roster optimizer: determinism', () => {
  it('gives the identical roster for the same input and seed, whatever the row order', async () => {
    const options = { method: 'local' as const, seed: 99, iterations: 15_000 };
    const first = await optimizeRoster({ ...MEDIUM, options });
    const again = await optimizeRoster({ ...MEDIUM, options });
    const shuffled = await optimizeRoster({
      ...MEDIUM,
      specialists: [...MEDIUM.specialists].reverse().map((s) => ({ ...s, availableDates: [...s.availableDates].reverse() })),
      hosts: [...MEDIUM.hosts].reverse(),
      demands: [...MEDIUM.demands].reverse(),
      pairings: [...(MEDIUM.pairings ?? [])].reverse(),
      options,
    });
    expect(first.stopReason).toBe('ITERATION_BUDGET');
    expect(again.assignments).toEqual(first.assignments);
    expect(again.objective).toEqual(first.objective);
    expect(again.unmet).toEqual(first.unmet);
    expect(shuffled.assignments).toEqual(first.assignments);
    expect(shuffled.objective.total).toBeCloseTo(first.objective.total, 6);
  });

  it('is deterministic for the exact method when HiGHS proves optimality', async () => {
    const a = await optimizeRoster({ ...HAND, options: { method: 'exact', seed: 5 } });
    const b = await optimizeRoster({ ...HAND, options: { method: 'exact', seed: 5 } });
    expect(a.stopReason).toBe('OPTIMAL');
    expect(b.assignments).toEqual(a.assignments);
  });
});

describe('roster optimizer: as a job', () => {
  const BIG = generateInstance({ specialists: 200, hosts: 100, days: 28, seed: 3 });

  it('reports progress: several events, percent never going back, ending at 100', async () => {
    const events: OptimizeProgress[] = [];
    const r = await optimizeRoster({ ...BIG, options: { method: 'local', iterations: 30_000 } }, { onProgress: (e) => events.push(e) });
    expect(events.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < events.length; i++) expect(events[i].percent).toBeGreaterThanOrEqual(events[i - 1].percent);
    expect(new Set(events.map((e) => e.phase))).toEqual(new Set(['PREPARE', 'CONSTRUCT', 'IMPROVE', 'BOUND', 'REPORT']));
    expect(events.at(-1)).toMatchObject({ phase: 'REPORT', percent: 100, bestObjective: r.objective.total });
    // The last report also carries the final score's parts, and a bound no lower than it.
    expect(events.at(-1)!.objective).toEqual(r.objective);
    expect(events.at(-1)!.bound!).toBeGreaterThanOrEqual(r.objective.total - 1e-6);
    // Never worse (up to the rounding between incremental and from-scratch scoring).
    const best = events.filter((e) => e.bestObjective !== null).map((e) => e.bestObjective!);
    for (let i = 1; i < best.length; i++) expect(best[i]).toBeGreaterThanOrEqual(best[i - 1] - 1e-6);
  });

  it('stops the local search promptly when aborted', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    const run = optimizeRoster(
      { ...BIG, options: { method: 'local', iterations: 50_000_000, timeLimitMs: 300_000 } },
      {
        signal: controller.signal,
        onProgress: (e) => {
          if (e.phase === 'IMPROVE' && !abortedAt) {
            abortedAt = Date.now();
            controller.abort();
          }
        },
      },
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - abortedAt).toBeLessThan(1000);
  });

  it('stops a running HiGHS solve promptly when aborted', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    const run = optimizeRoster(
      { ...BIG, options: { method: 'exact', timeLimitMs: 300_000 } },
      {
        signal: controller.signal,
        onProgress: (e) => {
          if (e.phase === 'SOLVE' && !abortedAt) {
            // Let the worker get properly into the solve first.
            setTimeout(() => {
              abortedAt = Date.now();
              controller.abort();
            }, 1500);
            abortedAt = -1;
          }
        },
      },
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(abortedAt).toBeGreaterThan(0);
    expect(Date.now() - abortedAt).toBeLessThan(1000);
  });

  it('rejects at once when the signal is already aborted', async () => {
    await expect(optimizeRoster(HAND, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses malformed input with a field-level BAD_USER_INPUT error', async () => {
    const broken = { ...HAND, demands: [{ ...HAND.demands[0], periodEnd: '2026-02-30' }] };
    await expect(optimizeRoster(broken)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'demands[0].periodEnd' });
    await expect(optimizeRoster({ ...HAND, pinned: [{ specialistId: 'nobody', demandId: 'D1', date: '2026-12-07', session: 'FULL_DAY' }] })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});

describe('roster optimizer: unmet demand reasons', () => {
  // One host at 0°E; 李娜 (cardiology) lives there, 赵敏 (paediatrics) 3° away (~334 km), 周杰
  // (orthopaedics) nearby but away all of December.
  const base: RosterInput = {
    specialists: [
      { id: 'li', name: '李娜', specialtyIds: ['CARD'], homeLat: 0, homeLng: 0, availableDates: ['2026-12-01', '2026-12-02'], maxDaysPerMonth: 1, maxConsecutiveDays: 2, maxTravelKm: 100 },
      { id: 'zhao', name: '赵敏', specialtyIds: ['PED'], homeLat: 0, homeLng: 3, availableDates: ['2026-12-01', '2026-12-02'], maxDaysPerMonth: 5, maxConsecutiveDays: 2, maxTravelKm: 100 },
      { id: 'zhou', name: '周杰', specialtyIds: ['ORTH'], homeLat: 0, homeLng: 0.1, availableDates: ['2027-01-05'], maxDaysPerMonth: 5, maxConsecutiveDays: 2, maxTravelKm: 100 },
    ],
    hosts: [
      { id: 'h', name: '石桥镇卫生院', lat: 0, lng: 0, dailyCapacity: 2 },
      { id: 'g', name: '河口社区卫生服务中心', lat: 0, lng: 0.05, dailyCapacity: 0 },
    ],
    demands: [
      { id: 'needs-obgyn', hostId: 'h', specialtyId: 'OBGYN', expertDays: 2, periodStart: '2026-12-01', periodEnd: '2026-12-02', preferredWeekdays: [], session: 'FULL_DAY', priority: 3 },
      { id: 'needs-ped', hostId: 'h', specialtyId: 'PED', expertDays: 2, periodStart: '2026-12-01', periodEnd: '2026-12-02', preferredWeekdays: [], session: 'FULL_DAY', priority: 3 },
      { id: 'needs-orth', hostId: 'h', specialtyId: 'ORTH', expertDays: 1, periodStart: '2026-12-01', periodEnd: '2026-12-02', preferredWeekdays: [], session: 'FULL_DAY', priority: 3 },
      { id: 'needs-card', hostId: 'h', specialtyId: 'CARD', expertDays: 2, periodStart: '2026-12-01', periodEnd: '2026-12-02', preferredWeekdays: [], session: 'FULL_DAY', priority: 3 },
      { id: 'closed-host', hostId: 'g', specialtyId: 'ORTH', expertDays: 1, periodStart: '2027-01-05', periodEnd: '2027-01-05', preferredWeekdays: [], session: 'FULL_DAY', priority: 3 },
    ],
    specialtyNames: { OBGYN: '妇产科', PED: '儿科', ORTH: '骨科', CARD: '心内科' },
  };

  it('names the reason for each shortfall', async () => {
    expect(distanceKm(0, 3, 0, 0)).toBeGreaterThan(300);
    const r = await optimizeRoster(base);
    expect(independentViolations(base, r.assignments)).toEqual([]);
    const reasons = Object.fromEntries(r.unmet.map((u) => [u.demandId, { reason: u.reason, missingDays: u.missingDays }]));
    expect(reasons).toEqual({
      'needs-obgyn': { reason: 'NO_SPECIALIST_WITH_SPECIALTY', missingDays: 2 },
      'needs-ped': { reason: 'TRAVEL', missingDays: 2 },
      'needs-orth': { reason: 'NO_ONE_AVAILABLE', missingDays: 1 },
      // 李娜 could come both days but may go out only one day a month.
      'needs-card': { reason: 'LIMITS', missingDays: 1 },
      'closed-host': { reason: 'HOST_CAPACITY', missingDays: 1 },
    });
    const travel = r.unmet.find((u) => u.demandId === 'needs-ped')!;
    for (const language of ['en', 'zh-CN'] as const) {
      const detail = say(language, unmetMessage(travel.says));
      expect(detail).toContain('赵敏');
      expect(detail).toContain('石桥镇卫生院');
    }
    expect(say('en', unmetMessage(travel.says))).toMatch(/^石桥镇卫生院 is beyond the travel limit of \d+ free .+ specialist\(s\) \(closest: 赵敏, \d+ km away, limit \d+ km\)\.$/);
    expect(say('zh-CN', unmetMessage(travel.says))).toMatch(/^石桥镇卫生院 超出 \d+ 名有空的.+专家的出行上限（最近的是 赵敏，相距 \d+ 公里，上限 \d+ 公里）。$/);
    const obgyn = r.unmet.find((u) => u.demandId === 'needs-obgyn')!.says;
    expect(say('en', unmetMessage(obgyn))).toBe('No specialist in the pool practises 妇产科; add one or drop the demand.');
    expect(say('zh-CN', unmetMessage(obgyn))).toBe('专家库中没有妇产科专家，请增加专家或撤销该需求。');
    expectSelfConsistent(base, r);
  });
});
