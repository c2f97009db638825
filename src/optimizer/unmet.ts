/**
 * Why a demand is short, in the order a scheduler would fix things: nobody has the specialty;
 * people with it are not free on enough days; those who are free live too far; the host cannot
 * receive more people on the days they are free; or everyone who could come is used up by
 * limits, other bookings or higher-priority demands. A shortfall can have several reasons, so a
 * demand may get one line per reason with the missing days split between them.
 */
import { withinTravelLimit } from './distance';
import type { UnmetDemand, UnmetReason, UnmetSentence } from './model';
import { hostName, type Problem, specialistName, specialtyName } from './problem';
import type { RosterState } from './roster-state';

export function diagnoseUnmet(p: Problem, state: RosterState): UnmetDemand[] {
  const { c } = state;
  const out: UnmetDemand[] = [];
  for (let d = 0; d < p.D; d++) {
    const missing = Math.max(0, state.demandLeft[d]);
    if (missing === 0) continue;
    const demand = p.demands[d];
    const h = p.demandHost[d];
    const host = hostName(p, h);
    const specialty = specialtyName(p, demand.specialtyId);
    const need = p.demandNeed[d];
    // Each line says why in a sentence code and its values (the hub says it in the reader's language).
    const line = (reason: UnmetReason, days: number, code: UnmetSentence['code'], params: UnmetSentence['params']) => {
      if (days > 0) out.push({ demandId: demand.id, hostId: demand.hostId, missingDays: days, reason, says: { code, params } });
    };

    const withSpecialty = p.specsBySpecialty.get(demand.specialtyId) ?? [];
    if (withSpecialty.length === 0) {
      line('NO_SPECIALIST_WITH_SPECIALTY', missing, 'NO_SPECIALIST_WITH_SPECIALTY', { specialty });
      continue;
    }
    const freeDays = (s: number) => {
      let n = 0;
      for (let t = p.demandStart[d]; t <= p.demandEnd[d]; t++) n += p.demandClosed[d * p.T + t] ? 0 : p.free[s * p.T + t];
      return n;
    };
    const near = withSpecialty.filter((s) => withinTravelLimit(p.km[s * p.H + h], p.specialists[s].maxTravelKm));
    const freeAnywhere = withSpecialty.reduce((n, s) => n + freeDays(s), 0);
    const freeNear = near.reduce((n, s) => n + freeDays(s), 0);
    let receivable = 0;
    for (let t = p.demandStart[d]; t <= p.demandEnd[d]; t++) {
      if (p.demandClosed[d * p.T + t]) continue;
      let people = 0;
      for (const s of near) people += p.free[s * p.T + t];
      receivable += Math.min(people, p.hostCapacity[h]);
    }

    let left = missing;
    const take = (shortfall: number) => {
      const days = Math.max(0, Math.min(left, shortfall));
      left -= days;
      return days;
    };
    line(
      'NO_ONE_AVAILABLE',
      take(need - freeAnywhere),
      'NO_ONE_AVAILABLE',
      { specialty, free: freeAnywhere, from: demand.periodStart, to: demand.periodEnd, need },
    );
    if (left > 0 && freeNear < freeAnywhere) {
      const nearSet = new Set(near);
      const far = withSpecialty.filter((s) => !nearSet.has(s) && freeDays(s) > 0);
      const closest = far.sort((a, b) => p.km[a * p.H + h] - p.specialists[a].maxTravelKm - (p.km[b * p.H + h] - p.specialists[b].maxTravelKm) || a - b)[0];
      const days = take(Math.max(0, need - freeNear) - Math.max(0, need - freeAnywhere));
      if (closest === undefined) line('TRAVEL', days, 'TRAVEL', { host, count: far.length, specialty });
      else {
        line('TRAVEL', days, 'TRAVEL_CLOSEST', {
          host, count: far.length, specialty, closest: specialistName(p, closest), km: Math.round(p.km[closest * p.H + h]), limit: p.specialists[closest].maxTravelKm,
        });
      }
    }
    if (left > 0) {
      line(
        'HOST_CAPACITY',
        take(Math.max(0, need - receivable) - Math.max(0, need - freeNear)),
        'HOST_CAPACITY',
        { host, capacity: p.hostCapacity[h], specialty },
      );
    }
    if (left > 0) {
      // What stops the remaining candidates now: a full host, or the specialists' own limits and bookings.
      let unused = 0;
      let hostFull = 0;
      for (let k = c.demandStart[d]; k < c.demandStart[d + 1]; k++) {
        if (state.chosen[k]) continue;
        unused++;
        if (state.hostDayLeft[c.host[k] * p.T + c.day[k]] <= 0) hostFull++;
      }
      if (unused > 0 && hostFull === unused) {
        line('HOST_CAPACITY', left, 'HOST_FULL', { host, capacity: p.hostCapacity[h], specialty });
      } else {
        line(
          'LIMITS',
          left,
          'LIMITS',
          { specialty, host },
        );
      }
    }
  }
  return out;
}
