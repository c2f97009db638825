import { DataSource, EntityManager } from 'typeorm';
import { Credential } from '../../auth/entities';
import { hashPassword } from '../../auth/password';
import { Role, Title } from '../../auth/roles';
import type { HubConfig } from '../../config';
import { Consortium, ConsortiumMembership, Department, Grid, Hospital, Patient, Person, PersonSpecialty } from '../../consortium/entities';
import { ConsortiumKind, HospitalTier, Sex } from '../../consortium/kinds';
import { hashNationalId, maskNationalId, nationalIdCheckChar } from '../../consortium/national-id';
import type { Logger } from '../../graphql/logger';
import { seedConsultationAndReferralHistory } from './consult-history';
import { seededRandom } from './random';
import { seedRotationDemo } from './rotations';

/** Every demo account signs in with this password (README). */
export const DEMO_PASSWORD = 'demo-password';

// A county medical community (县域医共体) in Yishui county, Shandong, as the seed documents
// describe: a lead tertiary hospital, two secondary hospitals, eight township health centres
// and village clinics; plus a cardiology specialty alliance that overlaps it.
const COUNTY = '沂水县';
const CENTRE = { lat: 35.79, lng: 118.63 };
const HOSPITALS: [name: string, tier: HospitalTier, dLat: number, dLng: number, grid: 'N' | 'S'][] = [
  ['沂水县人民医院', HospitalTier.TERTIARY, 0, 0, 'N'],
  ['沂水县中医医院', HospitalTier.SECONDARY, 0.01, -0.02, 'N'],
  ['沂水县第二人民医院', HospitalTier.SECONDARY, -0.21, 0.05, 'S'],
  ['许家湖镇卫生院', HospitalTier.TOWNSHIP, -0.12, -0.1, 'S'],
  ['黄山铺镇卫生院', HospitalTier.TOWNSHIP, -0.26, 0.12, 'S'],
  ['姚店子镇卫生院', HospitalTier.TOWNSHIP, 0.05, 0.2, 'N'],
  ['诸葛镇卫生院', HospitalTier.TOWNSHIP, 0.22, 0.08, 'N'],
  ['崔家峪镇卫生院', HospitalTier.TOWNSHIP, 0.1, 0.29, 'N'],
  ['四十里堡镇卫生院', HospitalTier.TOWNSHIP, -0.18, -0.19, 'S'],
  ['杨庄镇卫生院', HospitalTier.TOWNSHIP, -0.05, -0.24, 'S'],
  ['夏蔚镇卫生院', HospitalTier.TOWNSHIP, 0.31, -0.07, 'N'],
  ['沂城街道城北社区卫生服务中心', HospitalTier.COMMUNITY, 0.03, 0.01, 'N'],
  ['许家湖镇西河村卫生室', HospitalTier.VILLAGE, -0.14, -0.13, 'S'],
  ['诸葛镇东岭村卫生室', HospitalTier.VILLAGE, 0.25, 0.1, 'N'],
  ['夏蔚镇王庄村卫生室', HospitalTier.VILLAGE, 0.34, -0.05, 'N'],
  ['崔家峪镇南峪村卫生室', HospitalTier.VILLAGE, 0.08, 0.33, 'N'],
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '志强', '海燕', '晓东', '春梅', '国庆', '红梅', '文博', '子涵', '浩然', '雨桐', '嘉怡', '俊杰'];

export interface SeedCounts { hospitals: number; people: number; patients: number; consultations?: number; referrals?: number }

export async function seedDemoIfEmpty(db: DataSource, config: HubConfig, log: Logger): Promise<SeedCounts | null> {
  const [{ n }] = await db.query('SELECT count(*)::int AS n FROM hospital');
  if (n > 0) {
    log.debug('database already has a directory; demo seed skipped');
    return null;
  }
  return db.transaction((m) => seedDemo(m, config));
}

/** What the demo takes from the configuration: the key national IDs are hashed with, the claim deadlines its history is judged by. */
export type DemoConfig = Pick<HubConfig, 'nationalIdKey' | 'consult'>;

export async function seedDemo(m: EntityManager, config: DemoConfig): Promise<SeedCounts> {
  const nationalIdKey = config.nationalIdKey;
  const random = seededRandom(20191101);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const usedNames = new Set<string>();
  const personName = () => {
    for (;;) {
      const name = pick([...SURNAMES]) + pick(GIVEN);
      if (!usedNames.has(name)) return usedNames.add(name), name;
    }
  };

  const hospitals = new Map<string, Hospital>();
  for (const [name, tier, dLat, dLng] of HOSPITALS) {
    hospitals.set(name, await m.save(m.create(Hospital, {
      name, tier, county: COUNTY, latitude: +(CENTRE.lat + dLat).toFixed(5), longitude: +(CENTRE.lng + dLng).toFixed(5),
    })));
  }
  const lead = hospitals.get('沂水县人民医院')!;
  const community = await m.save(m.create(Consortium, { name: '沂水县医共体', kind: ConsortiumKind.COUNTY_MEDICAL_COMMUNITY, region: '山东省临沂市沂水县', leadHospitalId: lead.id }));
  const alliance = await m.save(m.create(Consortium, { name: '临沂市心血管专科联盟', kind: ConsortiumKind.SPECIALTY_ALLIANCE, region: '山东省临沂市', leadHospitalId: lead.id }));
  const grids = {
    N: await m.save(m.create(Grid, { name: '沂水县北部网格', responsibleConsortiumId: community.id })),
    S: await m.save(m.create(Grid, { name: '沂水县南部网格', responsibleConsortiumId: community.id })),
  };
  for (const [name, , , , grid] of HOSPITALS) {
    const h = hospitals.get(name)!;
    await m.update(Hospital, h.id, { gridId: grids[grid].id });
    await m.insert(ConsortiumMembership, { consortiumId: community.id, hospitalId: h.id });
  }
  for (const name of ['沂水县人民医院', '沂水县第二人民医院', '黄山铺镇卫生院', '诸葛镇卫生院']) {
    await m.insert(ConsortiumMembership, { consortiumId: alliance.id, hospitalId: hospitals.get(name)!.id });
  }

  const departments = new Map((await m.find(Department)).map((d) => [d.code, d]));
  const passwordHash = (password: string) => hashPassword(password);
  const people: { person: Partial<Person>; specialties: string[] }[] = [
    { person: { name: '系统管理员', username: 'admin', roles: [Role.ADMIN], hospitalId: lead.id }, specialties: [] },
    { person: { name: personName(), username: 'scheduler', roles: [Role.SCHEDULER], hospitalId: lead.id }, specialties: [] },
  ];
  // About 30 specialists across 8 specialties, most at the lead hospital.
  const specialtyPlan: [code: string, atLead: number, atSecondary: number][] = [
    ['CARDIOLOGY', 4, 1], ['NEUROLOGY', 3, 1], ['RESPIRATORY', 3, 1], ['ENDOCRINOLOGY', 3, 0],
    ['PAEDIATRICS', 3, 1], ['ORTHOPAEDICS', 2, 1], ['TCM', 1, 2], ['REHABILITATION', 2, 1],
  ];
  const titles = [Title.CHIEF, Title.ASSOCIATE_CHIEF, Title.ASSOCIATE_CHIEF, Title.ATTENDING];
  const secondary = [hospitals.get('沂水县中医医院')!, hospitals.get('沂水县第二人民医院')!];
  let n = 0;
  for (const [code, atLead, atSecondary] of specialtyPlan) {
    for (let i = 0; i < atLead + atSecondary; i++) {
      const hospital = i < atLead ? lead : code === 'TCM' ? secondary[0] : secondary[n % 2];
      n++;
      people.push({
        person: { name: personName(), username: `expert${String(n).padStart(2, '0')}`, roles: [Role.SPECIALIST], title: titles[i % titles.length], hospitalId: hospital.id },
        specialties: [code],
      });
    }
  }
  const grassroots = [...hospitals.values()].filter((h) => h.tier === HospitalTier.TOWNSHIP || h.tier === HospitalTier.COMMUNITY);
  grassroots.forEach((h, i) => {
    for (let k = 0; k < 2; k++) {
      people.push({
        person: { name: personName(), username: `doctor${String(i * 2 + k + 1).padStart(2, '0')}`, roles: [Role.TOWNSHIP_DOCTOR], title: k ? Title.RESIDENT : Title.ATTENDING, hospitalId: h.id },
        specialties: ['GENERAL_PRACTICE'],
      });
    }
  });
  const hashes = await Promise.all(people.map(() => passwordHash(DEMO_PASSWORD)));
  for (const [i, { person, specialties }] of people.entries()) {
    const saved = await m.save(m.create(Person, { title: null, ...person }));
    await m.insert(Credential, { personId: saved.id, passwordHash: hashes[i] });
    for (const code of specialties) await m.insert(PersonSpecialty, { personId: saved.id, departmentId: departments.get(code)!.id });
  }

  // Patients registered at the grassroots hospitals, with valid (fictional) resident IDs of
  // Yishui county (region code 371323).
  let patients = 0;
  for (const h of grassroots) {
    for (let k = 0; k < 5; k++) {
      const sex = random() < 0.5 ? Sex.FEMALE : Sex.MALE;
      const birth = new Date(Date.UTC(1935 + Math.floor(random() * 80), Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
      const birthDate = birth.toISOString().slice(0, 10);
      const serial = String(Math.floor(random() * 50) * 2 + (sex === Sex.MALE ? 1 : 0)).padStart(3, '0');
      const first17 = `371323${birthDate.replace(/-/g, '')}${serial}`;
      const nationalId = first17 + nationalIdCheckChar(first17);
      await m.insert(Patient, {
        name: personName(), sex, birthDate, hospitalId: h.id,
        nationalIdHash: hashNationalId(nationalId, nationalIdKey), nationalIdMasked: maskNationalId(nationalId),
      });
      patients++;
    }
  }
  // Expert rotations: availability, demands, a published roster with sessions and bookings (rotations.ts).
  await seedRotationDemo(m);
  // Weeks of consultations and referrals, so the queue and the assessment show real numbers.
  const history = await seedConsultationAndReferralHistory(m, config.consult);
  return { hospitals: hospitals.size, people: people.length, patients, ...history };
}
