import { EntityManager } from 'typeorm';
import { Credential } from '../../src/auth/entities';
import { hashPassword } from '../../src/auth/password';
import { Role, Title } from '../../src/auth/roles';
import { Person, PersonSpecialty } from '../../src/consortium/entities';
import { PASSWORD } from './password';

/** A password hash to share between many people: hashing is deliberately slow. */
export const passwordHash = () => hashPassword(PASSWORD);

/** A person who can sign in with PASSWORD, with their specialties. */
export async function addPerson(
  m: EntityManager,
  p: { username: string; name?: string; roles: Role[]; hospitalId: number; title?: Title | null; specialtyIds?: number[] },
  hash: string | Promise<string> = passwordHash(),
): Promise<Person> {
  const person = await m.save(m.create(Person, { name: p.name ?? `用户${p.username}`, username: p.username, roles: p.roles, hospitalId: p.hospitalId, title: p.title ?? null }));
  await m.insert(Credential, { personId: person.id, passwordHash: await hash });
  for (const departmentId of p.specialtyIds ?? []) await m.insert(PersonSpecialty, { personId: person.id, departmentId });
  return person;
}
