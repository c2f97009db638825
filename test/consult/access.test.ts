import { startTestHub, TestHub } from '../support/hub';
import { ok, requestConsultation } from './support';

/**
 * Who sees which consultation, its clinical part and its exam results; every read of an
 * attachment (and of the patient through a consultation) lands in the audit trail.
 */
let t: TestHub;
let base: string;
let doctorA: string;
let doctorB: string;
let specialist: string;
let scheduler: string;
let consultation: string;
let attachmentId: string;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake image body for the test '.repeat(10))]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  t = await startTestHub({ ATTACHMENT_MAX_BYTES: '4096' });
  base = t.hub.url.replace(/\/graphql$/, '');
  [doctorA, doctorB, specialist, scheduler] = await Promise.all(['doctor.a', 'doctor.b', 'specialist', 'scheduler'].map((u) => t.signIn(u)));
  consultation = await requestConsultation(t, doctorA, { urgency: 'URGENT' });
});
afterAll(async () => { await t.stop(); });

const upload = (id: string, body: Buffer, type: string, token?: string, name?: string) => fetch(`${base}/attachments/consultations/${id}`, {
  method: 'POST', body: new Uint8Array(body), headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}), ...(name ? { 'x-file-name': encodeURIComponent(name) } : {}) },
});
const download = (id: string, token?: string) => fetch(`${base}/attachments/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const attachmentReads = async () => (await t.database.db.query(
  `SELECT actor_id, subject_id FROM audit_entry WHERE action = 'attachment.read' ORDER BY id`)).map((r: any) => [r.actor_id, r.subject_id]);
const CONSULTATION = `query($id: ID!) { consultation(id: $id) { id state clinicalSummary question patient { name } attachments { id fileName contentType sizeBytes sha256 downloadPath } } }`;

describe('exam result attachments', () => {
  it('a doctor of the requesting hospital uploads images and PDFs; type and size are checked against the bytes', async () => {
    const res = await upload(consultation, PNG, 'image/png', doctorA, '心电图 2026-11-20.png');
    expect(res.status).toBe(201);
    const meta = await res.json();
    expect(meta).toMatchObject({ consultationId: consultation, fileName: '心电图 2026-11-20.png', contentType: 'image/png', sizeBytes: PNG.length });
    attachmentId = meta.id;
    expect((await upload(consultation, PDF, 'application/pdf', doctorA)).status).toBe(201);

    const wrongType = await upload(consultation, Buffer.from('hello'), 'text/plain', doctorA);
    expect(wrongType.status).toBe(415);
    const disguised = await upload(consultation, PDF, 'image/png', doctorA);
    expect(disguised.status).toBe(400);
    expect((await disguised.json()).errors[0].message).toMatch(/not image\/png/);
    const tooBig = await upload(consultation, Buffer.concat([PNG, Buffer.alloc(5000)]), 'image/png', doctorA);
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).errors[0].message).toMatch(/4096 bytes/);
    expect((await upload(consultation, PNG, 'image/png')).status).toBe(401);
    expect((await upload(consultation, PNG, 'image/png', doctorB)).status).toBe(404);
    expect((await upload(consultation, PNG, 'image/png', specialist)).status).toBe(403);

    const listed = ok(await t.gql(CONSULTATION, { id: consultation }, doctorA)).consultation.attachments;
    expect(listed.map((a: any) => a.contentType)).toEqual(['image/png', 'application/pdf']);
    expect(listed[0].downloadPath).toBe(`/attachments/${attachmentId}`);
    const [{ n }] = await t.database.db.query('SELECT count(*)::int AS n FROM consultation_attachment');
    expect(n).toBe(2); // the refused uploads stored nothing
  });

  it("a township doctor of hospital B sees neither A's consultation nor its attachments", async () => {
    const r = await t.gql(CONSULTATION, { id: consultation }, doctorB);
    expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const list = ok(await t.gql('{ consultations { nodes { id } totalCount } }', {}, doctorB)).consultations;
    expect(list.nodes).toEqual([]);
    expect(list.totalCount).toBe(0);
    const res = await download(attachmentId, doctorB);
    expect(res.status).toBe(404);
    expect((await res.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('a specialist sees the request in the queue but its clinical part and attachments only once it is theirs', async () => {
    const before = ok(await t.gql(CONSULTATION, { id: consultation }, specialist)).consultation;
    expect(before).toMatchObject({ state: 'REQUESTED', clinicalSummary: null, question: null, patient: null, attachments: null });
    const refused = await download(attachmentId, specialist);
    expect(refused.status).toBe(403);
    expect((await refused.json()).errors[0].message).toMatch(/specialist who took it/);
    const patientBefore = await t.gql('query($id: ID!) { patient(id: $id) { name } }', { id: t.fixture.patientA.id }, specialist);
    expect(patientBefore.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    ok(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { state } }', { id: consultation }, specialist));
    const after = ok(await t.gql(CONSULTATION, { id: consultation }, specialist)).consultation;
    expect(after.clinicalSummary).toMatch(/胸闷/);
    expect(after.patient.name).toBe('患者甲');
    expect(after.attachments).toHaveLength(2);
    const res = await download(attachmentId, specialist);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('心电图 2026-11-20.png'));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    // The policy now lets the specialist read the patient directly too (audited like any read).
    expect(ok(await t.gql('query($id: ID!) { patient(id: $id) { name } }', { id: t.fixture.patientA.id }, specialist)).patient.name).toBe('患者甲');
  });

  it("schedulers run the queue without seeing patients or exam results", async () => {
    const seen = ok(await t.gql(CONSULTATION, { id: consultation }, scheduler)).consultation;
    expect(seen).toMatchObject({ id: consultation, clinicalSummary: null, patient: null, attachments: null });
    expect((await download(attachmentId, scheduler)).status).toBe(403);
    expect((await download(attachmentId)).status).toBe(401);
  });

  it('every attachment read is in the audit trail (who, when, what); refused reads read nothing', async () => {
    expect((await download(attachmentId, doctorA)).status).toBe(200);
    const reads = await attachmentReads();
    expect(reads).toEqual([[t.fixture.users.specialist.id, attachmentId], [t.fixture.users.doctorA.id, attachmentId]]);
    const [entry] = await t.database.db.query(`SELECT at FROM audit_entry WHERE action = 'attachment.read' ORDER BY id DESC LIMIT 1`);
    expect(Date.now() - new Date(entry.at).getTime()).toBeLessThan(10_000);
    const uploads = await t.database.db.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'attachment.upload'`);
    expect(uploads[0].n).toBe(2);
    // Reading the patient through the consultation is audited as a patient read.
    const patientReads = await t.database.db.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'patient.read' AND actor_id = $1 AND subject_id = $2`,
      [t.fixture.users.specialist.id, String(t.fixture.patientA.id)]);
    expect(patientReads[0].n).toBe(2);
  });

  it('after a hand-back the specialist loses the clinical part again', async () => {
    ok(await t.gql('mutation($i: ConsultationReasonInput!) { handBackConsultation(input: $i) { state } }', { i: { id: consultation, reason: '非本专业问题' } }, specialist));
    expect((await download(attachmentId, specialist)).status).toBe(403);
    const seen = ok(await t.gql(CONSULTATION, { id: consultation }, specialist)).consultation;
    expect(seen).toMatchObject({ state: 'REQUESTED', patient: null, attachments: null });
  });
});
