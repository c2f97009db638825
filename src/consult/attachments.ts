import { createHash } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { allows, authorize, requireActor } from '../auth/policy';
import { AuditTrail } from '../audit/service';
import { badInput, DomainError, notFound } from '../errors';
import { message } from '../i18n/translate';
import { appendEvent } from '../events/event-log';
import { parseId } from '../ids';
import { AttachmentType, Consultation, ConsultationAttachment } from './entities';
import { consultationEvent } from './events';
import { consultationSubject } from './service';
import { ConsultationState } from './states';

/** The first bytes each accepted type must start with: the declared Content-Type is not trusted. */
const MAGIC: Record<AttachmentType, Buffer> = {
  [AttachmentType.JPEG]: Buffer.from([0xff, 0xd8, 0xff]),
  [AttachmentType.PNG]: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  [AttachmentType.PDF]: Buffer.from('%PDF-', 'latin1'),
};
const EXTENSION: Record<AttachmentType, string> = { [AttachmentType.JPEG]: 'jpg', [AttachmentType.PNG]: 'png', [AttachmentType.PDF]: 'pdf' };

/** 415: the type is not one the hub stores. */
export class UnsupportedMediaType extends DomainError {
  constructor(types: string, declared: string) {
    super('BAD_USER_INPUT', 'consult.fileTypeUnsupported', { types, declared }, 'content-type');
  }
}

/** 413: the file is larger than the configured limit (told before it is read when it says so). */
export class PayloadTooLarge extends DomainError {
  constructor(readonly limit: number) {
    super('BAD_USER_INPUT', 'consult.fileTooLarge', { limit }, 'body');
  }
}

/** The declared type, when it is one the hub stores (checked again against the bytes by sniff). */
export function declaredType(declared: string | undefined): AttachmentType {
  const type = (declared ?? '').split(';')[0].trim().toLowerCase() as AttachmentType;
  if (!Object.values(AttachmentType).includes(type)) {
    throw new UnsupportedMediaType(Object.values(AttachmentType).join(', '), declared ?? '');
  }
  return type;
}

export function sniff(declared: string | undefined, body: Buffer): AttachmentType {
  const type = declaredType(declared);
  if (!body.length) throw badInput('body', 'consult.fileEmpty');
  if (!body.subarray(0, MAGIC[type].length).equals(MAGIC[type])) {
    throw badInput('body', 'consult.fileNotItsType', { type });
  }
  return type;
}

/** A file name people can read (any script, at most 200 characters), with nothing that could act as a path or a header. */
function cleanFileName(raw: string | undefined, type: AttachmentType, n: number): string {
  // Decoded already by the route (file-name.ts); here only made safe: no control characters, quotes or path separators.
  const name = [...(raw ?? '').normalize('NFC').replace(/[\u0000-\u001f\u007f"\\/]/g, '')].slice(0, 200).join('').trim();
  return name || `exam-result-${n}.${EXTENSION[type]}`;
}

export interface StoredFile {
  attachment: ConsultationAttachment;
  content: Buffer;
}

/**
 * Exam results (images, PDFs) of a consultation, stored in PostgreSQL. Reading one is a read
 * of patient data: allowed by 'consultation.clinical' only, and every read is audited.
 */
export class AttachmentService {
  constructor(private readonly db: DataSource, private readonly audit: AuditTrail, readonly maxBytes: number) {}

  /**
   * Everything an upload can be refused for without its bytes: who (401), which consultation
   * and whether it is theirs (404, 403), its state, the declared type (415) and length (413).
   * The HTTP route asks this before reading a byte of the body; upload() asks again, locked.
   */
  async admit(actor: Actor | null, consultationId: string, contentType: string | undefined, declaredLength: number | undefined): Promise<void> {
    const a = requireActor(actor);
    const id = parseId(consultationId, 'id');
    this.mayAttach(a, await this.db.getRepository(Consultation).findOneBy({ id }), consultationId);
    declaredType(contentType);
    if (declaredLength !== undefined && declaredLength > this.maxBytes) throw new PayloadTooLarge(this.maxBytes);
  }

  private mayAttach(a: Actor, c: Consultation | null, consultationId: string): asserts c is Consultation {
    if (!c || !allows(a, 'consultation.read', consultationSubject(c))) throw notFound('entity.consultation', consultationId);
    authorize(a, 'consultation.attach', consultationSubject(c));
    if (c.state === ConsultationState.COMPLETED || c.state === ConsultationState.CANCELLED) {
      throw badInput('id', 'consult.attachClosed', { id: c.id, state: message(`consult.state${c.state}`) });
    }
  }

  async upload(actor: Actor | null, consultationId: string, contentType: string | undefined, fileName: string | undefined, body: Buffer): Promise<ConsultationAttachment> {
    const a = requireActor(actor);
    const id = parseId(consultationId, 'id');
    if (body.length > this.maxBytes) throw new PayloadTooLarge(this.maxBytes);
    return this.db.transaction(async (m) => {
      // Locked so an upload cannot slip in while the consultation is being completed or cancelled.
      const c = await m.findOne(Consultation, { where: { id }, lock: { mode: 'pessimistic_read' } });
      this.mayAttach(a, c, consultationId);
      const type = sniff(contentType, body);
      const [{ n }] = await m.query('SELECT count(*)::int + 1 AS n FROM consultation_attachment WHERE consultation_id = $1', [id]);
      const [row] = await m.query(
        `INSERT INTO consultation_attachment (consultation_id, file_name, content_type, size_bytes, sha256, content, uploaded_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [id, cleanFileName(fileName, type, n), type, body.length, createHash('sha256').update(body).digest('hex'), body, a.personId],
      );
      await this.audit.record(a, 'attachment.upload', 'consultation_attachment', [row.id], m);
      await appendEvent(m, 'consultation', consultationEvent(c, 'ATTACHMENT_ADDED', a.personId, { attachmentId: row.id, queued: c.state === 'REQUESTED', wasQueued: c.state === 'REQUESTED' }));
      return m.findOneByOrFail(ConsultationAttachment, { id: row.id });
    });
  }

  /** The file, if the actor may see the consultation's clinical part; the read is audited. */
  async download(actor: Actor | null, attachmentId: string): Promise<StoredFile> {
    const a = requireActor(actor);
    const id = parseId(attachmentId, 'id');
    const attachment = await this.db.getRepository(ConsultationAttachment).findOneBy({ id });
    const c = attachment && (await this.db.getRepository(Consultation).findOneBy({ id: attachment.consultationId }));
    // Not even its existence is told to someone who may not see the consultation.
    if (!attachment || !c || !allows(a, 'consultation.read', consultationSubject(c))) throw notFound('entity.attachment', attachmentId);
    authorize(a, 'consultation.clinical', consultationSubject(c));
    const [{ content }] = await this.db.query('SELECT content FROM consultation_attachment WHERE id = $1', [id]);
    await this.audit.record(a, 'attachment.read', 'consultation_attachment', [id]);
    return { attachment, content };
  }

  /** Metadata of the consultations' attachments, batched (for the GraphQL field). */
  async metadataOf(consultationIds: readonly number[]): Promise<ConsultationAttachment[][]> {
    const rows = await this.db.getRepository(ConsultationAttachment).find({ where: { consultationId: In([...consultationIds]) }, order: { id: 'ASC' } });
    return consultationIds.map((cid) => rows.filter((r) => r.consultationId === cid));
  }
}
