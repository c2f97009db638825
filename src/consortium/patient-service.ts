import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { authorize, requireActor, patientHospitals } from '../auth/policy';
import { AuditTrail } from '../audit/service';
import { badInput, notFound } from '../errors';
import { appendEvent } from '../events/event-log';
import { parseId } from '../ids';
import { PageArgs, paginate } from '../graphql/pagination';
import { patientSubjects } from '../consult/patient-access';
import { Hospital, Patient } from './entities';
import { PatientFilter, RegisterPatientInput } from './inputs';
import { hashNationalId, maskNationalId, normalizeNationalId } from './national-id';
import { escapeLike, requireRow } from './service';

/** Patients: registered by the doctors of a hospital, seen only by them, every read audited. */
export class PatientService {
  constructor(private readonly db: DataSource, private readonly audit: AuditTrail, private readonly nationalIdKey: string) {}

  async list(actor: Actor | null, filter: PatientFilter, page: PageArgs) {
    const q = this.db.getRepository(Patient).createQueryBuilder('p').where('p.hospital_id = ANY(:hids)', { hids: patientHospitals(actor) });
    if (filter.nameContains) q.andWhere('p.name ILIKE :name', { name: `%${escapeLike(filter.nameContains)}%` });
    const result = await paginate(q, page);
    await this.audit.record(actor!, 'patient.read', 'patient', result.nodes.map((p) => p.id));
    return result;
  }

  async get(actor: Actor | null, id: string): Promise<Patient> {
    return this.#visible(actor, await this.db.getRepository(Patient).findOneBy({ id: parseId(id, 'id') }), id);
  }

  /** Finds a patient by the full national ID without the hub ever storing it. */
  async findByNationalId(actor: Actor | null, nationalId: string): Promise<Patient | null> {
    requireActor(actor);
    const normalized = normalizeNationalId(nationalId);
    const patient = await this.db.getRepository(Patient).findOneBy({ nationalIdHash: hashNationalId(normalized, this.nationalIdKey) });
    if (!patient) return null;
    return this.#visible(actor, patient, maskNationalId(normalized));
  }

  /** For event payloads and other features: the patient, if this actor may see it (audited). */
  async #visible(actor: Actor | null, patient: Patient | null, ref: string): Promise<Patient> {
    requireActor(actor);
    if (!patient) throw notFound('entity.patient', ref);
    // Who besides the patient's own hospital cares for them (a consultation's specialist, a
    // hospital they were referred to): the policy decides on these facts.
    const subject = (await patientSubjects(this.db, [patient.id])).get(patient.id)!;
    authorize(actor, 'patient.read', subject);
    await this.audit.record(actor!, 'patient.read', 'patient', [patient.id]);
    return patient;
  }

  async register(actor: Actor | null, input: RegisterPatientInput): Promise<Patient> {
    requireActor(actor);
    const hospitalId = input.hospitalId ? parseId(input.hospitalId, 'hospitalId') : actor!.hospitalId;
    const birth = new Date(`${input.birthDate}T00:00:00Z`);
    if (Number.isNaN(birth.getTime()) || birth.toISOString().slice(0, 10) !== input.birthDate) throw badInput('birthDate', 'consortium.birthDateNotReal', { value: input.birthDate });
    if (birth.getTime() > Date.now()) throw badInput('birthDate', 'consortium.birthDateFuture');
    const nationalId = normalizeNationalId(input.nationalId, input.birthDate);
    return this.db.transaction(async (m) => {
      const hospital = await requireRow(m, Hospital, hospitalId, 'hospitalId', 'hospital');
      authorize(actor, 'patient.register', { hospitalId, hospitalName: hospital.name });
      const patient = await m.save(m.create(Patient, {
        name: input.name.trim(), sex: input.sex, birthDate: input.birthDate, hospitalId,
        nationalIdHash: hashNationalId(nationalId, this.nationalIdKey), nationalIdMasked: maskNationalId(nationalId), registeredById: actor!.personId,
      }));
      await this.audit.record(actor!, 'patient.register', 'patient', [patient.id], m);
      // No personal data in the log: subscribers load the patient through the policy.
      await appendEvent(m, 'patient', { action: 'REGISTERED', patientId: patient.id, hospitalId });
      return patient;
    });
  }
}
