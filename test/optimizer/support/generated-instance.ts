/**
 * Seeded synthetic consortium for tests and the benchmark: tertiary hospitals near the centre
 * of a ~220 km region, township/community hosts scattered around, specialists with one or two
 * specialties, patchy availability and the usual limits. Uses its own tiny generator (not the
 * optimizer's) so a bug there cannot shape the test data.
 */
import type { DemandInput, HostInput, PairingInput, RosterInput, Session, SpecialistInput } from '../../../src/optimizer/model';

export interface InstanceShape {
  specialists: number;
  hosts: number;
  days: number;
  /** First day, default Monday 2027-02-01 (28 days fill February exactly). */
  start?: string;
  seed: number;
}

export const SPECIALTIES: Record<string, string> = {
  CARD: '心内科',
  RESP: '呼吸内科',
  PED: '儿科',
  TCM: '中医科',
  ENDO: '内分泌科',
  ORTH: '骨科',
  OBGYN: '妇产科',
  NEURO: '神经内科',
};
/** Paediatrics and obstetrics are the classic shortages at township level. */
const SPECIALTY_WEIGHT: Record<string, number> = { CARD: 5, RESP: 4, PED: 2, TCM: 4, ENDO: 3, ORTH: 3, OBGYN: 2, NEURO: 3 };

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '建华', '海燕', '志强'];
const TOWNS = ['石桥', '河口', '青山', '柳林', '杨庄', '大店', '马站', '沙沟', '高桥', '王庄', '新集', '白塔', '龙泉', '双河', '黄山', '桃园'];

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export function generateInstance(shape: InstanceShape): RosterInput {
  const rnd = mulberry32(shape.seed * 2654435761);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const start = shape.start ?? '2027-02-01';
  const dates = Array.from({ length: shape.days }, (_, i) => addDays(start, i));
  const weekdayOf = (iso: string) => ((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const specialtyBag = Object.entries(SPECIALTY_WEIGHT).flatMap(([id, w]) => Array<string>(w).fill(id));
  const [lat0, lng0] = [36.0, 118.0];

  const tertiary = Array.from({ length: Math.max(2, Math.round(shape.specialists / 25)) }, () => ({
    lat: lat0 + (rnd() - 0.5) * 1.0,
    lng: lng0 + (rnd() - 0.5) * 1.2,
  }));

  const specialists: SpecialistInput[] = Array.from({ length: shape.specialists }, (_, i) => {
    const home = pick(tertiary);
    const first = pick(specialtyBag);
    const specialtyIds = rnd() < 0.2 ? [...new Set([first, pick(specialtyBag)])] : [first];
    const availableDates = dates.filter((d) => rnd() < (weekdayOf(d) >= 6 ? 0.2 : 0.65));
    const blockedDates = availableDates.filter(() => rnd() < 0.05);
    return {
      id: `S${String(i + 1).padStart(4, '0')}`,
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${i >= SURNAMES.length * GIVEN.length ? i : ''}`,
      specialtyIds,
      homeLat: home.lat,
      homeLng: home.lng,
      availableDates,
      blockedDates,
      maxDaysPerMonth: int(4, 10),
      maxConsecutiveDays: int(2, 5),
      maxTravelKm: pick([60, 80, 100, 120, 150, 200]),
    };
  });

  const hosts: HostInput[] = Array.from({ length: shape.hosts }, (_, i) => ({
    id: `H${String(i + 1).padStart(4, '0')}`,
    name: `${TOWNS[i % TOWNS.length]}${i >= TOWNS.length ? Math.floor(i / TOWNS.length) + 1 : ''}${rnd() < 0.7 ? '镇卫生院' : '社区卫生服务中心'}`,
    lat: lat0 + (rnd() - 0.5) * 2.0,
    lng: lng0 + (rnd() - 0.5) * 2.4,
    dailyCapacity: int(1, 3),
  }));

  const demands: DemandInput[] = [];
  const pairings: PairingInput[] = [];
  for (const host of hosts) {
    const wanted = [...new Set(Array.from({ length: int(1, 4) }, () => pick(specialtyBag)))];
    for (const specialtyId of wanted) {
      const whole = rnd() < 0.7;
      const from = whole ? 0 : int(0, Math.max(0, shape.days - 14));
      const to = whole ? shape.days - 1 : Math.min(shape.days - 1, from + 13);
      const r = rnd();
      const session: Session = r < 0.6 ? 'FULL_DAY' : r < 0.85 ? 'MORNING' : 'AFTERNOON';
      demands.push({
        id: `D${String(demands.length + 1).padStart(5, '0')}`,
        hostId: host.id,
        specialtyId,
        expertDays: int(2, 10),
        periodStart: dates[from],
        periodEnd: dates[to],
        preferredWeekdays: rnd() < 0.4 ? [] : [...new Set([int(1, 5), int(1, 5)])].sort(),
        session,
        priority: int(1, 5),
      });
    }
    const partners = specialists.filter((s) => s.specialtyIds.some((x) => wanted.includes(x)));
    if (partners.length > 0) pairings.push({ specialistId: pick(partners).id, hostId: host.id });
  }

  return { specialists, hosts, demands, pairings, pinned: [], specialtyNames: { ...SPECIALTIES } };
}

/**
 * Two demands, three people who overlap in specialty, tight monthly limits: small enough to
 * solve by exhaustive search (at most 12 usable triples), tangled enough that greedy choices
 * can be wrong.
 */
export function generateToyInstance(seed: number): RosterInput {
  const input = generateInstance({ specialists: 3, hosts: 2, days: 3, seed, start: '2027-03-29' });
  input.demands = input.demands.slice(0, 2).map((d, i) => ({ ...d, hostId: input.hosts[i].id, periodStart: '2027-03-29', periodEnd: '2027-03-31', expertDays: 2 }));
  const [a, b] = [input.demands[0].specialtyId, input.demands[1].specialtyId];
  input.specialists.forEach((s, i) => {
    s.specialtyIds = [[a], [a, b], [b]][i];
    s.maxTravelKm = 400;
    s.maxDaysPerMonth = [1, 2, 2][i];
    if (s.availableDates.length === 0) s.availableDates = ['2027-03-30'];
  });
  return input;
}
