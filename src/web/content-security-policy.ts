/**
 * The one Content-Security-Policy of the hub. Every answer carries the base policy (helmet in
 * server/http-security.ts); the app page replaces it with the same policy plus this response's
 * style nonce (web/routes.ts).
 * - scripts only from the hub's own bundles: no inline script, no eval;
 * - styles: Ant Design writes CSS-in-JS <style> elements at run time. The app page gives them a
 *   per-response nonce; other answers (JSON, the room page) allow inline styles, as they hold no
 *   markup a stranger can inject.
 * - NOTE: Ant Design's components and pdf.js also write style="…" attributes in markup they build
 *   as strings; an attribute cannot run script, so attributes are allowed while <style> elements
 *   still need the nonce. Measured: without this Chromium blocks several per screen.
 * - connect: GraphQL over HTTP and graphql-ws on the same host;
 * - images and PDFs of exam results from blob:/data: URLs the page makes; pdf.js's worker from the hub;
 * - no one may frame the hub (clickjacking), no plugins, forms post only to the hub.
 */
export function contentSecurityPolicy(page?: { nonce: string; host: string }): Record<string, string[]> {
  const styles = page ? ["'self'", `'nonce-${page.nonce}'`] : ["'self'", "'unsafe-inline'"];
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': styles,
    'style-src-elem': styles,
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': page ? ["'self'", 'blob:', `ws://${page.host}`, `wss://${page.host}`] : ["'self'", 'ws:', 'wss:'],
    'media-src': ["'self'", 'blob:'],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'none'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
  };
}

/** The header value of a directive map. */
export function serializePolicy(directives: Record<string, string[]>): string {
  return Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
