import { validNationalId } from '../support/fixture';
import { startTestHub, TestHub } from '../support/hub';

/**
 * Every directory operation, as every role and as nobody: who gets an answer, who gets
 * FORBIDDEN, who UNAUTHENTICATED. Patient rows belong to township hospital A or B; a patient
 * one may not see answers exactly as one that does not exist (NOT_FOUND, or null by national ID).
 */
type Who = 'anonymous' | 'admin' | 'scheduler' | 'specialist' | 'doctorA' | 'doctorB';
type Outcome = 'ok' | 'null' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';
const WHO: Who[] = ['anonymous', 'admin', 'scheduler', 'specialist', 'doctorA', 'doctorB'];
const USERNAME: Record<Exclude<Who, 'anonymous'>, string> = { admin: 'admin', scheduler: 'scheduler', specialist: 'specialist', doctorA: 'doctor.a', doctorB: 'doctor.b' };

let t: TestHub;
const tokens: Partial<Record<Who, string>> = {};
let serial = 0;

beforeAll(async () => {
  t = await startTestHub();
  for (const who of WHO) if (who !== 'anonymous') tokens[who] = await t.signIn(USERNAME[who]);
});
afterAll(async () => { await t.stop(); });

interface Operation {
  name: string;
  query: string;
  variables: () => Record<string, unknown>;
  expect: Partial<Record<Who, Outcome>>;
}

const everyoneSignedIn: Partial<Record<Who, Outcome>> = { admin: 'ok', scheduler: 'ok', specialist: 'ok', doctorA: 'ok', doctorB: 'ok' };
const adminOnly: Partial<Record<Who, Outcome>> = { admin: 'ok' };
const unique = (prefix: string) => `${prefix}${++serial}`;

const operations = (): Operation[] => {
  const f = t.fixture;
  return [
    { name: 'hospitals', query: '{ hospitals { nodes { id } } }', variables: () => ({}), expect: everyoneSignedIn },
    { name: 'hospital', query: 'query($id: ID!) { hospital(id: $id) { name } }', variables: () => ({ id: f.townshipB.id }), expect: everyoneSignedIn },
    { name: 'consortia', query: '{ consortia { nodes { id } } }', variables: () => ({}), expect: everyoneSignedIn },
    { name: 'consortium', query: 'query($id: ID!) { consortium(id: $id) { name } }', variables: () => ({ id: f.consortium.id }), expect: everyoneSignedIn },
    { name: 'grids', query: '{ grids { nodes { id } } }', variables: () => ({}), expect: everyoneSignedIn },
    { name: 'departments', query: '{ departments { code } }', variables: () => ({}), expect: everyoneSignedIn },
    { name: 'people', query: '{ people { nodes { id } } }', variables: () => ({}), expect: everyoneSignedIn },
    { name: 'person', query: 'query($id: ID!) { person(id: $id) { name } }', variables: () => ({ id: f.users.doctorB.id }), expect: everyoneSignedIn },
    { name: 'me', query: '{ me { id } }', variables: () => ({}), expect: everyoneSignedIn },
    { name: 'patients (list of own hospital)', query: '{ patients { nodes { id } } }', variables: () => ({}), expect: { specialist: 'ok', doctorA: 'ok', doctorB: 'ok', admin: 'FORBIDDEN', scheduler: 'FORBIDDEN' } },
    { name: "patient of hospital A", query: 'query($id: ID!) { patient(id: $id) { name nationalIdMasked } }', variables: () => ({ id: f.patientA.id }), expect: { doctorA: 'ok', doctorB: 'NOT_FOUND', specialist: 'NOT_FOUND', admin: 'NOT_FOUND', scheduler: 'NOT_FOUND' } },
    { name: "patientByNationalId of hospital A", query: 'query($n: String!) { patientByNationalId(nationalId: $n) { id } }', variables: () => ({ n: f.patientANationalId }), expect: { doctorA: 'ok', doctorB: 'null', specialist: 'null', admin: 'null', scheduler: 'null' } },
    {
      name: 'registerPatient at hospital A',
      query: 'mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { id } }',
      variables: () => ({ i: { name: '新患者', sex: 'MALE', birthDate: '1970-01-02', nationalId: validNationalId('1970-01-02', String(100 + ++serial)), hospitalId: f.townshipA.id } }),
      expect: { doctorA: 'ok' },
    },
    {
      name: 'createHospital', query: 'mutation($i: CreateHospitalInput!) { createHospital(input: $i) { id } }',
      variables: () => ({ i: { name: unique('新镇卫生院'), tier: 'TOWNSHIP', county: '测试县', latitude: 35.5, longitude: 118.5 } }), expect: adminOnly,
    },
    { name: 'updateHospital', query: 'mutation($i: UpdateHospitalInput!) { updateHospital(input: $i) { id } }', variables: () => ({ i: { id: f.townshipB.id, county: unique('县') } }), expect: adminOnly },
    {
      name: 'createConsortium', query: 'mutation($i: CreateConsortiumInput!) { createConsortium(input: $i) { id } }',
      variables: () => ({ i: { name: unique('新医联体'), kind: 'SPECIALTY_ALLIANCE', region: '测试市' } }), expect: adminOnly,
    },
    { name: 'updateConsortium', query: 'mutation($i: UpdateConsortiumInput!) { updateConsortium(input: $i) { id } }', variables: () => ({ i: { id: f.otherConsortium.id, region: unique('区') } }), expect: adminOnly },
    { name: 'addHospitalToConsortium', query: 'mutation($i: MembershipInput!) { addHospitalToConsortium(input: $i) { id } }', variables: () => ({ i: { consortiumId: f.otherConsortium.id, hospitalId: f.townshipA.id } }), expect: adminOnly },
    { name: 'removeHospitalFromConsortium', query: 'mutation($i: MembershipInput!) { removeHospitalFromConsortium(input: $i) { id } }', variables: () => ({ i: { consortiumId: f.otherConsortium.id, hospitalId: f.townshipA.id } }), expect: adminOnly },
    { name: 'createGrid', query: 'mutation($i: CreateGridInput!) { createGrid(input: $i) { id } }', variables: () => ({ i: { name: unique('网格'), responsibleConsortiumId: f.consortium.id } }), expect: adminOnly },
    { name: 'createDepartment', query: 'mutation($i: CreateDepartmentInput!) { createDepartment(input: $i) { id } }', variables: () => ({ i: { code: unique('DEPT_'), nameZh: unique('科'), nameEn: unique('Dept ') } }), expect: adminOnly },
    {
      name: 'createPerson', query: 'mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }',
      variables: () => ({ i: { name: '新医生', username: unique('new.doctor'), password: 'long-enough-password', roles: ['TOWNSHIP_DOCTOR'], hospitalId: f.townshipA.id } }), expect: adminOnly,
    },
    { name: 'updatePerson', query: 'mutation($i: UpdatePersonInput!) { updatePerson(input: $i) { id } }', variables: () => ({ i: { id: f.users.doctorB.id, title: 'ATTENDING' } }), expect: adminOnly },
  ];
};

describe('authorization matrix', () => {
  it('answers, forbids or asks to sign in exactly as the policy says, for every role and operation', async () => {
    const mismatches: string[] = [];
    for (const op of operations()) {
      for (const who of WHO) {
        const expected: Outcome = who === 'anonymous' ? 'UNAUTHENTICATED' : op.expect[who] ?? 'FORBIDDEN';
        const r = await t.gql(op.query, op.variables(), tokens[who]);
        const actual = r.errors ? r.errors[0].extensions?.code : Object.values(r.data ?? {})[0] === null ? 'null' : 'ok';
        if (actual !== expected) mismatches.push(`${op.name} as ${who}: expected ${expected}, got ${actual} ${r.errors ? r.errors[0].message : ''}`);
        if (actual === 'FORBIDDEN' && !r.errors![0].message.match(/only|Only/)) mismatches.push(`${op.name} as ${who}: unhelpful message "${r.errors![0].message}"`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("lists only the patients of the doctor's own hospital", async () => {
    const names = async (who: Who) => (await t.gql('{ patients { nodes { name hospital { name } } } }', {}, tokens[who])).data.patients.nodes;
    expect(await names('doctorB')).toEqual([{ name: '患者乙', hospital: { name: '乙镇卫生院' } }]);
    expect((await names('doctorA')).every((p: any) => p.hospital.name === '甲镇卫生院')).toBe(true);
    expect(await names('specialist')).toEqual([]);
  });

  // Issue 13 (8): FORBIDDEN naming the hospital told anyone signed in who is a patient, and where.
  it("answers another hospital's patient exactly like one that does not exist, by id and by national ID", async () => {
    const notYours = await t.gql('query($id: ID!) { patient(id: $id) { name } }', { id: t.fixture.patientA.id }, tokens.doctorB);
    const missing = await t.gql('query($id: ID!) { patient(id: $id) { name } }', { id: 999999 }, tokens.doctorB);
    expect(notYours.errors?.[0]).toMatchObject({ message: `Patient ${t.fixture.patientA.id} does not exist or is not visible to you`, extensions: { code: 'NOT_FOUND' } });
    expect(missing.errors?.[0]).toMatchObject({ message: 'Patient 999999 does not exist or is not visible to you', extensions: { code: 'NOT_FOUND' } });
    expect(JSON.stringify(notYours)).not.toMatch(/甲镇/);
    const byId = async (n: string) => t.gql('query($n: String!) { patientByNationalId(nationalId: $n) { id } }', { n }, tokens.doctorB);
    const registered = await byId(t.fixture.patientANationalId);
    const unregistered = await byId(validNationalId('1949-12-31', '002'));
    expect(registered).toEqual(unregistered);
    expect(registered).toMatchObject({ status: 200, data: { patientByNationalId: null } });
    expect(registered.errors).toBeUndefined();
  });
});
