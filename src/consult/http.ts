import { NextFunction, Request, Response, Router } from 'express';
import type { Actor } from '../auth/actor';
import { bearerToken as bearer } from '../auth/tokens';
import { DomainError, ErrorCode, unauthenticated } from '../errors';
import type { Logger } from '../graphql/logger';
import { AttachmentService, PayloadTooLarge, UnsupportedMediaType } from './attachments';
import { contentDisposition, uploadFileName } from './file-name';
import { currentLanguage } from '../i18n/language';
import { translate } from '../i18n/translate';

const STATUS: Record<ErrorCode, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

export interface AttachmentRouteOptions {
  attachments: AttachmentService;
  actorFrom(token: string | undefined): Promise<Actor | null>;
  log: Logger;
}

/**
 * Exam results travel as raw bytes over plain HTTP (GraphQL is the wrong carrier for files):
 *   POST /attachments/consultations/:id   body = the file, Content-Type image/jpeg | image/png | application/pdf,
 *                                          file name: see file-name.ts (filename*=, X-File-Name) -> 201 JSON metadata
 *   GET  /attachments/:id                  -> the file (policy-checked, audited)
 * Both take "Authorization: Bearer <token>"; errors are JSON shaped like GraphQL's.
 */
export function attachmentRoutes({ attachments, actorFrom, log }: AttachmentRouteOptions): Router {
  const router = Router();
  const actor = async (req: Request) => {
    const token = bearer(req.headers.authorization);
    if (!token) throw unauthenticated();
    return actorFrom(token);
  };

  router.post(
    '/attachments/consultations/:id',
    // Who is uploading, to which consultation, whether they may, and the declared type and length
    // are all settled before a byte of the body is read: a refused upload costs no memory, and the
    // client hears 401/403/404/413/415 while it is still sending.
    async (req: Request, res: Response, next: NextFunction) => {
      const length = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
      res.locals.actor = await actor(req);
      await attachments.admit(res.locals.actor as Actor | null, String(req.params.id), req.headers['content-type'], length);
      if (req.headers.expect?.toLowerCase() === '100-continue') res.writeContinue();
      req.body = await readBodyUpTo(req, attachments.maxBytes);
      next();
    },
    async (req: Request, res: Response) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const fileName = uploadFileName(req.headers, req.query as Record<string, unknown>);
      const a = await attachments.upload(res.locals.actor as Actor | null, String(req.params.id), req.headers['content-type'], fileName, body);
      res.status(201).json({
        id: String(a.id), consultationId: String(a.consultationId), fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes,
        sha256: a.sha256, uploadedAt: a.uploadedAt, downloadPath: `/attachments/${a.id}`,
      });
    },
  );

  router.get('/attachments/:id', async (req: Request, res: Response) => {
    const { attachment, content } = await attachments.download(await actor(req), String(req.params.id));
    res.status(200).set({
      'Content-Type': attachment.contentType,
      'Content-Length': String(content.length),
      'Content-Disposition': contentDisposition(attachment.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      ETag: `"${attachment.sha256}"`,
    }).end(content);
  });

  router.use((error: any, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    // A refusal while the client is still sending: answer, then close the connection rather than
    // read (and discard) the rest of a body nobody will store.
    if (!req.complete) res.set('Connection', 'close');
    const language = (res.locals.actor as Actor | null | undefined)?.language ?? currentLanguage('en');
    if (error instanceof PayloadTooLarge) {
      res.status(413).json({ errors: [{ message: error.localized(language), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      return;
    }
    if (error instanceof DomainError) {
      const status = error instanceof UnsupportedMediaType ? 415 : STATUS[error.code];
      res.status(status).json({ errors: [{ message: error.localized(language), extensions: { code: error.code, ...(error.field ? { field: error.field } : {}) } }] });
      return;
    }
    log.error({ err: error }, 'attachment request failed');
    res.status(500).json({ errors: [{ message: translate(language, 'common.internal'), extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });
  return router;
}

/** The request body as it streams in, refused with 413 the moment it passes `max` bytes. */
function readBodyUpTo(req: Request, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (error: Error | null) => {
      req.off('data', onData).off('end', onEnd).off('error', done).off('aborted', onAborted);
      if (error) {
        req.pause();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) return done(new PayloadTooLarge(max));
      chunks.push(chunk);
    };
    const onEnd = () => done(null);
    const onAborted = () => done(Object.assign(new Error('the client aborted the upload'), { status: 400 }));
    req.on('data', onData).on('end', onEnd).on('error', done).on('aborted', onAborted);
  });
}
