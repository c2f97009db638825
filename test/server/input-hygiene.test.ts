import { startTestHub, TestHub } from '../support/hub';

/**
 * Issue 13, item 7: input that PostgreSQL or a service cannot take is refused as BAD_USER_INPUT
 * naming the field, never INTERNAL_SERVER_ERROR; inline JSON literals work as variables do.
 */
let t: TestHub;
let admin: string;
let doctorA: string;
beforeAll(async () => {
  t = await startTestHub();
  [admin, doctorA] = await Promise.all([t.signIn('admin'), t.signIn('doctor.a')]);
});
afterAll(async () => { await t.stop(); });

const refusal = (r: { errors?: { message: string; extensions?: { code?: string; field?: string } }[] }) =>
  ({ code: r.errors?.[0]?.extensions?.code, field: r.errors?.[0]?.extensions?.field });

describe('control characters', () => {
  it.each([
    ['hospitals', '{ hospitals(nameContains: "a\\u0000b") { totalCount } }', 'nameContains'],
    ['patients', '{ patients(nameContains: "a\\u0000b") { totalCount } }', 'nameContains'],
    ['people', '{ people(nameContains: "a\\u0001b") { totalCount } }', 'nameContains'],
  ])('%s(nameContains) with NUL or another control character is BAD_USER_INPUT', async (_name, query, field) => {
    const r = await t.gql(query, undefined, admin);
    expect(refusal(r)).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(r.errors![0].message).toMatch(/control character \(U\+000[01]\)/);
  });

  it('the same through a variable', async () => {
    const r = await t.gql('query($n: String) { hospitals(nameContains: $n) { totalCount } }', { n: 'a\u0000b' }, admin);
    expect(refusal(r)).toEqual({ code: 'BAD_USER_INPUT', field: 'nameContains' });
  });

  it('signIn with NUL in the username, anonymously, is BAD_USER_INPUT', async () => {
    const r = await t.gql('mutation { signIn(username: "admin\\u0000", password: "x") { token } }');
    expect(refusal(r)).toEqual({ code: 'BAD_USER_INPUT', field: 'username' });
  });

  it('names in createHospital and createConsortium are refused and nothing is written', async () => {
    const before = (await t.database.db.query('SELECT count(*)::int AS n FROM hospital'))[0].n;
    const h = await t.gql('mutation($i: CreateHospitalInput!) { createHospital(input: $i) { id } }',
      { i: { name: '新\u0000镇卫生院', tier: 'TOWNSHIP', county: '测试县', latitude: 35.5, longitude: 118.5 } }, admin);
    expect(refusal(h)).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    const c = await t.gql('mutation { createConsortium(input: { name: "新\\u007f医联体", kind: SPECIALTY_ALLIANCE, region: "某市" }) { id } }', undefined, admin);
    expect(refusal(c)).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await t.database.db.query('SELECT count(*)::int AS n FROM hospital'))[0].n).toBe(before);
  });

  it('tabs and line breaks in text are fine', async () => {
    const r = await t.gql('query($n: String) { hospitals(nameContains: $n) { totalCount } }', { n: '甲\t镇\r\n' }, admin);
    expect(r.errors).toBeUndefined();
    expect(r.data.hospitals.totalCount).toBe(0);
  });
});

describe('null for a field an update requires', () => {
  it.each([
    ['updateHospital', 'name', () => t.fixture.townshipA.id],
    ['updateHospital', 'latitude', () => t.fixture.townshipA.id],
    ['updatePerson', 'name', () => t.fixture.users.doctorB.id],
    ['updatePerson', 'roles', () => t.fixture.users.doctorB.id],
    ['updatePerson', 'active', () => t.fixture.users.doctorB.id],
    ['updateConsortium', 'name', () => t.fixture.consortium.id],
  ])('%s with %s: null is BAD_USER_INPUT naming it', async (mutation, field, id) => {
    const r = await t.gql(`mutation { ${mutation}(input: { id: "${id()}", ${field}: null }) { id } }`, undefined, admin);
    expect(refusal(r)).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(r.errors![0].message).toContain('cannot be cleared');
  });

  it('updateReferralCriterion with criterion: null is BAD_USER_INPUT', async () => {
    const [{ id }] = await t.database.db.query('SELECT id FROM referral_criterion ORDER BY id LIMIT 1');
    const r = await t.gql(`mutation { updateReferralCriterion(input: { id: "${id}", criterion: null }) { id } }`, undefined, admin);
    expect(refusal(r)).toEqual({ code: 'BAD_USER_INPUT', field: 'criterion' });
  });

  it('fields that may be empty are still cleared with null', async () => {
    const person = await t.gql(`mutation { updatePerson(input: { id: "${t.fixture.users.doctorB.id}", title: null }) { id title } }`, undefined, admin);
    expect(person.errors).toBeUndefined();
    expect(person.data.updatePerson.title).toBeNull();
    const consortium = await t.gql(`mutation { updateConsortium(input: { id: "${t.fixture.otherConsortium.id}", leadHospitalId: null }) { id } }`, undefined, admin);
    expect(consortium.errors).toBeUndefined();
  });
});

describe('inline JSON literals', () => {
  it('joinConsultationRoom with rtpCapabilities: {} inline answers as the same JSON in a variable does', async () => {
    const id = t.fixture.consortium.id; // not a consultation the doctor is in: the same refusal both ways
    const inline = await t.gql(`mutation { joinConsultationRoom(consultationId: "${id}", rtpCapabilities: {}) { __typename } }`, undefined, doctorA);
    const variable = await t.gql('mutation($c: ID!, $r: JSONObject!) { joinConsultationRoom(consultationId: $c, rtpCapabilities: $r) { __typename } }', { c: String(id), r: {} }, doctorA);
    expect(inline.status).toBe(variable.status);
    expect(refusal(inline)).toEqual(refusal(variable));
    expect(refusal(inline).code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(inline.errors![0].message).toBe(variable.errors![0].message);
    expect(JSON.stringify(inline)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });
});
