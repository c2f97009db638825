import type { IncomingHttpHeaders } from 'node:http';

/**
 * File names of uploads and downloads, in any script (血常规.pdf). An upload may name its file
 * in any of the ways clients actually use:
 *   Content-Disposition: attachment; filename*=UTF-8''%E8%A1%80%E5%B8%B8%E8%A7%84.pdf   (RFC 6266/8187)
 *   X-File-Name: %E8%A1%80%E5%B8%B8%E8%A7%84.pdf   (percent-encoded UTF-8)
 *   X-File-Name: 血常规.pdf                          (raw UTF-8 bytes in the header)
 *   ?name=血常规.pdf                                 (query string, percent-encoded by the client)
 */
export function uploadFileName(headers: IncomingHttpHeaders, query: Record<string, unknown> = {}): string | undefined {
  const disposition = headers['content-disposition'];
  const fromDisposition = typeof disposition === 'string' ? dispositionFileName(disposition) : undefined;
  if (fromDisposition) return fromDisposition;
  const header = headers['x-file-name'];
  if (typeof header === 'string' && header) return percentDecoded(utf8FromLatin1(header));
  return typeof query.name === 'string' && query.name ? query.name : undefined;
}

/**
 * NOTE: Node reads header bytes as Latin-1, one character per byte, so raw UTF-8 arrives as
 * "è¡\u0080å¸¸..." (mojibake). When the characters are all bytes and they form valid UTF-8,
 * that is what the client sent; otherwise the header was meant as Latin-1 and stays.
 */
function utf8FromLatin1(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  const bytes = Buffer.from(value, 'latin1');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.includes('\ufffd') ? value : text;
}

/** %XX sequences decoded as UTF-8; a name with a lone "%" (e.g. "50%.pdf") is kept as it is. */
function percentDecoded(value: string): string {
  if (!/%[0-9a-fA-F]{2}/.test(value)) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `filename*` (RFC 8187: charset'language'pct-encoded) wins over plain `filename`. */
export function dispositionFileName(header: string): string | undefined {
  const extended = /(?:^|;)\s*filename\*\s*=\s*([^';]*)'[^']*'([^;\s]*)/i.exec(header);
  if (extended) {
    const charset = extended[1].trim().toLowerCase();
    try {
      if (charset === 'utf-8' || charset === '') return decodeURIComponent(extended[2]);
      if (charset === 'iso-8859-1') return Buffer.from(unescape(extended[2]), 'latin1').toString('latin1');
    } catch {
      // a malformed extended value: fall back to the plain one
    }
  }
  const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
  if (!plain) return undefined;
  const value = plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2];
  return percentDecoded(utf8FromLatin1(value));
}

/** RFC 8187 attr-chars stay, everything else is %XX of its UTF-8 bytes (encodeURIComponent leaves ' ( ) * ! as they are). */
const extendedValue = (name: string) => encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The download header: `filename*` carries the name intact; the plain `filename` is an ASCII
 * stand-in for the few clients that ignore `filename*`.
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${extendedValue(name)}`;
}
