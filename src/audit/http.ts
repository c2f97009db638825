import { NextFunction, Request, Response, Router } from 'express';
import type { Actor } from '../auth/actor';
import { bearerToken as bearer } from '../auth/tokens';
import { badInput, DomainError, unauthenticated } from '../errors';
import { languageFromHeader } from '../i18n/language';
import { translate } from '../i18n/translate';
import type { Logger } from '../graphql/logger';
import { AuditEntry } from './entities';
import { AuditQuery, AuditTrail } from './service';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };
const COLUMNS = ['id', 'at', 'actorId', 'action', 'subjectType', 'subjectId', 'clientAddress'] as const;

/**
 * One CSV cell: quoted when needed, and a leading = + - @ neutralised so that a spreadsheet
 * never runs what someone typed (e.g. a username in a failed sign-in) as a formula.
 */
export function csvCell(value: unknown): string {
  let text = value == null ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (e: AuditEntry) => `${COLUMNS.map((c) => csvCell(e[c])).join(',')}\r\n`;

function queryOf(req: Request): AuditQuery {
  const text = (name: string) => (typeof req.query[name] === 'string' && req.query[name] !== '' ? (req.query[name] as string) : null);
  const date = (name: string) => {
    const raw = text(name);
    if (raw == null) return null;
    const d = new Date(raw);
    if (Number.isNaN(d.getTime())) throw badInput(name, 'audit.badDate', { field: name, value: raw });
    return d;
  };
  return { actorId: text('actorId'), patientId: text('patientId'), action: text('action'), from: date('from'), to: date('to') };
}

/**
 *   GET /audit/export.csv?actorId=&patientId=&action=&from=&to=   (Authorization: Bearer, administrators)
 * The same filters as the auditEntries query; streamed oldest first, in UTF-8 with a BOM so
 * spreadsheet programs read Chinese names right.
 */
export function auditRoutes({ audit, actorFrom, log }: { audit: AuditTrail; actorFrom(token: string | undefined): Promise<Actor | null>; log: Logger }): Router {
  const router = Router();
  router.get('/audit/export.csv', async (req: Request, res: Response) => {
    const token = bearer(req.headers.authorization);
    if (!token) throw unauthenticated();
    const actor = await actorFrom(token);
    res.locals.actor = actor;
    const batches = audit.export(actor, queryOf(req));
    // The first batch is fetched before any header goes out, so a refusal is still a clean 4xx.
    const first = await batches.next();
    res.status(200).set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.write(`\uFEFF${COLUMNS.join(',')}\r\n`);
    if (!first.done) {
      res.write(first.value.map(line).join(''));
      for await (const rows of batches) {
        if (!res.write(rows.map(line).join(''))) await new Promise((resolve) => res.once('drain', resolve));
      }
    }
    res.end();
  });
  router.use('/audit', (error: any, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    // The saved language of who asked, else their Accept-Language (this route runs before the GraphQL one's scope).
    const language = (res.locals.actor as Actor | null | undefined)?.language ?? languageFromHeader(req.headers['accept-language']) ?? 'en';
    if (error instanceof DomainError) {
      res.status(STATUS[error.code] ?? 400).json({ errors: [{ message: error.localized(language), extensions: { code: error.code, ...(error.field ? { field: error.field } : {}) } }] });
      return;
    }
    log.error({ err: error }, 'audit export failed');
    res.status(500).json({ errors: [{ message: translate(language, 'common.internal'), extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });
  return router;
}
