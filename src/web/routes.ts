import express, { Request, Response, Router } from 'express';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webOutDir } from './build';

/**
 * The Content-Security-Policy of the app: its own scripts only; styles from its own files plus
 * the <style> tags Ant Design writes at run time (they carry the per-response nonce) and style
 * attributes; data and
 * live updates from the same host over HTTP and WebSocket; images and previews of exam results
 * as blob:/data: URLs made by the page itself (PDF pages drawn by pdf.js in a same-origin worker).
 */
export function appContentSecurityPolicy(nonce: string, host: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}'`,
    // NOTE: Ant Design's components (and pdf.js) also write style="…" attributes in markup they
    // build as strings; an attribute cannot run script, so attributes are allowed while <style>
    // elements still need the nonce. Measured: without this Chromium blocks several per screen.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' blob: ws://${host} wss://${host}`,
    "worker-src 'self' blob:",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The browser app (built by `npm run build` into dist/web): `/` and its client-side routes, and `/room`. */
export function webRoutes(): Router {
  const router = Router();
  // Hashed file names never change content: cache them for good.
  router.use('/assets', express.static(join(webOutDir, 'assets'), { index: false, immutable: true, maxAge: '365d', fallthrough: false }));
  router.use('/web', express.static(webOutDir, { index: false, maxAge: '1h' }));
  router.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  router.get('/room', (_req, res) => {
    const page = join(webOutDir, 'room.html');
    if (!existsSync(page)) return notBuilt(res);
    res.sendFile(page);
  });

  let template: string | null = null;
  const appPage = (req: Request, res: Response) => {
    const page = join(webOutDir, 'index.html');
    if (!existsSync(page)) return notBuilt(res);
    template ??= readFileSync(page, 'utf8');
    const nonce = randomBytes(16).toString('base64');
    res
      .set('Content-Security-Policy', appContentSecurityPolicy(nonce, req.get('host') ?? 'localhost'))
      .set('Cache-Control', 'no-cache')
      .set('X-Content-Type-Options', 'nosniff')
      .set('Referrer-Policy', 'same-origin')
      .type('html')
      .send(template.replace(/__CSP_NONCE__/g, nonce));
  };
  // History fallback: every app path that is not the API, an asset or the room is the app.
  router.get(/^\/(?!graphql|assets\/|web\/|attachments\/|health|metrics|room$).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    appPage(req, res);
  });
  return router;
}

function notBuilt(res: Response) {
  res.status(503).type('text/plain').send('The web app is not built: run `npm run build`');
}
