import { Credential } from '../../src/auth/entities';
import { hashPassword } from '../../src/auth/password';
import { Role, Title } from '../../src/auth/roles';
import { SessionStore } from '../../src/auth/sessions';
import { TokenSigner } from '../../src/auth/tokens';
import { Department, Person, PersonSpecialty } from '../../src/consortium/entities';
import { PASSWORD } from '../support/fixture';
import { GqlResult, TestHub } from '../support/hub';

/** The data of a GraphQL answer, or a failure that shows the errors. */
export function ok<T = any>(r: GqlResult<T>): T {
  if (r.errors?.length || !r.data) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.data;
}

/** The first error's code, message and field (for asserting refusals). */
export const refusal = (r: GqlResult<unknown>) => ({ code: r.errors?.[0]?.extensions?.code, message: r.errors?.[0]?.message ?? '', field: r.errors?.[0]?.extensions?.field });

/** More specialists of a specialty at the fixture's tertiary hospital (who can sign in with PASSWORD). */
export async function addSpecialists(t: TestHub, count: number, code = 'CARDIOLOGY', prefix = 'cardio'): Promise<Person[]> {
  const db = t.database.db;
  const department = await db.getRepository(Department).findOneByOrFail({ code });
  const hash = await hashPassword(PASSWORD);
  const people: Person[] = [];
  for (let i = 1; i <= count; i++) {
    const p = await db.getRepository(Person).save({ name: `${prefix}专家${i}`, username: `${prefix}.${i}`, roles: [Role.SPECIALIST], title: Title.ATTENDING, hospitalId: t.fixture.tertiary.id });
    await db.getRepository(Credential).insert({ personId: p.id, passwordHash: hash });
    await db.getRepository(PersonSpecialty).insert({ personId: p.id, departmentId: department.id });
    people.push(p);
  }
  return people;
}

/** A token exactly like signIn's, without paying for a password hash per person. */
export async function tokenFor(t: TestHub, personId: number): Promise<string> {
  const session = await new SessionStore(t.database.db).open(personId, 3600, {});
  return new TokenSigner(t.config.jwtSecret).issue(personId, session.id, session.expiresAt);
}

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
