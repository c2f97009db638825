/**
 * A second, deliberately naive implementation of the roster rules and the objective, written
 * from the requirement text without looking at (or importing) src/optimizer/rules.ts or
 * objective.ts. Tests judge the optimizer with this, so a bug in the optimizer's own checker
 * or scoring cannot hide a bad roster.
 */
import type { DemandInput, RosterInput } from '../../../src/optimizer/model';

export interface Placed {
  specialistId: string;
  demandId: string;
  date: string;
  session: 'MORNING' | 'AFTERNOON' | 'FULL_DAY';
  hostId?: string;
}

const DAY = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** Great-circle distance, km (haversine, mean Earth radius 6371.0088 km as the optimizer documents). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = (deg: number) => (deg * Math.PI) / 180;
  const h = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lon2 - lon1) / 2) ** 2;
  return 2 * 6371.0088 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}

/** Every broken hard rule, as short strings; empty means the roster is valid. */
export function independentViolations(input: RosterInput, roster: readonly Placed[]): string[] {
  const out: string[] = [];
  const spec = (id: string) => input.specialists.find((s) => s.id === id);
  const demand = (id: string) => input.demands.find((d) => d.id === id);
  const host = (id: string) => input.hosts.find((h) => h.id === id);

  roster.forEach((a, i) => {
    const s = spec(a.specialistId);
    const d = demand(a.demandId);
    if (!s || !d) return out.push(`#${i} unknown specialist or demand`);
    const h = host(d.hostId)!;
    if (a.hostId !== undefined && a.hostId !== d.hostId) out.push(`#${i} host ${a.hostId} is not the demand's host ${d.hostId}`);
    if (a.session !== d.session) out.push(`#${i} session ${a.session} differs from demand session ${d.session}`);
    if (a.date < d.periodStart || a.date > d.periodEnd) out.push(`#${i} ${a.date} outside ${d.periodStart}..${d.periodEnd}`);
    if (!s.availableDates.includes(a.date)) out.push(`#${i} ${s.id} not available ${a.date}`);
    if ((s.blockedDates ?? []).includes(a.date)) out.push(`#${i} ${s.id} blocked ${a.date}`);
    if (!s.specialtyIds.includes(d.specialtyId)) out.push(`#${i} ${s.id} lacks ${d.specialtyId}`);
    if (distanceKm(s.homeLat, s.homeLng, h.lat, h.lng) > s.maxTravelKm) out.push(`#${i} ${s.id} too far from ${h.id}`);
  });

  // Same person, same date: morning+afternoon is fine, anything with a full day (or a repeat) is not.
  for (let i = 0; i < roster.length; i++) {
    for (let j = i + 1; j < roster.length; j++) {
      const [a, b] = [roster[i], roster[j]];
      if (a.specialistId !== b.specialistId || a.date !== b.date) continue;
      const halves = (x: Placed) => (x.session === 'FULL_DAY' ? ['AM', 'PM'] : x.session === 'MORNING' ? ['AM'] : ['PM']);
      if (halves(a).some((x) => halves(b).includes(x))) out.push(`#${i} and #${j}: ${a.specialistId} twice on ${a.date}`);
    }
  }

  for (const s of input.specialists) {
    const dates = [...new Set(roster.filter((a) => a.specialistId === s.id).map((a) => a.date))].sort();
    const months = new Map<string, number>();
    for (const d of dates) months.set(d.slice(0, 7), (months.get(d.slice(0, 7)) ?? 0) + 1);
    for (const [m, n] of months) if (n > s.maxDaysPerMonth) out.push(`${s.id} out ${n} days in ${m} > ${s.maxDaysPerMonth}`);
    let run = 0;
    for (let i = 0; i < dates.length; i++) {
      run = i > 0 && toDay(dates[i]) - toDay(dates[i - 1]) === 1 ? run + 1 : 1;
      if (run > s.maxConsecutiveDays) out.push(`${s.id} out ${run} days in a row ending ${dates[i]} > ${s.maxConsecutiveDays}`);
    }
  }

  for (const h of input.hosts) {
    const byDate = new Map<string, Set<string>>();
    for (const a of roster) {
      if (demand(a.demandId)?.hostId !== h.id) continue;
      byDate.set(a.date, (byDate.get(a.date) ?? new Set()).add(a.specialistId));
    }
    for (const [date, people] of byDate) if (people.size > h.dailyCapacity) out.push(`${h.id} has ${people.size} experts on ${date} > ${h.dailyCapacity}`);
  }

  for (const d of input.demands) {
    const n = roster.filter((a) => a.demandId === d.id).length;
    if (n > d.expertDays) out.push(`${d.id} has ${n} expert-days > ${d.expertDays}`);
  }
  return out;
}

/**
 * The objective as the optimizer documents it (model.ts / objective.ts comments):
 *   1000 × priority per expert-day
 * + 50 × ( Σ hosts with demand [ min(visits, 1) + 2·min(visits / demanded, ½) ] − Σ overload days )
 *     overload = days out in a calendar month beyond floor(maxDaysPerMonth / 2)
 * + 5 × ( return visits (visits of a specialist to a host beyond their first) + visits along a pairing )
 * + 5 × visits on a preferred weekday (any weekday when the demand lists none)
 * − 0.01 × km travelled (home → host, per visit)
 */
export function independentObjective(input: RosterInput, roster: readonly Placed[]): number {
  const demandOf = new Map<string, DemandInput>(input.demands.map((d) => [d.id, d]));
  let coverage = 0;
  let preferred = 0;
  let km = 0;
  let paired = 0;
  const visitsPerPair = new Map<string, number>();
  const visitsPerHost = new Map<string, number>();
  const daysOut = new Map<string, Set<string>>();
  for (const a of roster) {
    const d = demandOf.get(a.demandId)!;
    const s = input.specialists.find((x) => x.id === a.specialistId)!;
    const h = input.hosts.find((x) => x.id === d.hostId)!;
    coverage += d.priority;
    const weekday = ((new Date(`${a.date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    if (d.preferredWeekdays.length === 0 || d.preferredWeekdays.includes(weekday)) preferred++;
    km += distanceKm(s.homeLat, s.homeLng, h.lat, h.lng);
    if ((input.pairings ?? []).some((p) => p.specialistId === s.id && p.hostId === h.id)) paired++;
    visitsPerPair.set(`${s.id}/${h.id}`, (visitsPerPair.get(`${s.id}/${h.id}`) ?? 0) + 1);
    visitsPerHost.set(h.id, (visitsPerHost.get(h.id) ?? 0) + 1);
    const key = `${s.id}/${a.date.slice(0, 7)}`;
    daysOut.set(key, (daysOut.get(key) ?? new Set()).add(a.date));
  }
  let hostPoints = 0;
  for (const h of input.hosts) {
    const demanded = input.demands.filter((d) => d.hostId === h.id).reduce((n, d) => n + d.expertDays, 0);
    if (demanded === 0) continue;
    const visits = visitsPerHost.get(h.id) ?? 0;
    hostPoints += Math.min(visits, 1) + 2 * Math.min(visits / demanded, 0.5);
  }
  let overload = 0;
  for (const [key, dates] of daysOut) {
    const s = input.specialists.find((x) => x.id === key.split('/')[0])!;
    overload += Math.max(0, dates.size - Math.floor(s.maxDaysPerMonth / 2));
  }
  let returns = 0;
  for (const n of visitsPerPair.values()) returns += n - 1;
  return 1000 * coverage + 50 * (hostPoints - overload) + 5 * (returns + paired) + 5 * preferred - 0.01 * km;
}

/**
 * The best roster by exhaustive search over every subset of specialist × demand × date triples
 * (sessions as demanded), always with the pinned assignments in it. Only for toy instances:
 * 2^triples subsets.
 */
export function bruteForceOptimum(input: RosterInput): { value: number; roster: Placed[] } {
  const pinned: Placed[] = (input.pinned ?? []).map((p) => ({ ...p }));
  const triples: Placed[] = [];
  for (const d of input.demands) {
    for (let day = toDay(d.periodStart); day <= toDay(d.periodEnd); day++) {
      const date = new Date(day * DAY).toISOString().slice(0, 10);
      for (const s of input.specialists) triples.push({ specialistId: s.id, demandId: d.id, date, session: d.session });
    }
  }
  // Triples that break a rule on their own can never be part of a valid roster: drop them first.
  const isPinned = (t: Placed) => pinned.some((p) => p.specialistId === t.specialistId && p.demandId === t.demandId && p.date === t.date);
  const usable = triples.filter((t) => !isPinned(t) && independentViolations(input, [t]).length === 0);
  if (usable.length > 16) throw new Error(`brute force over ${usable.length} triples is too big`);
  let best = { value: -Infinity, roster: [] as Placed[] };
  for (let mask = 0; mask < 1 << usable.length; mask++) {
    const roster = [...pinned, ...usable.filter((_, i) => mask & (1 << i))];
    if (independentViolations(input, roster).length > 0) continue;
    const value = independentObjective(input, roster);
    if (value > best.value + 1e-9) best = { value, roster };
  }
  return best;
}
