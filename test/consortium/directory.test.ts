import { startTestHub, TestHub } from '../support/hub';

let t: TestHub;
let admin: string;
let doctorA: string;
beforeAll(async () => {
  t = await startTestHub();
  [admin, doctorA] = await Promise.all([t.signIn('admin'), t.signIn('doctor.a')]);
  // 40 more hospitals, each in a consortium with 3 staff with a specialty: enough rows for N+1 to show.
  const db = t.database.db;
  await db.query(`INSERT INTO hospital (name, tier, county, latitude, longitude)
                  SELECT '卫生院' || g, 'TOWNSHIP', CASE WHEN g % 2 = 0 THEN '东县' ELSE '西县' END, 35, 118 FROM generate_series(1, 40) g`);
  await db.query(`INSERT INTO consortium_membership (consortium_id, hospital_id) SELECT $1, id FROM hospital WHERE name LIKE '卫生院%'`, [t.fixture.consortium.id]);
  await db.query(`INSERT INTO person (name, username, roles, hospital_id) SELECT '医生' || h.id || '-' || k, 'doc' || h.id || '-' || k, '{TOWNSHIP_DOCTOR}', h.id FROM hospital h, generate_series(1, 3) k WHERE h.name LIKE '卫生院%'`);
  await db.query(`INSERT INTO person_specialty (person_id, department_id) SELECT p.id, $1 FROM person p WHERE p.username LIKE 'doc%-%'`, [t.fixture.cardiology.id]);
});
afterAll(async () => { await t.stop(); });

const NESTED = `query($first: Int!) { hospitals(first: $first) { nodes { name consortia { name leadHospital { name } } grid { name } staff { name hospital { name } specialties { code } } } } }`;

describe('directory reads', () => {
  it('batches nested fields: the number of SQL statements does not grow with the rows', async () => {
    const statements = async (first: number) => {
      const before = t.database.counter.count;
      const r = await t.gql(NESTED, { first }, admin);
      expect(r.errors).toBeUndefined();
      expect(r.data.hospitals.nodes).toHaveLength(first);
      return t.database.counter.count - before;
    };
    // The hub's background pollers (outbox, projector, deadline sweep) share the counter; they only
    // ever add statements, so the least of three runs is the request's own count.
    const least = async (first: number) => Math.min(await statements(first), await statements(first), await statements(first));
    const few = await least(5);
    const many = await least(40);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(12);
    const r = await t.gql(NESTED, { first: 40 }, admin);
    const staffed = r.data.hospitals.nodes.find((h: any) => h.name === '卫生院7');
    expect(staffed.staff).toHaveLength(3);
    expect(staffed.staff[0]).toMatchObject({ hospital: { name: '卫生院7' }, specialties: [{ code: 'CARDIOLOGY' }] });
    expect(staffed.consortia).toEqual([{ name: '测试县医共体', leadHospital: { name: '测试县人民医院' } }]);
  });

  it('answers every asked-for field of the staff, through fragments and aliases alike, and only active people', async () => {
    const STAFF = `query($id: ID!) { hospital(id: $id) {
        staff { ...Whole }
        short: staff { id specialties { code } }
      } }
      fragment Whole on Person { id name username roles title active language createdAt hospital { name } specialties { code nameEn } }`;
    const db = t.database.db;
    const [{ created_at: createdAt }] = await db.query(`SELECT created_at FROM person WHERE username = 'specialist'`);
    await db.query(`UPDATE person SET active = false WHERE username = 'scheduler'`);
    try {
      const r = await t.gql(STAFF, { id: String(t.fixture.tertiary.id) }, admin);
      expect(r.errors).toBeUndefined();
      const { staff, short } = r.data.hospital;
      expect(staff.map((p: any) => p.username)).toEqual(['admin', 'specialist']);
      expect(staff[1]).toEqual({
        id: String(t.fixture.users.specialist.id), name: t.fixture.users.specialist.name, username: 'specialist', roles: ['SPECIALIST'], title: 'CHIEF',
        active: true, language: null, createdAt: createdAt.toISOString(), hospital: { name: '测试县人民医院' }, specialties: [{ code: 'CARDIOLOGY', nameEn: 'Cardiology' }],
      });
      expect(staff[0]).toMatchObject({ username: 'admin', roles: ['ADMIN'], title: null, specialties: [] });
      expect(short).toEqual([{ id: String(t.fixture.users.admin.id), specialties: [] }, { id: String(t.fixture.users.specialist.id), specialties: [{ code: 'CARDIOLOGY' }] }]);
    } finally {
      await db.query(`UPDATE person SET active = true WHERE username = 'scheduler'`);
    }
  });

  it('pages with cursors through every hospital exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      const r: any = await t.gql('query($after: String) { hospitals(first: 7, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } totalCount } }', { after }, admin);
      seen.push(...r.data.hospitals.nodes.map((n: any) => n.id));
      total = r.data.hospitals.totalCount;
      if (!r.data.hospitals.pageInfo.hasNextPage) break;
      after = r.data.hospitals.pageInfo.endCursor;
    }
    expect(total).toBe(43);
    expect(seen).toHaveLength(43);
    expect(new Set(seen).size).toBe(43);
  });

  it('filters hospitals by tier, county, consortium and name', async () => {
    const q = async (args: string) => (await t.gql(`{ hospitals(first: 100, ${args}) { totalCount nodes { name } } }`, {}, admin)).data.hospitals;
    expect((await q('tier: TERTIARY')).nodes).toEqual([{ name: '测试县人民医院' }]);
    expect((await q('county: "东县"')).totalCount).toBe(20);
    expect((await q(`consortiumId: "${t.fixture.otherConsortium.id}"`)).totalCount).toBe(0);
    expect((await q('nameContains: "卫生院1"')).totalCount).toBe(11); // 卫生院1, 10..19
    expect((await q('nameContains: "%"')).totalCount).toBe(0); // LIKE wildcards are taken literally
  });

  it('filters people by role, hospital and specialty', async () => {
    const q = async (args: string) => (await t.gql(`{ people(first: 100, ${args}) { totalCount } }`, {}, admin)).data.people.totalCount;
    expect(await q('role: SCHEDULER')).toBe(1);
    expect(await q(`specialtyId: "${t.fixture.cardiology.id}"`)).toBe(121);
    expect(await q(`hospitalId: "${t.fixture.townshipA.id}"`)).toBe(1);
  });
});

describe('directory changes', () => {
  it('creates a hospital in a consortium and records the change in the event log, atomically', async () => {
    const r = await t.gql(`mutation($i: CreateHospitalInput!) { createHospital(input: $i) { id name consortia { name } } }`,
      { i: { name: '丙镇卫生院', tier: 'TOWNSHIP', county: '测试县', latitude: 35.6, longitude: 118.7, consortiumIds: [String(t.fixture.consortium.id)] } }, admin);
    expect(r.data.createHospital).toMatchObject({ name: '丙镇卫生院', consortia: [{ name: '测试县医共体' }] });
    const [event] = await t.database.db.query(`SELECT topic, payload FROM event WHERE topic = 'hospital' ORDER BY id DESC LIMIT 1`);
    expect(event.payload).toMatchObject({ action: 'CREATED', hospital: { id: Number(r.data.createHospital.id), name: '丙镇卫生院' } });
  });

  it('keeps the event log append-only', async () => {
    await expect(t.database.db.query(`DELETE FROM event`)).rejects.toThrow(/append-only/);
    await expect(t.database.db.query(`UPDATE event SET topic = 'x'`)).rejects.toThrow(/append-only/);
  });

  it('creates a person who can then sign in with the given password', async () => {
    const r = await t.gql(`mutation($i: CreatePersonInput!) { createPerson(input: $i) { id specialties { code } } }`,
      { i: { name: '新专家', username: 'new.expert', password: 'a-good-long-password', roles: ['SPECIALIST'], title: 'CHIEF', hospitalId: String(t.fixture.tertiary.id), specialtyIds: [String(t.fixture.cardiology.id)] } }, admin);
    expect(r.data.createPerson.specialties).toEqual([{ code: 'CARDIOLOGY' }]);
    const signIn = await t.gql('mutation { signIn(username: "new.expert", password: "a-good-long-password") { person { name title } } }');
    expect(signIn.data.signIn.person).toEqual({ name: '新专家', title: 'CHIEF' });
  });
});

describe('patients', () => {
  it('never returns the national ID in full, finds the patient by it, and audits every read', async () => {
    const { patientA, patientANationalId, users } = t.fixture;
    const r = await t.gql('query($n: String!) { patientByNationalId(nationalId: $n) { id name nationalIdMasked } }', { n: patientANationalId.toLowerCase() }, doctorA);
    expect(r.data.patientByNationalId).toEqual({ id: String(patientA.id), name: '患者甲', nationalIdMasked: `${patientANationalId.slice(0, 6)}**********${patientANationalId.slice(16)}` });
    expect(JSON.stringify(await t.database.db.query('SELECT * FROM patient'))).not.toContain(patientANationalId.slice(6, 14));
    const list = await t.gql('{ patients { nodes { id } } }', {}, doctorA);
    const audit = await t.database.db.query(`SELECT actor_id, action, subject_id FROM audit_entry WHERE subject_type = 'patient' AND subject_id = $1`, [String(patientA.id)]);
    expect(audit.filter((a: any) => a.action === 'patient.read' && a.actor_id === users.doctorA.id)).toHaveLength(2);
    expect(list.data.patients.nodes.map((p: any) => p.id)).toContain(String(patientA.id));
  });

  it('answers null for an unregistered national ID and BAD_USER_INPUT for a mistyped one', async () => {
    const unknown = await t.gql('{ patientByNationalId(nationalId: "11010519491231002X") { id } }', {}, doctorA);
    expect(unknown.data.patientByNationalId).toBeNull();
    const typo = await t.gql('{ patientByNationalId(nationalId: "110105194912310021") { id } }', {}, doctorA);
    expect(typo.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'nationalId' });
  });
});
