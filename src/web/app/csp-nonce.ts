/** The per-response nonce the hub writes into index.html for this page's <style> elements. */
export const cspNonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content || undefined;

// NOTE: some libraries create <style> elements with no way to pass a nonce (Ant Design's scroll
// locking under drawers and modals, its scrollbar measuring, pdf.js' font rules), so the CSP
// would block them. Every <style> this page's own scripts create gets the nonce here; markup
// injected as HTML does not pass through createElement, so it still lacks one and stays blocked.
if (cspNonce) {
  const create = document.createElement.bind(document);
  document.createElement = ((tagName: string, options?: ElementCreationOptions) => {
    const element = create(tagName, options);
    if (tagName.toLowerCase() === 'style') (element as HTMLStyleElement).nonce = cspNonce;
    return element;
  }) as typeof document.createElement;
}
