import { startTestHub, TestHub } from '../support/hub';
import { addSpecialists, ok, refusal, requestConsultation, tokenFor } from './support';

/** The pre-claim read: a queue's specialists see what a request is about (never who), each read audited. */
let t: TestHub;
beforeAll(async () => { t = await startTestHub(); }, 60_000);
afterAll(async () => { await t.stop(); });

const PREVIEW = 'query($id: ID!) { consultationPreview(id: $id) { consultationId question clinicalSummary patientSex patientAgeYears attachmentCount requestingHospital { name } } }';

describe('consultation preview before claiming', () => {
  it('shows the question, summary, age, sex and hospital to the specialists of the queue, audited; not to others; not after someone claimed it', async () => {
    const doctorA = await tokenFor(t, t.fixture.users.doctorA.id);
    const id = await requestConsultation(t, doctorA, { question: '是否需要上转？' });
    const specialist = await tokenFor(t, t.fixture.users.specialist.id);
    const preview = ok(await t.gql(PREVIEW, { id }, specialist)).consultationPreview;
    const born = new Date(t.fixture.patientA.birthDate);
    const now = new Date();
    const age = now.getFullYear() - born.getFullYear() - (now < new Date(now.getFullYear(), born.getMonth(), born.getDate()) ? 1 : 0);
    expect(preview).toEqual({
      consultationId: id, question: '是否需要上转？', clinicalSummary: expect.stringContaining('反复胸闷'), patientSex: 'FEMALE',
      patientAgeYears: age, attachmentCount: 0, requestingHospital: { name: '甲镇卫生院' },
    });
    // Nothing in the preview's type can carry the name or the ID number.
    expect(refusal(await t.gql('query($id: ID!) { consultationPreview(id: $id) { patientName } }', { id }, specialist)).code).toBe('GRAPHQL_VALIDATION_FAILED');
    const audited = await t.database.db.query("SELECT actor_id, subject_type, subject_id FROM audit_entry WHERE action = 'consultation.preview'");
    expect(audited).toEqual([{ actor_id: t.fixture.users.specialist.id, subject_type: 'patient', subject_id: String(t.fixture.patientA.id) }]);

    // A township doctor of another hospital: as if it did not exist.
    expect(refusal(await t.gql(PREVIEW, { id }, await tokenFor(t, t.fixture.users.doctorB.id))).code).toBe('NOT_FOUND');
    // A scheduler sees the queue but not the clinical question.
    expect(refusal(await t.gql(PREVIEW, { id }, await tokenFor(t, t.fixture.users.scheduler.id))).code).toBe('FORBIDDEN');

    const [other] = await addSpecialists(t, 1);
    ok(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { state } }', { id }, specialist));
    expect(refusal(await t.gql(PREVIEW, { id }, await tokenFor(t, other.id))).code).toBe('NOT_FOUND');
    expect(ok(await t.gql(PREVIEW, { id }, specialist)).consultationPreview.question).toBe('是否需要上转？');
  });
});
