/**
 * Why a demand is short, in the order a scheduler would fix things: nobody has the specialty;
 * people with it are not free on enough days; those who are free live too far; the host cannot
 * receive more people on the days they are free; or everyone who could come is used up by
 * limits, other bookings or higher-priority demands. A shortfall can have several reasons, so a
 * demand may get one line per reason with the missing days split between them.
 */
import { withinTravelLimit } from './distance';
import type { UnmetDemand, UnmetReason } from './model';
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
    const line = (reason: UnmetReason, days: number, detail: string) => {
      if (days > 0) out.push({ demandId: demand.id, hostId: demand.hostId, missingDays: days, reason, detail });
    };

    const withSpecialty = p.specsBySpecialty.get(demand.specialtyId) ?? [];
    if (withSpecialty.length === 0) {
      line('NO_SPECIALIST_WITH_SPECIALTY', missing, `No specialist in the pool practises ${specialty}; add one or drop the demand.`);
      continue;
    }
    const freeDays = (s: number) => {
      let n = 0;
      for (let t = p.demandStart[d]; t <= p.demandEnd[d]; t++) n += p.free[s * p.T + t];
      return n;
    };
    const near = withSpecialty.filter((s) => withinTravelLimit(p.km[s * p.H + h], p.specialists[s].maxTravelKm));
    const freeAnywhere = withSpecialty.reduce((n, s) => n + freeDays(s), 0);
    const freeNear = near.reduce((n, s) => n + freeDays(s), 0);
    let receivable = 0;
    for (let t = p.demandStart[d]; t <= p.demandEnd[d]; t++) {
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
    const period = `${demand.periodStart} to ${demand.periodEnd}`;
    line(
      'NO_ONE_AVAILABLE',
      take(need - freeAnywhere),
      `Specialists practising ${specialty} are free on ${freeAnywhere} specialist-days from ${period}; ${need} expert-days were asked for.`,
    );
    if (left > 0 && freeNear < freeAnywhere) {
      const nearSet = new Set(near);
      const far = withSpecialty.filter((s) => !nearSet.has(s) && freeDays(s) > 0);
      const closest = far.sort((a, b) => p.km[a * p.H + h] - p.specialists[a].maxTravelKm - (p.km[b * p.H + h] - p.specialists[b].maxTravelKm) || a - b)[0];
      const example =
        closest === undefined
          ? ''
          : ` (closest: ${specialistName(p, closest)}, ${Math.round(p.km[closest * p.H + h])} km away, limit ${p.specialists[closest].maxTravelKm} km)`;
      line(
        'TRAVEL',
        take(Math.max(0, need - freeNear) - Math.max(0, need - freeAnywhere)),
        `${host} is beyond the travel limit of ${far.length} free ${specialty} specialist(s)${example}.`,
      );
    }
    if (left > 0) {
      line(
        'HOST_CAPACITY',
        take(Math.max(0, need - receivable) - Math.max(0, need - freeNear)),
        `${host} can receive ${p.hostCapacity[h]} visiting expert(s) a day, too few for the days ${specialty} specialists are free.`,
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
        line('HOST_CAPACITY', left, `${host} is already full (${p.hostCapacity[h]} visiting expert(s) a day) on every day a ${specialty} specialist could still come.`);
      } else {
        line(
          'LIMITS',
          left,
          `The ${specialty} specialists who could come to ${host} are used up by their monthly or consecutive-day limits, other bookings, or demands of equal or higher priority.`,
        );
      }
    }
  }
  return out;
}
