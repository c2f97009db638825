import { startTestHub, TestHub } from '../support/hub';
import { addSpecialists, ok, requestConsultation, tokenFor } from './support';

let t: TestHub;
let doctorA: string;
beforeAll(async () => {
  t = await startTestHub();
  doctorA = await t.signIn('doctor.a');
});
afterAll(async () => { await t.stop(); });

const CLAIM = 'mutation($id: ID!) { claimConsultation(id: $id) { id state specialist { id name } claimedAt } }';

describe('claiming a consultation', () => {
  it('50 specialists claiming one request at once: exactly one wins, 49 get CONFLICT naming the consultation and the winner', async () => {
    const specialists = await addSpecialists(t, 50);
    const id = await requestConsultation(t, doctorA, { urgency: 'EMERGENCY' });
    const tokens = await Promise.all(specialists.map((s) => tokenFor(t, s.id)));

    const results = await Promise.all(tokens.map((token) => t.gql(CLAIM, { id }, token)));

    const winners = results.filter((r) => r.data?.claimConsultation);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    const winner = winners[0].data.claimConsultation;
    expect(winner.state).toBe('CLAIMED');
    for (const r of losers) {
      expect(r.errors![0].extensions?.code).toBe('CONFLICT');
      expect(r.errors![0].message).toContain(`Consultation ${id} cannot be claimed: it is CLAIMED`);
      expect(r.errors![0].message).toContain(`claimed by ${winner.specialist.name} (id ${winner.specialist.id})`);
    }
    // The database agrees, and the log says "claimed" exactly once.
    const [row] = await t.database.db.query('SELECT state, specialist_id, first_claimed_at FROM consultation WHERE id = $1', [Number(id)]);
    expect(row).toMatchObject({ state: 'CLAIMED', specialist_id: Number(winner.specialist.id) });
    expect(row.first_claimed_at).not.toBeNull();
    const events = await t.database.db.query(`SELECT payload->>'action' AS action FROM event WHERE topic = 'consultation' AND (payload->>'consultationId')::int = $1 ORDER BY id`, [Number(id)]);
    expect(events.map((e: any) => e.action)).toEqual(['REQUESTED', 'CLAIMED']);
  });

  it('a scheduler assigning while a specialist claims: one of them wins, the other gets CONFLICT', async () => {
    const [specialist] = await addSpecialists(t, 1, 'CARDIOLOGY', 'race');
    const scheduler = await t.signIn('scheduler');
    const id = await requestConsultation(t, doctorA);
    const [claim, assign] = await Promise.all([
      t.gql(CLAIM, { id }, await tokenFor(t, specialist.id)),
      t.gql('mutation($i: AssignConsultationInput!) { assignConsultation(input: $i) { id state } }', { i: { id, specialistId: String(t.fixture.users.specialist.id) } }, scheduler),
    ]);
    const outcomes = [claim, assign].map((r) => (r.errors ? r.errors[0].extensions?.code : 'ok')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'ok']);
    const [row] = await t.database.db.query('SELECT state FROM consultation WHERE id = $1', [Number(id)]);
    expect(row.state).toBe('CLAIMED');
  });

  it('only specialists of the requested specialty in the consortium can claim', async () => {
    const id = await requestConsultation(t, doctorA);
    const [neurologist] = await addSpecialists(t, 1, 'NEUROLOGY', 'neuro');
    // Another specialty's specialist does not even learn that the request exists.
    const refused = await t.gql(CLAIM, { id }, await tokenFor(t, neurologist.id));
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // The requesting doctor sees it but cannot claim it.
    const byDoctor = await t.gql(CLAIM, { id }, doctorA);
    expect(byDoctor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(byDoctor.errors?.[0].message).toMatch(/Only specialists of this specialty/);
    // Nothing changed.
    const [row] = await t.database.db.query('SELECT state, specialist_id FROM consultation WHERE id = $1', [Number(id)]);
    expect(row).toEqual({ state: 'REQUESTED', specialist_id: null });
    ok(await t.gql(CLAIM, { id }, await t.signIn('specialist')));
  });
});
