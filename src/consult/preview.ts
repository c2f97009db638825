import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { allows, authorize } from '../auth/policy';
import type { AuditTrail } from '../audit/service';
import { Hospital } from '../consortium/entities';
import { Sex } from '../consortium/kinds';
import { notFound } from '../errors';
import { parseId } from '../ids';
import type { HubContext } from '../graphql/context';
import { Consultation } from './entities';
import { consultationSubject } from './service';
import { ConsultationState } from './states';

@ObjectType({ description: 'What a queued request is about, for its specialists before they claim it: no name, no ID number. Every read is audited' })
export class ConsultationPreview {
  @Field(() => ID) consultationId: string;
  @Field() question: string;
  @Field() clinicalSummary: string;
  @Field(() => Sex) patientSex: Sex;
  @Field(() => Int, { description: 'Whole years today' }) patientAgeYears: number;
  @Field(() => Hospital) requestingHospital: Hospital;
  @Field(() => Int, { description: 'Exam results attached (viewable once claimed)' }) attachmentCount: number;
}

const ageOn = (birthDate: string, today = new Date()) => {
  const [y, m, d] = birthDate.split('-').map(Number);
  const birthdayPassed = today.getMonth() + 1 > m || (today.getMonth() + 1 === m && today.getDate() >= d);
  return today.getFullYear() - y - (birthdayPassed ? 0 : 1);
};

/** The pre-claim read of a request: the policy's 'consultation.preview', audited per read. */
export class ConsultationPreviews {
  constructor(private readonly db: DataSource, private readonly audit: AuditTrail) {}

  async preview(actor: Actor | null, rawId: string): Promise<ConsultationPreview> {
    const id = parseId(rawId, 'id');
    const c = await this.db.getRepository(Consultation).findOne({ where: { id }, relations: { patient: true, requestingHospital: true } });
    // Not visible and not existing look the same.
    if (!c || !allows(actor, 'consultation.read', consultationSubject(c))) throw notFound('entity.consultation', rawId);
    const a = authorize(actor, 'consultation.preview', consultationSubject(c));
    // A queue's specialists read it while it waits; the one who took it reads the full record instead.
    if (c.specialistId !== a.personId && c.state !== ConsultationState.REQUESTED) throw notFound('entity.queuedConsultation', rawId);
    const [{ n }] = await this.db.query('SELECT count(*)::int AS n FROM consultation_attachment WHERE consultation_id = $1', [id]);
    await this.audit.record(a, 'consultation.preview', 'patient', [c.patientId]);
    return Object.assign(new ConsultationPreview(), {
      consultationId: String(c.id), question: c.question, clinicalSummary: c.clinicalSummary, patientSex: c.patient!.sex,
      patientAgeYears: ageOn(c.patient!.birthDate), requestingHospital: c.requestingHospital!, attachmentCount: n,
    });
  }
}

@Resolver()
export class ConsultationPreviewResolver {
  @Query(() => ConsultationPreview, { description: "Specialists of a request's queue, before claiming: question, summary, the patient's age and sex, the requesting hospital (audited)" })
  consultationPreview(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return ctx.services.consultationPreviews.preview(ctx.actor, id);
  }
}
