/**
 * The hard-rule checker the roster service uses for manual edits: it must name each broken
 * rule in words a scheduler can act on, and agree with the independent checker.
 */
import { checkRoster } from '../../src/optimizer';
import { say } from '../../src/i18n/translate';
import { ruleMessage } from '../../src/roster/sentences';
import type { RosterInput, RuleCode } from '../../src/optimizer/model';
import { generateInstance } from './support/generated-instance';
import { independentViolations, type Placed } from './support/independent-checker';

const POOL: RosterInput = {
  specialists: [
    {
      id: 'wang', name: '王伟', specialtyIds: ['CARD'], homeLat: 36.0, homeLng: 118.0,
      availableDates: ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05'], blockedDates: ['2026-12-05'],
      maxDaysPerMonth: 3, maxConsecutiveDays: 2, maxTravelKm: 50,
    },
    { id: 'li', name: '李娜', specialtyIds: ['PED'], homeLat: 36.0, homeLng: 118.0, availableDates: ['2026-12-03'], maxDaysPerMonth: 5, maxConsecutiveDays: 5, maxTravelKm: 50 },
  ],
  hosts: [
    { id: 'shiqiao', name: '石桥镇卫生院', lat: 36.1, lng: 118.0, dailyCapacity: 1 },
    { id: 'hekou', name: '河口社区卫生服务中心', lat: 36.0, lng: 118.1, dailyCapacity: 2 },
    { id: 'far', name: '远山乡卫生院', lat: 37.5, lng: 118.0, dailyCapacity: 2 },
  ],
  demands: [
    { id: 'card-sq', hostId: 'shiqiao', specialtyId: 'CARD', expertDays: 1, periodStart: '2026-12-01', periodEnd: '2026-12-04', preferredWeekdays: [], session: 'FULL_DAY', priority: 3 },
    { id: 'card-hk', hostId: 'hekou', specialtyId: 'CARD', expertDays: 5, periodStart: '2026-12-01', periodEnd: '2026-12-05', preferredWeekdays: [], session: 'MORNING', priority: 3 },
    { id: 'ped-sq', hostId: 'shiqiao', specialtyId: 'PED', expertDays: 2, periodStart: '2026-12-03', periodEnd: '2026-12-03', preferredWeekdays: [], session: 'AFTERNOON', priority: 3 },
    { id: 'card-far', hostId: 'far', specialtyId: 'CARD', expertDays: 2, periodStart: '2026-12-01', periodEnd: '2026-12-31', preferredWeekdays: [], session: 'FULL_DAY', priority: 3 },
  ],
  specialtyNames: { CARD: '心内科', PED: '儿科' },
};

describe('checkRoster', () => {
  it('accepts a valid roster, including a morning and an afternoon on one day', () => {
    expect(
      checkRoster(POOL, [
        { specialistId: 'wang', demandId: 'card-hk', date: '2026-12-03', session: 'MORNING' },
        { specialistId: 'li', demandId: 'ped-sq', date: '2026-12-03', session: 'AFTERNOON' },
        { specialistId: 'wang', demandId: 'card-sq', date: '2026-12-01', session: 'FULL_DAY' },
      ]),
    ).toEqual([]);
  });

  it('names the specialist, the host and the date when someone is booked twice', () => {
    const v = checkRoster(POOL, [
      { specialistId: 'wang', demandId: 'card-sq', date: '2026-12-03', session: 'FULL_DAY' },
      { specialistId: 'wang', demandId: 'card-hk', date: '2026-12-03', session: 'MORNING' },
    ]);
    // The optimizer gives the sentence's code and values; the hub says it in the reader's language.
    expect(v.map((x) => say('en', ruleMessage(x.says)))).toEqual(['王伟 already works at 石桥镇卫生院 on 2026-12-03 (full-day); cannot also take the morning session at 河口社区卫生服务中心']);
    expect(v.map((x) => say('zh-CN', ruleMessage(x.says)))).toEqual(['王伟 已于 2026-12-03（全天）在 石桥镇卫生院 出诊，不能再承担 河口社区卫生服务中心 的上午坐诊']);
    expect(v).toEqual([
      {
        rule: 'DOUBLE_BOOKED',
        says: { code: 'DOUBLE_BOOKED', params: { specialist: '王伟', host: '石桥镇卫生院', date: '2026-12-03', session: 'FULL_DAY', otherSession: 'MORNING', otherHost: '河口社区卫生服务中心' } },
        specialistId: 'wang',
        hostId: 'hekou',
        demandId: 'card-hk',
        date: '2026-12-03',
        assignmentIndexes: [0, 1],
      },
    ]);
  });

  it('reports each rule with an actionable message', () => {
    const cases: [RuleCode, Parameters<typeof checkRoster>[1], RegExp][] = [
      ['UNKNOWN_SPECIALIST', [{ specialistId: 'ghost', demandId: 'card-hk', date: '2026-12-01', session: 'MORNING' }], /ghost is not in the pool/],
      ['UNKNOWN_DEMAND', [{ specialistId: 'wang', demandId: 'nope', date: '2026-12-01', session: 'MORNING' }], /nope is not part of this roster/],
      ['SESSION_MISMATCH', [{ specialistId: 'wang', demandId: 'card-hk', date: '2026-12-01', session: 'FULL_DAY' }], /王伟 is booked for a full-day session at 河口社区卫生服务中心 on 2026-12-01, but the demand is for morning sessions/],
      ['OUTSIDE_PERIOD', [{ specialistId: 'li', demandId: 'ped-sq', date: '2026-12-04', session: 'AFTERNOON' }], /2026-12-04 is outside the period 2026-12-03 to 2026-12-03 that 石桥镇卫生院 asked 儿科 for/],
      ['NOT_AVAILABLE', [{ specialistId: 'li', demandId: 'ped-sq', date: '2026-12-03', session: 'AFTERNOON' }, { specialistId: 'wang', demandId: 'card-hk', date: '2026-12-06', session: 'MORNING' }], /王伟 has not declared 2026-12-06 as a day they can go out/],
      ['BLOCKED_DAY', [{ specialistId: 'wang', demandId: 'card-hk', date: '2026-12-05', session: 'MORNING' }], /王伟 is blocked on 2026-12-05/],
      ['SPECIALTY_MISSING', [{ specialistId: 'li', demandId: 'card-hk', date: '2026-12-03', session: 'MORNING' }], /李娜 does not practise 心内科, which 河口社区卫生服务中心 asked for/],
      ['TRAVEL_LIMIT', [{ specialistId: 'wang', demandId: 'card-far', date: '2026-12-01', session: 'FULL_DAY' }], /远山乡卫生院 is 166\.8 km from 王伟's hospital, beyond their 50 km travel limit/],
      ['MONTHLY_LIMIT', ['2026-12-01', '2026-12-03', '2026-12-04', '2026-12-02'].map((date) => ({ specialistId: 'wang', demandId: 'card-hk', date, session: 'MORNING' as const })), /王伟 would be out 4 days in 2026-12, over their limit of 3/],
      ['CONSECUTIVE_LIMIT', ['2026-12-02', '2026-12-03', '2026-12-04'].map((date) => ({ specialistId: 'wang', demandId: 'card-hk', date, session: 'MORNING' as const })), /王伟 would be out 3 days in a row \(2026-12-02 to 2026-12-04\), over their limit of 2/],
      ['HOST_CAPACITY', [{ specialistId: 'wang', demandId: 'card-sq', date: '2026-12-03', session: 'FULL_DAY' }, { specialistId: 'li', demandId: 'ped-sq', date: '2026-12-03', session: 'AFTERNOON' }], /石桥镇卫生院 would receive 2 visiting experts on 2026-12-03, over its capacity of 1/],
      ['DEMAND_EXCEEDED', [{ specialistId: 'wang', demandId: 'card-sq', date: '2026-12-01', session: 'FULL_DAY' }, { specialistId: 'wang', demandId: 'card-sq', date: '2026-12-03', session: 'FULL_DAY' }], /石桥镇卫生院 asked for 1 expert-days of 心内科 \(demand card-sq\) but 2 are assigned/],
    ];
    for (const [rule, roster, message] of cases) {
      const found = checkRoster(POOL, roster).filter((v) => v.rule === rule);
      expect({ rule, messages: found.map((v) => say('en', ruleMessage(v.says))) }).toEqual({ rule, messages: [expect.stringMatching(message)] });
      // Every rule has its Chinese sentence too, with the same names and numbers in it.
      const zh = found.map((v) => say('zh-CN', ruleMessage(v.says)));
      expect(zh).toEqual([expect.stringMatching(/[\u4e00-\u9fff]/)]);
      for (const value of Object.values(found[0].says.params)) if (!/^(MORNING|AFTERNOON|FULL_DAY)$/.test(String(value))) expect(zh[0]).toContain(String(value));
    }
  });

  it('counts people, not half-days, against host capacity', () => {
    const pool = { ...POOL, hosts: POOL.hosts.map((h) => ({ ...h, dailyCapacity: 1 })) };
    const twoHalves = [
      { specialistId: 'wang', demandId: 'card-hk', date: '2026-12-03', session: 'MORNING' as const },
      { specialistId: 'wang', demandId: 'card-hk', date: '2026-12-03', session: 'MORNING' as const },
    ];
    // The same half-day twice is a double booking, but still one person at the host.
    expect(checkRoster(pool, twoHalves).map((v) => v.rule)).toEqual(['DOUBLE_BOOKED']);
  });

  it('agrees with the independent checker on hundreds of random rosters', () => {
    const input = generateInstance({ specialists: 12, hosts: 6, days: 10, seed: 5, start: '2026-12-26' });
    const category: [RegExp, RuleCode][] = [
      [/not available/, 'NOT_AVAILABLE'],
      [/blocked/, 'BLOCKED_DAY'],
      [/ lacks /, 'SPECIALTY_MISSING'],
      [/too far/, 'TRAVEL_LIMIT'],
      [/ outside /, 'OUTSIDE_PERIOD'],
      [/session .* differs/, 'SESSION_MISMATCH'],
      [/ twice on /, 'DOUBLE_BOOKED'],
      [/days in \d{4}-\d{2}/, 'MONTHLY_LIMIT'],
      [/in a row/, 'CONSECUTIVE_LIMIT'],
      [/experts on/, 'HOST_CAPACITY'],
      [/expert-days >/, 'DEMAND_EXCEEDED'],
    ];
    let seed = 17;
    const rand = (n: number) => ((seed = (seed * 48271) % 2147483647) % n);
    const dates = Array.from({ length: 12 }, (_, i) => new Date(Date.parse('2026-12-25T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10));
    // Triples that are fine on their own, so some rosters are valid and the clash rules get exercised.
    const fine = input.demands.flatMap((d) =>
      input.specialists.flatMap((s) => dates.map((date) => ({ specialistId: s.id, demandId: d.id, date, session: d.session }))),
    ).filter((t) => independentViolations(input, [t]).length === 0);
    let valid = 0;
    const seen = new Set<RuleCode>();
    for (let round = 0; round < 300; round++) {
      const size = 1 + rand(round % 3 === 0 ? 4 : 25);
      const roster: Placed[] = Array.from({ length: size }, () => {
        if (round % 3 !== 2) return fine[rand(fine.length)];
        const d = input.demands[rand(input.demands.length)];
        const s = input.specialists[rand(input.specialists.length)];
        const session = rand(10) === 0 ? (['MORNING', 'AFTERNOON', 'FULL_DAY'] as const)[rand(3)] : d.session;
        return { specialistId: s.id, demandId: d.id, date: dates[rand(dates.length)], session };
      });
      const theirs = new Set(
        independentViolations(input, roster).map((text) => {
          const hit = category.find(([re]) => re.test(text));
          if (!hit) throw new Error(`uncategorised: ${text}`);
          return hit[1];
        }),
      );
      const ours = new Set(checkRoster(input, roster).map((v) => v.rule));
      expect({ roster, rules: [...ours].sort() }).toEqual({ roster, rules: [...theirs].sort() });
      if (ours.size === 0) valid++;
      for (const rule of ours) seen.add(rule);
    }
    expect(valid).toBeGreaterThan(10);
    // Every rule the generator can break was broken somewhere (unknown ids it never produces).
    expect([...seen].sort()).toEqual(category.map(([, rule]) => rule).sort());
  });
});
