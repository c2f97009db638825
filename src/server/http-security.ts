import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { HubConfig } from '../config';
import { contentSecurityPolicy } from '../web/content-security-policy';

/**
 * helmet's security headers on every answer: X-Frame-Options DENY, nosniff, a strict
 * Referrer-Policy (a consultation id in a URL is nobody else's business), the hub's CSP.
 * HSTS only when the operator says the hub is served over HTTPS (behind a proxy): sent over
 * plain HTTP on a LAN it would lock browsers out.
 */
export function securityHeaders(config: HubConfig): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy() },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.http.hsts ? { maxAge: 180 * 24 * 3600 } : false,
    // The room page embeds camera streams and mediasoup's WebRTC; cross-origin isolation would
    // break nothing today but is not needed either.
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * CORS for browsers on other origins (e.g. a hospital portal embedding the API): only the
 * origins listed in CORS_ORIGINS; none by default (the web app is served by the hub itself).
 */
export function corsAllowList(config: HubConfig): RequestHandler {
  const allowed = new Set(config.http.corsOrigins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'x-file-name'],
    maxAge: 600,
  });
}
