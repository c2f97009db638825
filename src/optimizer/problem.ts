/**
 * The input, validated and turned into dense indexed arrays. Everything is sorted by id first,
 * so the same data in any row order gives the same indices — the root of determinism: the
 * database may return rows in any order and the roster must not change because of it.
 */
import { badInput } from '../errors';
import { dayNumber, isoDate, monthKey, weekday } from './calendar';
import { haversineKm } from './distance';
import type { DemandInput, HostInput, PinnedAssignment, RosterInput, SpecialistInput } from './model';
import { isSession, SESSION_MASK } from './sessions';

/** A roster is planned a month or a quarter ahead; a horizon longer than this is a data error. */
export const MAX_HORIZON_DAYS = 400;

export interface PinnedRef {
  /** Position in the canonical (sorted) pinned list. */
  index: number;
  spec: number;
  demand: number;
  host: number;
  day: number;
  mask: number;
  source: PinnedAssignment;
}

export interface Problem {
  specialists: SpecialistInput[];
  hosts: HostInput[];
  demands: DemandInput[];
  pinned: PinnedRef[];
  specialtyNames: Record<string, string>;

  S: number;
  H: number;
  D: number;
  /** Days in the horizon; day index t is calendar day `firstDay + t`. */
  T: number;
  M: number;
  firstDay: number;
  dayIso: string[];
  dayMonth: Int32Array;
  dayWeekday: Int8Array;
  months: string[];

  specIndex: Map<string, number>;
  hostIndex: Map<string, number>;
  demandIndex: Map<string, number>;
  specsBySpecialty: Map<string, number[]>;

  maxDays: Int32Array;
  maxConsecutive: Int32Array;
  /** Days out in a month above this count as overload (the load-spread penalty): half the limit. */
  overloadFrom: Int32Array;
  /** available and not blocked, S × T. */
  free: Uint8Array;
  /** S × H, km from home hospital to host. */
  km: Float64Array;
  /** S × H, 1 when a 对口帮扶 pairing exists. */
  paired: Uint8Array;

  hostCapacity: Int32Array;
  /** Sum of expert-days demanded per host. */
  hostDemanded: Int32Array;

  demandHost: Int32Array;
  demandNeed: Int32Array;
  demandPriority: Int32Array;
  demandMask: Uint8Array;
  demandStart: Int32Array;
  demandEnd: Int32Array;
  /** D × 8, index by ISO weekday 1…7; all ones when the demand states no preference. */
  demandPrefers: Uint8Array;
  /** D × T, 1 on the demand's closed days (holidays it does not ask for). */
  demandClosed: Uint8Array;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function requireInteger(value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw max < Number.MAX_SAFE_INTEGER ? badInput(field, 'roster.inputIntegerRange', { field, min, max, value: String(value) }) : badInput(field, 'roster.inputIntegerMin', { field, min, value: String(value) });
  }
  return value;
}

function requireNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw badInput(field, 'roster.inputNumber', { field, min, max, value: String(value) });
  }
  return value;
}

function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) throw badInput(field, 'roster.inputId', { field });
  return value;
}

function requireDay(value: unknown, field: string): number {
  const day = typeof value === 'string' ? dayNumber(value) : null;
  if (day === null) throw badInput(field, 'roster.inputDate', { field, value: String(value) });
  return day;
}

function uniqueIds<T extends { id: string }>(rows: T[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  rows.forEach((row, i) => {
    if (index.has(row.id)) throw badInput(`${what}s`, 'roster.inputDuplicateId', { what, id: row.id });
    index.set(row.id, i);
  });
  return index;
}

function sortedDates(dates: unknown, field: string): string[] {
  if (dates === undefined) return [];
  if (!Array.isArray(dates)) throw badInput(field, 'roster.inputDateList', { field });
  dates.forEach((d, i) => requireDay(d, `${field}[${i}]`));
  return [...new Set(dates as string[])].sort(compareText);
}

/** Canonical copies: validated, sorted, deduplicated. Throws BAD_USER_INPUT naming the field. */
function canonicalise(input: RosterInput) {
  if (!input || !Array.isArray(input.specialists) || !Array.isArray(input.hosts) || !Array.isArray(input.demands)) {
    throw badInput('input', 'roster.inputLists');
  }
  const specialists = input.specialists
    .map((s, i): SpecialistInput => {
      const f = `specialists[${i}]`;
      if (!Array.isArray(s.specialtyIds)) throw badInput(`${f}.specialtyIds`, 'roster.inputList', { field: `${f}.specialtyIds` });
      return {
        id: requireId(s.id, `${f}.id`),
        name: s.name,
        specialtyIds: [...new Set(s.specialtyIds.map((x, j) => requireId(x, `${f}.specialtyIds[${j}]`)))].sort(compareText),
        homeLat: requireNumber(s.homeLat, `${f}.homeLat`, -90, 90),
        homeLng: requireNumber(s.homeLng, `${f}.homeLng`, -180, 180),
        availableDates: sortedDates(s.availableDates, `${f}.availableDates`),
        blockedDates: sortedDates(s.blockedDates, `${f}.blockedDates`),
        maxDaysPerMonth: requireInteger(s.maxDaysPerMonth, `${f}.maxDaysPerMonth`, 0, 31),
        maxConsecutiveDays: requireInteger(s.maxConsecutiveDays, `${f}.maxConsecutiveDays`, 0, 366),
        maxTravelKm: requireNumber(s.maxTravelKm, `${f}.maxTravelKm`, 0, 40_000),
      };
    })
    .sort(byId);
  const hosts = input.hosts
    .map((h, i): HostInput => {
      const f = `hosts[${i}]`;
      return {
        id: requireId(h.id, `${f}.id`),
        name: h.name,
        lat: requireNumber(h.lat, `${f}.lat`, -90, 90),
        lng: requireNumber(h.lng, `${f}.lng`, -180, 180),
        dailyCapacity: requireInteger(h.dailyCapacity, `${f}.dailyCapacity`, 0, 1000),
      };
    })
    .sort(byId);
  const hostIds = new Set(hosts.map((h) => h.id));
  const demands = input.demands
    .map((d, i): DemandInput => {
      const f = `demands[${i}]`;
      const hostId = requireId(d.hostId, `${f}.hostId`);
      if (!hostIds.has(hostId)) throw badInput(`${f}.hostId`, 'roster.inputUnknownHost', { field: f, id: hostId });
      const start = requireDay(d.periodStart, `${f}.periodStart`);
      const end = requireDay(d.periodEnd, `${f}.periodEnd`);
      if (end < start) throw badInput(`${f}.periodEnd`, 'roster.inputEndsBeforeStart', { field: f, end: d.periodEnd, start: d.periodStart });
      if (!isSession(d.session)) throw badInput(`${f}.session`, 'roster.inputSession', { field: `${f}.session` });
      if (!Array.isArray(d.preferredWeekdays)) throw badInput(`${f}.preferredWeekdays`, 'roster.inputListMayBeEmpty', { field: `${f}.preferredWeekdays` });
      return {
        id: requireId(d.id, `${f}.id`),
        hostId,
        specialtyId: requireId(d.specialtyId, `${f}.specialtyId`),
        expertDays: requireInteger(d.expertDays, `${f}.expertDays`, 0, 10_000),
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        preferredWeekdays: [...new Set(d.preferredWeekdays.map((w, j) => requireInteger(w, `${f}.preferredWeekdays[${j}]`, 1, 7)))].sort((a, b) => a - b),
        session: d.session,
        priority: requireInteger(d.priority, `${f}.priority`, 1, 5),
        closedDates: sortedDates(d.closedDates, `${f}.closedDates`),
      };
    })
    .sort(byId);
  const pairings = (input.pairings ?? [])
    .map((p, i) => ({ specialistId: requireId(p.specialistId, `pairings[${i}].specialistId`), hostId: requireId(p.hostId, `pairings[${i}].hostId`) }));
  const pinned = (input.pinned ?? [])
    .map((p, i): PinnedAssignment => {
      const f = `pinned[${i}]`;
      requireDay(p.date, `${f}.date`);
      if (!isSession(p.session)) throw badInput(`${f}.session`, 'roster.inputSession', { field: `${f}.session` });
      return { specialistId: requireId(p.specialistId, `${f}.specialistId`), demandId: requireId(p.demandId, `${f}.demandId`), date: p.date, session: p.session };
    })
    .sort((a, b) => compareText(a.date, b.date) || compareText(a.demandId, b.demandId) || compareText(a.specialistId, b.specialistId) || compareText(a.session, b.session));
  return { specialists, hosts, demands, pairings, pinned };
}

export function buildProblem(input: RosterInput): Problem {
  const { specialists, hosts, demands, pairings, pinned } = canonicalise(input);
  const specIndex = uniqueIds(specialists, 'specialist');
  const hostIndex = uniqueIds(hosts, 'host');
  const demandIndex = uniqueIds(demands, 'demand');
  const S = specialists.length;
  const H = hosts.length;
  const D = demands.length;

  const pinnedDays = pinned.map((p) => dayNumber(p.date)!);
  const starts = demands.map((d) => dayNumber(d.periodStart)!);
  const ends = demands.map((d) => dayNumber(d.periodEnd)!);
  const allDays = [...starts, ...ends, ...pinnedDays];
  const firstDay = allDays.length ? Math.min(...allDays) : 0;
  const lastDay = allDays.length ? Math.max(...allDays) : -1;
  const T = lastDay - firstDay + 1;
  if (T > MAX_HORIZON_DAYS) {
    throw badInput('demands', 'roster.inputHorizon', { days: T, max: MAX_HORIZON_DAYS });
  }

  const dayIso: string[] = [];
  const dayMonth = new Int32Array(T);
  const dayWeekday = new Int8Array(T);
  const months: string[] = [];
  for (let t = 0; t < T; t++) {
    const day = firstDay + t;
    dayIso.push(isoDate(day));
    const key = monthKey(day);
    if (months[months.length - 1] !== key) months.push(key);
    dayMonth[t] = months.length - 1;
    dayWeekday[t] = weekday(day);
  }

  const specsBySpecialty = new Map<string, number[]>();
  const maxDays = new Int32Array(S);
  const maxConsecutive = new Int32Array(S);
  const overloadFrom = new Int32Array(S);
  const free = new Uint8Array(S * T);
  specialists.forEach((s, i) => {
    for (const sp of s.specialtyIds) {
      const list = specsBySpecialty.get(sp) ?? [];
      list.push(i);
      specsBySpecialty.set(sp, list);
    }
    maxDays[i] = s.maxDaysPerMonth;
    maxConsecutive[i] = s.maxConsecutiveDays;
    overloadFrom[i] = Math.floor(s.maxDaysPerMonth / 2);
    for (const date of s.availableDates) {
      const t = dayNumber(date)! - firstDay;
      if (t >= 0 && t < T) free[i * T + t] = 1;
    }
    for (const date of s.blockedDates ?? []) {
      const t = dayNumber(date)! - firstDay;
      if (t >= 0 && t < T) free[i * T + t] = 0;
    }
  });

  const km = new Float64Array(S * H);
  for (let s = 0; s < S; s++) {
    for (let h = 0; h < H; h++) {
      km[s * H + h] = haversineKm(specialists[s].homeLat, specialists[s].homeLng, hosts[h].lat, hosts[h].lng);
    }
  }
  const paired = new Uint8Array(S * H);
  for (const p of pairings) {
    const s = specIndex.get(p.specialistId);
    const h = hostIndex.get(p.hostId);
    // A pairing for someone outside this run's pool is harmless: it just earns nothing.
    if (s !== undefined && h !== undefined) paired[s * H + h] = 1;
  }

  const hostCapacity = Int32Array.from(hosts, (h) => h.dailyCapacity);
  const hostDemanded = new Int32Array(H);
  const demandHost = new Int32Array(D);
  const demandNeed = new Int32Array(D);
  const demandPriority = new Int32Array(D);
  const demandMask = new Uint8Array(D);
  const demandStart = new Int32Array(D);
  const demandEnd = new Int32Array(D);
  const demandPrefers = new Uint8Array(D * 8);
  const demandClosed = new Uint8Array(D * T);
  demands.forEach((d, i) => {
    for (const date of d.closedDates ?? []) {
      const t = dayNumber(date)! - firstDay;
      if (t >= 0 && t < T) demandClosed[i * T + t] = 1;
    }
    const h = hostIndex.get(d.hostId)!;
    demandHost[i] = h;
    demandNeed[i] = d.expertDays;
    hostDemanded[h] += d.expertDays;
    demandPriority[i] = d.priority;
    demandMask[i] = SESSION_MASK[d.session];
    demandStart[i] = starts[i] - firstDay;
    demandEnd[i] = ends[i] - firstDay;
    for (let w = 1; w <= 7; w++) demandPrefers[i * 8 + w] = d.preferredWeekdays.length === 0 || d.preferredWeekdays.includes(w) ? 1 : 0;
  });

  const pinnedRefs: PinnedRef[] = pinned.map((p, index) => {
    const spec = specIndex.get(p.specialistId);
    if (spec === undefined) throw badInput(`pinned`, 'roster.inputPinnedSpecialist', { id: p.specialistId });
    const demand = demandIndex.get(p.demandId);
    if (demand === undefined) throw badInput(`pinned`, 'roster.inputPinnedDemand', { id: p.demandId });
    return { index, spec, demand, host: demandHost[demand], day: pinnedDays[index] - firstDay, mask: SESSION_MASK[p.session], source: p };
  });

  return {
    specialists, hosts, demands, pinned: pinnedRefs, specialtyNames: { ...(input.specialtyNames ?? {}) },
    S, H, D, T, M: months.length, firstDay, dayIso, dayMonth, dayWeekday, months,
    specIndex, hostIndex, demandIndex, specsBySpecialty,
    maxDays, maxConsecutive, overloadFrom, free, km, paired,
    hostCapacity, hostDemanded,
    demandHost, demandNeed, demandPriority, demandMask, demandStart, demandEnd, demandPrefers, demandClosed,
  };
}

export const specialistName = (p: Problem, s: number) => p.specialists[s].name ?? p.specialists[s].id;
export const hostName = (p: Problem, h: number) => p.hosts[h].name ?? p.hosts[h].id;
export const specialtyName = (p: Problem, id: string) => p.specialtyNames[id] ?? id;
