/** What the rotation rules need to know about hospitals and people, read in the caller's transaction. */
import { EntityManager } from 'typeorm';
import { Role } from '../auth/roles';
import { Hospital, Person } from '../consortium/entities';
import { HospitalTier } from '../consortium/kinds';
import { badInput } from '../errors';
import { message } from '../i18n/translate';

export async function consortiaOfHospital(m: EntityManager, hospitalId: number): Promise<number[]> {
  const rows: { consortium_id: number }[] = await m.query('SELECT consortium_id FROM consortium_membership WHERE hospital_id = $1 ORDER BY consortium_id', [hospitalId]);
  return rows.map((r) => r.consortium_id);
}

export async function isMember(m: EntityManager, consortiumId: number, hospitalId: number): Promise<boolean> {
  const rows = await m.query('SELECT 1 FROM consortium_membership WHERE consortium_id = $1 AND hospital_id = $2', [consortiumId, hospitalId]);
  return rows.length > 0;
}

/** A specialist who can be sent out: an active person with the SPECIALIST role. */
export async function requireSpecialist(m: EntityManager, id: number, field: string): Promise<Person> {
  const person = await m.findOneBy(Person, { id });
  if (!person) throw badInput(field, 'roster.personMissing', { field, id });
  if (!person.roles.includes(Role.SPECIALIST)) throw badInput(field, 'roster.notASpecialist', { field, name: person.name });
  if (!person.active) throw badInput(field, 'roster.accountDeactivated', { field, name: person.name });
  return person;
}

/** Hospitals that receive visiting experts. */
export const HOST_TIERS: readonly HospitalTier[] = [HospitalTier.TOWNSHIP, HospitalTier.COMMUNITY, HospitalTier.SECONDARY];

export async function requireHost(m: EntityManager, id: number, field: string): Promise<Hospital> {
  const hospital = await m.findOneBy(Hospital, { id });
  if (!hospital) throw badInput(field, 'roster.hospitalMissing', { field, id });
  if (!HOST_TIERS.includes(hospital.tier)) {
    throw badInput(field, 'roster.notAHost', { field, name: hospital.name, tier: message(`roster.tier${hospital.tier}`) });
  }
  return hospital;
}
