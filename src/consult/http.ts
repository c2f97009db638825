import express, { NextFunction, Request, Response, Router } from 'express';
import type { Actor } from '../auth/actor';
import { bearerToken as bearer } from '../auth/tokens';
import { DomainError, ErrorCode, unauthenticated } from '../errors';
import type { Logger } from '../graphql/logger';
import { AttachmentService, UnsupportedMediaType } from './attachments';
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
    // Who is uploading is settled before a byte of the body is read: no one unknown fills memory.
    async (req: Request, res: Response, next: NextFunction) => {
      res.locals.actor = await actor(req);
      next();
    },
    // Its own body parser: the /graphql JSON parser and its 100 kB limit do not apply here.
    express.raw({ type: () => true, limit: attachments.maxBytes }),
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

  router.use((error: any, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const language = (res.locals.actor as Actor | null | undefined)?.language ?? currentLanguage('en');
    if (error?.type === 'entity.too.large') {
      res.status(413).json({ errors: [{ message: translate(language, 'consult.fileTooLarge', { limit: attachments.maxBytes }), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
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
