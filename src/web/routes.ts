import express, { Request, Response, Router } from 'express';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webOutDir } from './build';
import { contentSecurityPolicy, serializePolicy } from './content-security-policy';

/** The app page's policy: the hub's one, with this response's nonce for <style> elements. */
export function appContentSecurityPolicy(nonce: string, host: string): string {
  return serializePolicy(contentSecurityPolicy({ nonce, host }));
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
    // NOTE: replaces the hub-wide policy (server/http-security.ts) for the app's page only: the
    // same sources, but <style> elements need this response's nonce instead of 'unsafe-inline'.
    res
      .set('Content-Security-Policy', appContentSecurityPolicy(nonce, req.get('host') ?? 'localhost'))
      .set('Cache-Control', 'no-cache')
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
