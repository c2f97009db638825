import express, { NextFunction, Request, Response, Router } from 'express';
import type { Actor } from '../auth/actor';
import { bearerToken as bearer } from '../auth/tokens';
import { DomainError, ErrorCode, unauthenticated } from '../errors';
import type { Logger } from '../graphql/logger';
import { AttachmentService, UnsupportedMediaType } from './attachments';

const STATUS: Record<ErrorCode, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429 };

export interface AttachmentRouteOptions {
  attachments: AttachmentService;
  actorFrom(token: string | undefined): Promise<Actor | null>;
  log: Logger;
}

/**
 * Exam results travel as raw bytes over plain HTTP (GraphQL is the wrong carrier for files):
 *   POST /attachments/consultations/:id   body = the file, Content-Type image/jpeg | image/png | application/pdf,
 *                                          optional X-File-Name (percent-encoded UTF-8)   -> 201 JSON metadata
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
      const fileName = (req.headers['x-file-name'] as string | undefined) ?? (typeof req.query.name === 'string' ? req.query.name : undefined);
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
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      ETag: `"${attachment.sha256}"`,
    }).end(content);
  });

  router.use((error: any, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error?.type === 'entity.too.large') {
      res.status(413).json({ errors: [{ message: `The file is larger than the limit of ${attachments.maxBytes} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      return;
    }
    if (error instanceof DomainError) {
      const status = error instanceof UnsupportedMediaType ? 415 : STATUS[error.code];
      res.status(status).json({ errors: [{ message: error.message, extensions: { code: error.code, ...(error.field ? { field: error.field } : {}) } }] });
      return;
    }
    log.error({ err: error }, 'attachment request failed');
    res.status(500).json({ errors: [{ message: 'Internal error; it has been logged', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });
  return router;
}
