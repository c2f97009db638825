import { Role, Title } from '../../src/auth/roles';
import { issueToken } from '../../src/auth/tokens';
import { Department, Person } from '../../src/consortium/entities';
import { addPerson, passwordHash } from '../support/people';
import { TestHub } from '../support/hub';

import { ok } from '../support/graphql';

export { ok, refusal } from '../support/graphql';

/** More specialists of a specialty at the fixture's tertiary hospital (who can sign in with PASSWORD). */
export async function addSpecialists(t: TestHub, count: number, code = 'CARDIOLOGY', prefix = 'cardio'): Promise<Person[]> {
  const db = t.database.db;
  const department = await db.getRepository(Department).findOneByOrFail({ code });
  const hash = await passwordHash();
  const people: Person[] = [];
  for (let i = 1; i <= count; i++) {
    people.push(await addPerson(db.manager, { name: `${prefix}专家${i}`, username: `${prefix}.${i}`, roles: [Role.SPECIALIST], title: Title.ATTENDING, hospitalId: t.fixture.tertiary.id, specialtyIds: [department.id] }, hash));
  }
  return people;
}

/** A token exactly like signIn's, without paying for a password hash per person. */
export const tokenFor = (t: TestHub, personId: number) => issueToken(personId, t.config.jwtSecret, 3600).token;

export const REQUEST = `mutation($i: RequestConsultationInput!) { requestConsultation(input: $i) { id state urgency requestedAt } }`;

export async function requestConsultation(t: TestHub, token: string, input: Partial<Record<string, unknown>> = {}): Promise<string> {
  const r = await t.gql(REQUEST, {
    i: {
      patientId: String(t.fixture.patientA.id), specialtyId: String(t.fixture.cardiology.id), urgency: 'ROUTINE',
      clinicalSummary: '男，68岁，反复胸闷3天，活动后加重，心电图V1-V4 ST段压低0.1mV。', question: '是否考虑不稳定型心绞痛？是否需要上转？', ...input,
    },
  }, token);
  return ok(r).requestConsultation.id;
}

/** Test-only: pretend a request has been waiting `seconds` already. */
export async function setWaiting(t: TestHub, id: string, seconds: number): Promise<void> {
  await t.database.db.query(`UPDATE consultation SET requested_at = now() - make_interval(secs => $2) WHERE id = $1`, [Number(id), seconds]);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
