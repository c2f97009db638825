import { ok, requestConsultation } from '../consult/support';
import { TestHub } from '../support/hub';

/** A consultation of township doctor A, claimed by the fixture's specialist, its video session running. */
export async function consultationInSession(t: TestHub, tokens: { doctorA: string; specialist: string }): Promise<string> {
  const id = await requestConsultation(t, tokens.doctorA, { urgency: 'URGENT' });
  ok(await t.gql('mutation($id: ID!) { claimConsultation(id: $id) { state } }', { id }, tokens.specialist));
  ok(await t.gql('mutation($id: ID!) { startConsultationSession(id: $id) { state } }', { id }, tokens.specialist));
  return id;
}

export async function endSession(t: TestHub, id: string, specialistToken: string): Promise<void> {
  ok(await t.gql('mutation($id: ID!) { endConsultationSession(id: $id) { state } }', { id }, specialistToken));
}
