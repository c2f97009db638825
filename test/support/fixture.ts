import { DataSource } from 'typeorm';
import { addPerson, passwordHash } from './people';
import { Role, Title } from '../../src/auth/roles';
import { Consortium, ConsortiumMembership, Department, Hospital, Patient, Person } from '../../src/consortium/entities';
import { ConsortiumKind, HospitalTier, Sex } from '../../src/consortium/kinds';
import { hashNationalId, maskNationalId, nationalIdCheckChar } from '../../src/consortium/national-id';

export { PASSWORD } from './password';
export const validNationalId = (birth: string, serial = '123') => {
  const first17 = `371323${birth.replace(/-/g, '')}${serial}`;
  return first17 + nationalIdCheckChar(first17);
};

export interface Fixture {
  consortium: Consortium;
  otherConsortium: Consortium;
  tertiary: Hospital;
  townshipA: Hospital;
  townshipB: Hospital;
  cardiology: Department;
  users: Record<'admin' | 'scheduler' | 'specialist' | 'doctorA' | 'doctorB', Person>;
  patientA: Patient;
  patientB: Patient;
  patientANationalId: string;
}

/**
 * A small consortium: a tertiary hospital and two township hospitals (A, B), one person per
 * role plus a second township doctor, and a patient at each township hospital.
 */
export async function loadFixture(db: DataSource, nationalIdKey: string): Promise<Fixture> {
  return db.transaction(async (m) => {
    const hospital = (name: string, tier: HospitalTier, lat: number) =>
      m.save(m.create(Hospital, { name, tier, county: '测试县', latitude: lat, longitude: 118.6 }));
    const tertiary = await hospital('测试县人民医院', HospitalTier.TERTIARY, 35.8);
    const townshipA = await hospital('甲镇卫生院', HospitalTier.TOWNSHIP, 35.9);
    const townshipB = await hospital('乙镇卫生院', HospitalTier.TOWNSHIP, 35.7);
    const consortium = await m.save(m.create(Consortium, { name: '测试县医共体', kind: ConsortiumKind.COUNTY_MEDICAL_COMMUNITY, region: '测试县', leadHospitalId: tertiary.id }));
    const otherConsortium = await m.save(m.create(Consortium, { name: '外县医共体', kind: ConsortiumKind.COUNTY_MEDICAL_COMMUNITY, region: '外县', leadHospitalId: null }));
    for (const h of [tertiary, townshipA, townshipB]) await m.insert(ConsortiumMembership, { consortiumId: consortium.id, hospitalId: h.id });
    const cardiology = await m.findOneByOrFail(Department, { code: 'CARDIOLOGY' });
    const hash = await passwordHash();
    const person = (username: string, roles: Role[], hospitalId: number, specialtyIds: number[] = []) =>
      addPerson(m, { username, roles, hospitalId, title: roles.includes(Role.SPECIALIST) ? Title.CHIEF : null, specialtyIds }, hash);
    const users = {
      admin: await person('admin', [Role.ADMIN], tertiary.id),
      scheduler: await person('scheduler', [Role.SCHEDULER], tertiary.id),
      specialist: await person('specialist', [Role.SPECIALIST], tertiary.id, [cardiology.id]),
      doctorA: await person('doctor.a', [Role.TOWNSHIP_DOCTOR], townshipA.id),
      doctorB: await person('doctor.b', [Role.TOWNSHIP_DOCTOR], townshipB.id),
    };
    const patient = async (name: string, hospitalId: number, nationalId: string, birthDate: string) =>
      m.save(m.create(Patient, { name, sex: Sex.FEMALE, birthDate, hospitalId, nationalIdHash: hashNationalId(nationalId, nationalIdKey), nationalIdMasked: maskNationalId(nationalId) }));
    const patientANationalId = validNationalId('1956-03-08', '124');
    const patientA = await patient('患者甲', townshipA.id, patientANationalId, '1956-03-08');
    const patientB = await patient('患者乙', townshipB.id, validNationalId('1960-07-21', '226'), '1960-07-21');
    return { consortium, otherConsortium, tertiary, townshipA, townshipB, cardiology, users, patientA, patientB, patientANationalId };
  });
}
