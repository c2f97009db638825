import { Router } from 'express';
import { DataSource } from 'typeorm';

/** /healthz: the process answers. /readyz: it can also reach its database. */
export function healthRoutes(db: DataSource, isShuttingDown: () => boolean): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (isShuttingDown()) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    try {
      await Promise.race([
        db.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database did not answer within 2 s')), 2000).unref()),
      ]);
      res.json({ status: 'ready' });
    } catch (error) {
      res.status(503).json({ status: 'database unreachable', reason: (error as Error).message });
    }
  });
  return router;
}
