import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditTrail } from '../audit/service';
import { AttachmentService } from './attachments';
import { ConsultationAttachment, ConsultationOpinion } from './entities';
import { visiblePatientLoader } from './patient-access';

const options = { cache: false };

/** Batching for consultation fields; the policy checks stay in the resolvers and services. */
export function createConsultLoaders(db: DataSource, services: { audit: AuditTrail; attachments: AttachmentService }, actor: Actor | null) {
  return {
    /** Patients reached through a consultation or referral: policy-checked and audited per batch. */
    visiblePatient: visiblePatientLoader(db, services.audit, actor),
    opinionOfConsultation: new DataLoader<number, ConsultationOpinion | null>(async (ids) => {
      const rows = await db.getRepository(ConsultationOpinion).findBy({ consultationId: In([...ids]) });
      const map = new Map(rows.map((r) => [r.consultationId, r]));
      return ids.map((id) => map.get(id) ?? null);
    }, options),
    attachmentsOfConsultation: new DataLoader<number, ConsultationAttachment[]>((ids) => services.attachments.metadataOf(ids), options),
  };
}

export type ConsultLoaders = ReturnType<typeof createConsultLoaders>;
