import { catalogue, MessageKey } from './catalogue';
import { Language, LANGUAGES } from './language';

/** A sentence to be said later, in whichever language the listener reads: a key and its values. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}
/** A value that has its own words per language, e.g. a specialty's Chinese and English names. */
export type Bilingual = Record<Language, string>;
/** Alternatives said as one phrase: "CLAIMED or SCHEDULED", "已接诊或已安排". */
export interface OrList {
  or: readonly (string | Message)[];
}
/** Values put into a sentence; a nested Message is translated first (e.g. the name of a thing). */
export type MessageParams = Record<string, string | number | boolean | null | undefined | Message | Bilingual | OrList>;

/** A name with its own words per language, e.g. a department's nameZh and nameEn. */
export const bilingual = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, en });

export const message = (key: MessageKey, params?: MessageParams): Message => (params ? { key, params } : { key });
export const orList = (items: readonly (string | Message)[]): OrList => ({ or: items });

/**
 * A sentence as its pieces: text, placeholder name, text, ... (odd indexes are names).
 * NOTE: the hub's catalogue uses `{{name}}` placeholders only (no plurals, nesting or formats:
 * catalogue.test.ts), so each sentence is split once and said by joining. i18next's t() said
 * the same in about 45 µs a sentence; a refusal of a crowd of bookings says three, twice
 * (bench/booking/run.ts). What i18next does is kept: a placeholder without a value stays as it is.
 */
type Pieces = readonly string[];
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/;
const compiled: Record<Language, Map<string, Pieces>> = Object.fromEntries(LANGUAGES.map((l) => [l, new Map()])) as Record<Language, Map<string, Pieces>>;

function piecesOf(language: Language, key: string): Pieces {
  let pieces = compiled[language].get(key);
  if (!pieces) {
    const [domain, name] = key.split('.');
    const sentence = (catalogue as unknown as Record<string, Record<string, Record<Language, string>> | undefined>)[domain]?.[name]?.[language];
    pieces = sentence === undefined ? [key] : sentence.split(new RegExp(PLACEHOLDER.source, 'g'));
    compiled[language].set(key, pieces);
  }
  return pieces;
}

const isMessage = (value: unknown): value is Message => typeof value === 'object' && value !== null && typeof (value as Message).key === 'string';
const isBilingual = (value: unknown): value is Bilingual => typeof value === 'object' && value !== null && LANGUAGES.every((l) => typeof (value as Bilingual)[l] === 'string');

function valueIn(language: Language, value: MessageParams[string]): unknown {
  if (isMessage(value)) return translate(language, value.key, value.params);
  if (typeof value === 'object' && value !== null && Array.isArray((value as OrList).or)) {
    return (value as OrList).or.map((item) => valueIn(language, item)).join(translate(language, 'common.or'));
  }
  if (isBilingual(value)) return value[language];
  return value ?? '';
}

/** The sentence `key` in `language`, with its values (nested messages translated too). */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const pieces = piecesOf(language, key);
  let said = pieces[0];
  for (let i = 1; i < pieces.length; i += 2) {
    const name = pieces[i];
    said += (Object.hasOwn(params, name) ? String(valueIn(language, params[name])) : `{{${name}}}`) + pieces[i + 1];
  }
  return said;
}

export const say = (language: Language, m: Message): string => translate(language, m.key, m.params);
