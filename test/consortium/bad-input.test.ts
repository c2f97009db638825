import { validNationalId } from '../support/fixture';
import { startTestHub, TestHub } from '../support/hub';

let t: TestHub;
let admin: string;
let doctorA: string;
beforeAll(async () => {
  t = await startTestHub();
  admin = await t.signIn('admin');
  doctorA = await t.signIn('doctor.a');
});
afterAll(async () => { await t.stop(); });

const TABLES = ['hospital', 'consortium', 'consortium_membership', 'grid', 'department', 'person', 'person_specialty', 'credential', 'patient', 'event'];
const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, (await t.database.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n])));

const hospital = { name: '新镇卫生院', tier: 'TOWNSHIP', county: '测试县', latitude: 35.5, longitude: 118.5 };
const person = { name: '新医生', username: 'new.doctor', password: 'long-enough-password', roles: ['TOWNSHIP_DOCTOR'], hospitalId: '1' };
const patient = { name: '新患者', sex: 'MALE', birthDate: '1970-01-02', nationalId: validNationalId('1970-01-02') };
const omit = (o: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

// [mutation, input type, input, the field that must be named]
const cases = (): [string, string, Record<string, unknown>, string][] => [
  ['createHospital', 'CreateHospitalInput', omit(hospital, 'name'), 'name'],
  ['createHospital', 'CreateHospitalInput', { ...hospital, name: 'x' }, 'name'],
  ['createHospital', 'CreateHospitalInput', { ...hospital, tier: 'CASTLE' }, 'tier'],
  ['createHospital', 'CreateHospitalInput', { ...hospital, latitude: 200 }, 'latitude'],
  ['createHospital', 'CreateHospitalInput', { ...hospital, longitude: 'east' }, 'longitude'],
  ['createHospital', 'CreateHospitalInput', { ...hospital, gridId: '99999' }, 'gridId'],
  ['createHospital', 'CreateHospitalInput', { ...hospital, consortiumIds: [String(t.fixture.consortium.id), '99999'] }, 'consortiumIds[1]'],
  ['createHospital', 'CreateHospitalInput', { ...hospital, consortiumIds: ['abc'] }, 'consortiumIds'],
  ['updateHospital', 'UpdateHospitalInput', { id: 'x', name: '改名卫生院' }, 'id'],
  ['updateHospital', 'UpdateHospitalInput', { id: String(t.fixture.townshipA.id), latitude: -100 }, 'latitude'],
  ['createConsortium', 'CreateConsortiumInput', { name: '新医联体', region: '某市' }, 'kind'],
  ['createConsortium', 'CreateConsortiumInput', { name: '新医联体', kind: 'SPECIALTY_ALLIANCE', region: '' }, 'region'],
  ['createConsortium', 'CreateConsortiumInput', { name: '新医联体', kind: 'SPECIALTY_ALLIANCE', region: '某市', leadHospitalId: '99999' }, 'leadHospitalId'],
  ['updateConsortium', 'UpdateConsortiumInput', { id: String(t.fixture.consortium.id), name: 'x' }, 'name'],
  ['addHospitalToConsortium', 'MembershipInput', { consortiumId: String(t.fixture.otherConsortium.id), hospitalId: '99999' }, 'hospitalId'],
  ['addHospitalToConsortium', 'MembershipInput', { consortiumId: String(t.fixture.otherConsortium.id) }, 'hospitalId'],
  ['removeHospitalFromConsortium', 'MembershipInput', { consortiumId: String(t.fixture.consortium.id), hospitalId: String(t.fixture.tertiary.id) }, 'hospitalId'],
  ['createGrid', 'CreateGridInput', { name: '新网格', responsibleConsortiumId: '99999' }, 'responsibleConsortiumId'],
  ['createGrid', 'CreateGridInput', { responsibleConsortiumId: String(t.fixture.consortium.id) }, 'name'],
  ['createDepartment', 'CreateDepartmentInput', { code: 'lowercase', nameZh: '新科', nameEn: 'New' }, 'code'],
  ['createPerson', 'CreatePersonInput', { ...person, password: 'short' }, 'password'],
  ['createPerson', 'CreatePersonInput', { ...person, roles: [] }, 'roles'],
  ['createPerson', 'CreatePersonInput', { ...person, roles: ['SURGEON'] }, 'roles'],
  ['createPerson', 'CreatePersonInput', { ...person, username: 'Has Spaces' }, 'username'],
  ['createPerson', 'CreatePersonInput', { ...person, hospitalId: '99999' }, 'hospitalId'],
  ['createPerson', 'CreatePersonInput', { ...person, specialtyIds: ['99999'] }, 'specialtyIds[0]'],
  ['createPerson', 'CreatePersonInput', { ...person, roles: ['SCHEDULER'], specialtyIds: [String(t.fixture.cardiology.id)] }, 'specialtyIds'],
  ['updatePerson', 'UpdatePersonInput', { id: String(t.fixture.users.doctorB.id), roles: [] }, 'roles'],
  ['updatePerson', 'UpdatePersonInput', { id: String(t.fixture.users.admin.id), active: false }, 'active'],
];
const patientCases = (): [string, string, Record<string, unknown>, string][] => [
  ['registerPatient', 'RegisterPatientInput', { ...patient, nationalId: `${patient.nationalId.slice(0, 17)}${patient.nationalId[17] === '0' ? '1' : '0'}` }, 'nationalId'],
  ['registerPatient', 'RegisterPatientInput', { ...patient, nationalId: '12345' }, 'nationalId'],
  ['registerPatient', 'RegisterPatientInput', { ...patient, birthDate: '1971-01-02' }, 'birthDate'],
  ['registerPatient', 'RegisterPatientInput', { ...patient, birthDate: '2020-02-30', nationalId: validNationalId('2020-02-30') }, 'birthDate'],
  ['registerPatient', 'RegisterPatientInput', { ...patient, name: '' }, 'name'],
  ['registerPatient', 'RegisterPatientInput', omit(patient, 'sex'), 'sex'],
  ['registerPatient', 'RegisterPatientInput', { ...patient, hospitalId: '99999' }, 'hospitalId'],
];

describe('bad input', () => {
  it('is refused with BAD_USER_INPUT naming the field, and nothing is written', async () => {
    const before = await counts();
    const wrong: string[] = [];
    for (const [mutation, type, input, field] of [...cases().map((c) => [...c, admin] as const), ...patientCases().map((c) => [...c, doctorA] as const)]) {
      const token = mutation === 'registerPatient' ? doctorA : admin;
      const r = await t.gql(`mutation($i: ${type}!) { ${mutation}(input: $i) { id } }`, { i: input }, token);
      const error = r.errors?.[0];
      const code = error?.extensions?.code;
      const named = error?.extensions?.field === field || String(error?.extensions?.field).startsWith(`${field}[`);
      if (code !== 'BAD_USER_INPUT' || !named) {
        wrong.push(`${mutation} ${JSON.stringify(input)}: ${code} field=${error?.extensions?.field} "${error?.message}" (expected field ${field})`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('reports a duplicate name as CONFLICT naming the field, and writes nothing', async () => {
    const before = await counts();
    const r = await t.gql('mutation($i: CreateHospitalInput!) { createHospital(input: $i) { id } }', { i: { ...hospital, name: '甲镇卫生院' } }, admin);
    expect(r.errors?.[0]).toMatchObject({ message: 'A hospital with this name already exists', extensions: { code: 'CONFLICT', field: 'name' } });
    const again = await t.gql('mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { id } }', { i: { ...patient, nationalId: t.fixture.patientANationalId, birthDate: '1956-03-08' } }, doctorA);
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'nationalId' } });
    expect(await counts()).toEqual(before);
  });

  it('refuses bad page arguments with the field named', async () => {
    const r = await t.gql('{ hospitals(first: 1000) { nodes { id } } }', {}, admin);
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    const c = await t.gql('{ hospitals(after: "garbage") { nodes { id } } }', {}, admin);
    expect(c.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
  });
});
