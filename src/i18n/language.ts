import { AsyncLocalStorage } from 'node:async_hooks';

/** The languages the hub speaks; zh-CN first: it is a Chinese product, English is complete too. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** Any Chinese tag (zh, zh-CN, zh-Hans-CN, zh-TW) is served in zh-CN; any English one in en. */
function languageOfTag(tag: string): Language | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return null;
}

/**
 * The best supported language of an Accept-Language header (RFC 9110 §12.5.4), or null when
 * it names none (absent, `*`, or only other languages): then the caller's default applies.
 */
export function languageFromHeader(header: string | string[] | undefined | null): Language | null {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return null;
  let best: { language: Language; q: number } | null = null;
  for (const part of value.split(',')) {
    const [tag, ...attributes] = part.split(';');
    const qAttribute = attributes.map((a) => a.trim()).find((a) => a.startsWith('q='));
    const q = qAttribute ? Number(qAttribute.slice(2)) : 1;
    const language = languageOfTag(tag);
    if (language && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { language, q };
  }
  return best?.language ?? null;
}

/**
 * The language of what is being answered now. A mutable holder, because the saved preference
 * is known only once the request's actor is loaded, after the header was read.
 */
export interface LanguageHolder {
  language: Language;
}

/**
 * NOTE: Apollo's formatError gets no context, so the request's language travels with the
 * request's async context instead: the HTTP route runs the rest of the request inside it.
 */
export const languageScope = new AsyncLocalStorage<LanguageHolder>();

export const currentLanguage = (fallback: Language): Language => languageScope.getStore()?.language ?? fallback;
