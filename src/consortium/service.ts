import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { badInput, notFound } from '../errors';
import { entity as names } from '../i18n/messages/common';
import { message } from '../i18n/translate';
import { appendEvent } from '../events/event-log';
import { parseId, parseIds } from '../ids';
import { PageArgs, paginate, paginateRows } from '../graphql/pagination';
import { Consortium, ConsortiumMembership, Department, Grid, Hospital } from './entities';
import { consortiumSnapshot, hospitalSnapshot } from './events';
import { asType, HOSPITAL_COLUMNS } from './loaders';
import {
  CreateConsortiumInput, CreateDepartmentInput, CreateGridInput, CreateHospitalInput, HospitalFilter, MembershipInput,
  UpdateConsortiumInput, UpdateHospitalInput,
} from './inputs';

/** Throws BAD_USER_INPUT naming `field` when the referenced row does not exist. */
export async function requireRow<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, id: number, field: string, what: keyof typeof names): Promise<T> {
  const row = await manager.findOneBy(entity, { id } as any);
  if (!row) throw badInput(field, 'consortium.missingRow', { field, what: message(`entity.${what}`), id });
  return row;
}

/** The consortium directory: consortia, hospitals and their memberships, grids, departments. */
export class DirectoryService {
  constructor(private readonly db: DataSource) {}

  async listHospitals(actor: Actor | null, filter: HospitalFilter, page: PageArgs) {
    authorize(actor, 'directory.read');
    // NOTE: plain rows, not entities: the first level of the directory read (bench/read/run.ts).
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (filter.tier) where.push(`h.tier = ${param(filter.tier)}`);
    if (filter.county) where.push(`h.county = ${param(filter.county)}`);
    if (filter.gridId) where.push(`h.grid_id = ${param(parseId(filter.gridId, 'gridId'))}`);
    if (filter.nameContains) where.push(`h.name ILIKE ${param(`%${escapeLike(filter.nameContains)}%`)}`);
    if (filter.consortiumId) {
      where.push(`EXISTS (SELECT 1 FROM consortium_membership m WHERE m.hospital_id = h.id AND m.consortium_id = ${param(parseId(filter.consortiumId, 'consortiumId'))})`);
    }
    return paginateRows(this.db, { select: HOSPITAL_COLUMNS, from: 'hospital h', alias: 'h', where, params }, page, (row) => asType(Hospital, row));
  }

  async hospital(actor: Actor | null, id: string): Promise<Hospital> {
    authorize(actor, 'directory.read');
    const row = await this.db.getRepository(Hospital).findOneBy({ id: parseId(id, 'id') });
    if (!row) throw notFound('entity.hospital', id);
    return row;
  }

  async createHospital(actor: Actor | null, input: CreateHospitalInput): Promise<Hospital> {
    authorize(actor, 'directory.manage');
    const consortiumIds = [...new Set(parseIds(input.consortiumIds, 'consortiumIds'))];
    return this.db.transaction(async (m) => {
      const gridId = input.gridId ? parseId(input.gridId, 'gridId') : null;
      if (gridId) await requireRow(m, Grid, gridId, 'gridId', 'grid');
      for (const [i, cid] of consortiumIds.entries()) await requireRow(m, Consortium, cid, `consortiumIds[${i}]`, 'consortium');
      const hospital = await m.save(m.create(Hospital, {
        name: input.name.trim(), tier: input.tier, county: input.county.trim(), latitude: input.latitude, longitude: input.longitude, gridId,
      }));
      if (consortiumIds.length) await m.insert(ConsortiumMembership, consortiumIds.map((consortiumId) => ({ consortiumId, hospitalId: hospital.id })));
      await appendEvent(m, 'hospital', { action: 'CREATED', hospital: hospitalSnapshot(hospital) });
      return hospital;
    });
  }

  async updateHospital(actor: Actor | null, input: UpdateHospitalInput): Promise<Hospital> {
    authorize(actor, 'directory.manage');
    const id = parseId(input.id, 'id');
    return this.db.transaction(async (m) => {
      const hospital = await m.findOne(Hospital, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!hospital) throw notFound('entity.hospital', input.id);
      if (input.gridId !== undefined) {
        hospital.gridId = input.gridId ? parseId(input.gridId, 'gridId') : null;
        if (hospital.gridId) await requireRow(m, Grid, hospital.gridId, 'gridId', 'grid');
      }
      if (input.name !== undefined) hospital.name = input.name.trim();
      if (input.tier !== undefined) hospital.tier = input.tier;
      if (input.county !== undefined) hospital.county = input.county.trim();
      if (input.latitude !== undefined) hospital.latitude = input.latitude;
      if (input.longitude !== undefined) hospital.longitude = input.longitude;
      const saved = await m.save(hospital);
      await appendEvent(m, 'hospital', { action: 'UPDATED', hospital: hospitalSnapshot(saved) });
      return saved;
    });
  }

  async listConsortia(actor: Actor | null, page: PageArgs) {
    authorize(actor, 'directory.read');
    return paginate(this.db.getRepository(Consortium).createQueryBuilder('c'), page);
  }

  async consortium(actor: Actor | null, id: string): Promise<Consortium> {
    authorize(actor, 'directory.read');
    const row = await this.db.getRepository(Consortium).findOneBy({ id: parseId(id, 'id') });
    if (!row) throw notFound('entity.consortium', id);
    return row;
  }

  async createConsortium(actor: Actor | null, input: CreateConsortiumInput): Promise<Consortium> {
    authorize(actor, 'directory.manage');
    return this.db.transaction(async (m) => {
      const leadHospitalId = input.leadHospitalId ? parseId(input.leadHospitalId, 'leadHospitalId') : null;
      if (leadHospitalId) await requireRow(m, Hospital, leadHospitalId, 'leadHospitalId', 'hospital');
      const consortium = await m.save(m.create(Consortium, { name: input.name.trim(), kind: input.kind, region: input.region.trim(), leadHospitalId }));
      // The lead hospital is a member by definition.
      if (leadHospitalId) await m.insert(ConsortiumMembership, { consortiumId: consortium.id, hospitalId: leadHospitalId });
      await appendEvent(m, 'consortium', { action: 'CREATED', consortium: consortiumSnapshot(consortium) });
      return consortium;
    });
  }

  async updateConsortium(actor: Actor | null, input: UpdateConsortiumInput): Promise<Consortium> {
    authorize(actor, 'directory.manage');
    const id = parseId(input.id, 'id');
    return this.db.transaction(async (m) => {
      const consortium = await m.findOne(Consortium, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!consortium) throw notFound('entity.consortium', input.id);
      if (input.leadHospitalId !== undefined) {
        const lead = input.leadHospitalId ? parseId(input.leadHospitalId, 'leadHospitalId') : null;
        if (lead) {
          await requireRow(m, Hospital, lead, 'leadHospitalId', 'hospital');
          await m.createQueryBuilder().insert().into(ConsortiumMembership).values({ consortiumId: id, hospitalId: lead }).orIgnore().execute();
        }
        consortium.leadHospitalId = lead;
      }
      if (input.name !== undefined) consortium.name = input.name.trim();
      if (input.kind !== undefined) consortium.kind = input.kind;
      if (input.region !== undefined) consortium.region = input.region.trim();
      const saved = await m.save(consortium);
      await appendEvent(m, 'consortium', { action: 'UPDATED', consortium: consortiumSnapshot(saved) });
      return saved;
    });
  }

  async setMembership(actor: Actor | null, input: MembershipInput, member: boolean): Promise<Consortium> {
    authorize(actor, 'directory.manage');
    const consortiumId = parseId(input.consortiumId, 'consortiumId');
    const hospitalId = parseId(input.hospitalId, 'hospitalId');
    return this.db.transaction(async (m) => {
      const consortium = await requireRow(m, Consortium, consortiumId, 'consortiumId', 'consortium');
      await requireRow(m, Hospital, hospitalId, 'hospitalId', 'hospital');
      if (member) {
        await m.createQueryBuilder().insert().into(ConsortiumMembership).values({ consortiumId, hospitalId }).orIgnore().execute();
      } else {
        if (consortium.leadHospitalId === hospitalId) throw badInput('hospitalId', 'consortium.leadCannotLeave');
        await m.delete(ConsortiumMembership, { consortiumId, hospitalId });
      }
      await appendEvent(m, 'consortium', { action: member ? 'HOSPITAL_JOINED' : 'HOSPITAL_LEFT', consortium: consortiumSnapshot(consortium), hospitalId });
      return consortium;
    });
  }

  async listGrids(actor: Actor | null, page: PageArgs) {
    authorize(actor, 'directory.read');
    return paginate(this.db.getRepository(Grid).createQueryBuilder('g'), page);
  }

  async createGrid(actor: Actor | null, input: CreateGridInput): Promise<Grid> {
    authorize(actor, 'directory.manage');
    const responsibleConsortiumId = parseId(input.responsibleConsortiumId, 'responsibleConsortiumId');
    return this.db.transaction(async (m) => {
      await requireRow(m, Consortium, responsibleConsortiumId, 'responsibleConsortiumId', 'consortium');
      return m.save(m.create(Grid, { name: input.name.trim(), responsibleConsortiumId }));
    });
  }

  async listDepartments(actor: Actor | null): Promise<Department[]> {
    authorize(actor, 'directory.read');
    return this.db.getRepository(Department).find({ order: { id: 'ASC' } });
  }

  async createDepartment(actor: Actor | null, input: CreateDepartmentInput): Promise<Department> {
    authorize(actor, 'directory.manage');
    return this.db.getRepository(Department).save({ code: input.code, nameZh: input.nameZh.trim(), nameEn: input.nameEn.trim() });
  }
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
