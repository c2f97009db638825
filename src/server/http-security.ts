import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { HubConfig } from '../config';

/**
 * The Content-Security-Policy of every page the hub serves (the web app under / and /room).
 * One function so the web app's needs are adjusted here and nowhere else:
 * - scripts only from the hub's own bundles (no inline script, no eval);
 * - styles: Ant Design writes CSS-in-JS <style> elements at run time, hence 'unsafe-inline'
 *   for styles only;
 * - connect: GraphQL over HTTP and graphql-ws on the same origin ('self' covers ws:/wss: of the
 *   same host in current browsers; listed explicitly for older ones);
 * - images and PDFs of exam results are shown from blob: and data: URLs; pdf.js runs its
 *   worker from the hub or a blob:;
 * - no one may frame the hub (clickjacking), no plugins, forms post only to the hub.
 */
export function contentSecurityPolicy(): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", 'ws:', 'wss:'],
    'media-src': ["'self'", 'blob:'],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
}

/**
 * helmet's security headers on every answer: X-Frame-Options DENY, nosniff, a strict
 * Referrer-Policy (a consultation id in a URL is nobody else's business), the CSP above.
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
