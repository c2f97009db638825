import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { webOutDir } from './build';

/** The browser pages, built by `npm run build` into dist/web. */
export function webRoutes(): Router {
  const router = Router();
  router.use('/web', express.static(webOutDir, { index: false, maxAge: '1h' }));
  router.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  router.get(['/', '/room'], (_req, res) => {
    const page = join(webOutDir, 'room.html');
    if (!existsSync(page)) {
      res.status(503).type('text/plain').send('The web client is not built: run `npm run build`');
      return;
    }
    res.sendFile(page);
  });
  return router;
}
