import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Credential } from '../auth/entities';
import { hashPassword } from '../auth/password';
import { authorize } from '../auth/policy';
import { Role } from '../auth/roles';
import { badInput, notFound } from '../errors';
import { parseId, parseIds } from '../ids';
import { PageArgs, paginate } from '../graphql/pagination';
import { Department, Hospital, Person, PersonSpecialty } from './entities';
import { CreatePersonInput, PersonFilter, UpdatePersonInput } from './inputs';
import { escapeLike, requireRow } from './service';

/** People of the consortium and their roles and specialties; only administrators change them. */
export class PeopleService {
  constructor(private readonly db: DataSource) {}

  async list(actor: Actor | null, filter: PersonFilter, page: PageArgs) {
    authorize(actor, 'directory.read');
    const q = this.db.getRepository(Person).createQueryBuilder('p');
    if (filter.role) q.andWhere(':role = ANY(p.roles)', { role: filter.role });
    if (filter.hospitalId) q.andWhere('p.hospital_id = :hid', { hid: parseId(filter.hospitalId, 'hospitalId') });
    if (filter.specialtyId) {
      q.andWhere('EXISTS (SELECT 1 FROM person_specialty s WHERE s.person_id = p.id AND s.department_id = :did)', { did: parseId(filter.specialtyId, 'specialtyId') });
    }
    if (filter.nameContains) q.andWhere('p.name ILIKE :name', { name: `%${escapeLike(filter.nameContains)}%` });
    return paginate(q, page);
  }

  async get(actor: Actor | null, id: string): Promise<Person> {
    authorize(actor, 'directory.read');
    const row = await this.db.getRepository(Person).findOneBy({ id: parseId(id, 'id') });
    if (!row) throw notFound('entity.person', id);
    return row;
  }

  async create(actor: Actor | null, input: CreatePersonInput): Promise<Person> {
    authorize(actor, 'directory.manage');
    const hospitalId = parseId(input.hospitalId, 'hospitalId');
    const specialtyIds = [...new Set(parseIds(input.specialtyIds, 'specialtyIds'))];
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (m) => {
      await requireRow(m, Hospital, hospitalId, 'hospitalId', 'hospital');
      const person = await m.save(m.create(Person, {
        name: input.name.trim(), username: input.username, roles: [...new Set(input.roles)], title: input.title ?? null, hospitalId,
      }));
      await m.insert(Credential, { personId: person.id, passwordHash });
      await this.#setSpecialties(m, person, specialtyIds);
      return person;
    });
  }

  async update(actor: Actor | null, input: UpdatePersonInput): Promise<Person> {
    const admin = authorize(actor, 'directory.manage');
    const id = parseId(input.id, 'id');
    return this.db.transaction(async (m) => {
      const person = await m.findOne(Person, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!person) throw notFound('entity.person', input.id);
      if (person.id === admin.personId && ((input.roles && !input.roles.includes(Role.ADMIN)) || input.active === false)) {
        throw badInput(input.roles ? 'roles' : 'active', 'consortium.cannotDemoteSelf');
      }
      if (input.hospitalId !== undefined) {
        person.hospitalId = parseId(input.hospitalId, 'hospitalId');
        await requireRow(m, Hospital, person.hospitalId, 'hospitalId', 'hospital');
      }
      if (input.name !== undefined) person.name = input.name.trim();
      if (input.roles !== undefined) person.roles = [...new Set(input.roles)];
      if (input.title !== undefined) person.title = input.title;
      if (input.active !== undefined && input.active !== null) person.active = input.active;
      const saved = await m.save(person);
      if (input.specialtyIds) {
        await m.delete(PersonSpecialty, { personId: id });
        await this.#setSpecialties(m, saved, [...new Set(parseIds(input.specialtyIds, 'specialtyIds'))]);
      }
      return saved;
    });
  }

  async #setSpecialties(m: EntityManager, person: Person, departmentIds: number[]): Promise<void> {
    for (const [i, departmentId] of departmentIds.entries()) await requireRow(m, Department, departmentId, `specialtyIds[${i}]`, 'department');
    if (departmentIds.length && !person.roles.includes(Role.SPECIALIST) && !person.roles.includes(Role.TOWNSHIP_DOCTOR)) {
      throw badInput('specialtyIds', 'consortium.specialtiesForDoctors');
    }
    if (departmentIds.length) await m.insert(PersonSpecialty, departmentIds.map((departmentId) => ({ personId: person.id, departmentId })));
  }
}
