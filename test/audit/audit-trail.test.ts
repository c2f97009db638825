import { ok, requestConsultation } from '../consult/support';
import { startTestHub, TestHub } from '../support/hub';

/**
 * Issue 13 (13): nobody could read the audit trail, and some reads of patient data (a
 * consultation's clinical part, a referral's diagnosis) were not in it. Every path that reads
 * patient data is exercised here and must show up when an administrator asks about the patient.
 */
let t: TestHub;
let admin: string;
let doctorA: string;
let doctorB: string;
let specialist: string;
let base: string;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake image body for the test '.repeat(10))]);
const ENTRIES = `query($a: ID, $p: ID, $act: String, $from: DateTimeISO, $to: DateTimeISO, $first: Int, $after: String) {
  auditEntries(actorId: $a, patientId: $p, action: $act, from: $from, to: $to, first: $first, after: $after) {
    nodes { id actorId actor { username } action subjectType subjectId at } pageInfo { hasNextPage endCursor } } }`;

async function entries(variables: Record<string, unknown>, token = admin): Promise<any[]> {
  const all: any[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = ok(await t.gql(ENTRIES, { first: 100, ...variables, after }, token)).auditEntries;
    all.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return all;
    after = page.pageInfo.endCursor;
  }
}

beforeAll(async () => {
  t = await startTestHub();
  base = t.hub.url.replace(/\/graphql$/, '');
  [admin, doctorA, doctorB, specialist] = await Promise.all(['admin', 'doctor.a', 'doctor.b', 'specialist'].map((u) => t.signIn(u)));
});
afterAll(async () => { await t.stop(); });

describe('the audit trail', () => {
  it('shows every path that reads patient data when an administrator asks about the patient', async () => {
    const f = t.fixture;
    const started = new Date();
    const p = String(f.patientA.id);
    // 1-3: the patient itself, by id, by national ID, in the list.
    ok(await t.gql('query($id: ID!) { patient(id: $id) { name } }', { id: p }, doctorA));
    ok(await t.gql('query($n: String!) { patientByNationalId(nationalId: $n) { name } }', { n: f.patientANationalId }, doctorA));
    ok(await t.gql('{ patients { nodes { name } } }', {}, doctorA));
    // 4-6: a consultation's clinical part, its patient, an attachment download (by the specialist who took it).
    const consultation = await requestConsultation(t, doctorA);
    const uploaded = await fetch(`${base}/attachments/consultations/${consultation}`, { method: 'POST', headers: { authorization: `Bearer ${doctorA}`, 'content-type': 'image/png' }, body: PNG });
    expect(uploaded.status).toBe(201);
    const attachmentId = (await uploaded.json()).id;
    ok(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { state } }', { id: consultation }, specialist));
    ok(await t.gql('query($id: ID!) { consultation(id: $id) { clinicalSummary question } }', { id: consultation }, specialist));
    ok(await t.gql('query($id: ID!) { consultation(id: $id) { patient { name } } }', { id: consultation }, specialist));
    expect((await fetch(`${base}/attachments/${attachmentId}`, { headers: { authorization: `Bearer ${specialist}` } })).status).toBe(200);
    // 7: a referral's diagnosis, as the receiving hospital's specialist reads it.
    const criteria = ok(await t.gql('{ referralCriteria { id code } }', {}, doctorA)).referralCriteria;
    const acs = criteria.find((c: any) => c.code === 'UP_CARD_ACS').id;
    const referral = ok(await t.gql('mutation($i: ProposeReferralInput!) { proposeReferral(input: $i) { id } }', {
      i: { direction: 'UP', patientId: p, toHospitalId: String(f.tertiary.id), diagnosisCode: 'I21.9', diagnosisText: '急性心肌梗死', criterionIds: [acs] },
    }, doctorA)).proposeReferral.id;
    ok(await t.gql('query($id: ID!) { referral(id: $id) { diagnosisText } }', { id: referral }, specialist));

    const seen = await entries({ p, from: started.toISOString() });
    const who = (username: string) => seen.filter((e) => e.actor?.username === username).map((e) => e.action);
    expect(who('doctor.a').filter((a) => a === 'patient.read').length).toBeGreaterThanOrEqual(3);
    expect(who('doctor.a')).toContain('attachment.upload');
    expect(new Set(who('specialist'))).toEqual(new Set(['consultation.clinical.read', 'patient.read', 'attachment.read', 'referral.read']));
    for (const e of seen) expect(new Date(e.at).getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
    // Nothing about another patient slipped into the answer.
    expect(seen.every((e) => (e.subjectType === 'patient' && e.subjectId === p) || (e.subjectType === 'consultation_attachment' && e.subjectId === attachmentId))).toBe(true);
  });

  it('filters by who, by action or action prefix and by period, and pages without overlap', async () => {
    const f = t.fixture;
    const mine = await entries({ a: String(f.users.specialist.id) });
    expect(mine.length).toBeGreaterThanOrEqual(4);
    expect(mine.every((e) => e.actorId === String(f.users.specialist.id))).toBe(true);
    const reads = await entries({ act: 'patient.read' });
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((e) => e.action === 'patient.read')).toBe(true);
    const signIns = await entries({ act: 'signIn' });
    expect(new Set(signIns.map((e) => e.action))).toEqual(new Set(['signIn']));
    expect(signIns.map((e) => e.subjectId)).toContain(String(f.users.admin.id));
    expect(await entries({ from: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
    const bad = await t.gql(ENTRIES, { from: new Date().toISOString(), to: new Date(Date.now() - 60_000).toISOString() }, admin);
    expect(bad.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'to' });

    const page1 = ok(await t.gql(ENTRIES, { first: 2 }, admin)).auditEntries;
    const page2 = ok(await t.gql(ENTRIES, { first: 2, after: page1.pageInfo.endCursor }, admin)).auditEntries;
    expect(page1.nodes).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const ids = [...page1.nodes, ...page2.nodes].map((e: any) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is for administrators only, and their searches are themselves recorded', async () => {
    for (const token of [doctorA, doctorB, specialist]) {
      expect((await t.gql(ENTRIES, {}, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await t.gql(ENTRIES, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const searches = await entries({ act: 'audit.search', a: String(t.fixture.users.admin.id) });
    expect(searches.length).toBeGreaterThan(0);
  });

  it('exports the same filter as CSV over HTTP, for administrators only, with formulas neutralised', async () => {
    const f = t.fixture;
    await t.gql('mutation { signIn(username: "=HYPERLINK(\\"x\\")", password: "wrong-password") { token } }');
    const url = `${base}/audit/export.csv?patientId=${f.patientA.id}`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="audit-/);
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actorId,action,subjectType,subjectId,clientAddress');
    const fromQuery = await entries({ p: String(f.patientA.id) });
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(fromQuery.map((e) => e.id).sort());
    expect(lines.slice(1).every((l) => /,(patient,\d+|consultation_attachment,\d+),/.test(l))).toBe(true);

    const failures = await (await fetch(`${base}/audit/export.csv?action=signIn.failed`, { headers: { authorization: `Bearer ${admin}` } })).text();
    expect(failures).toContain(`"'=hyperlink(""x"")"`);
    expect(failures).not.toMatch(/,=hyperlink/i);

    const refused = await fetch(url, { headers: { authorization: `Bearer ${doctorA}` } });
    expect(refused.status).toBe(403);
    expect((await refused.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await fetch(url)).status).toBe(401);
    const badDate = await fetch(`${base}/audit/export.csv?from=yesterday`, { headers: { authorization: `Bearer ${admin}` } });
    expect(badDate.status).toBe(400);
    expect((await badDate.json()).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'from' });
    expect((await entries({ act: 'audit.export' })).length).toBeGreaterThanOrEqual(1);
  });
});
