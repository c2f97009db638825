import i18next, { i18n } from 'i18next';
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

function resources() {
  const out: Record<string, { translation: Record<string, Record<string, string>> }> = {};
  for (const language of LANGUAGES) {
    const translation: Record<string, Record<string, string>> = {};
    for (const [domain, table] of Object.entries(catalogue)) {
      translation[domain] = Object.fromEntries(Object.entries(table).map(([name, sentence]) => [name, (sentence as Record<Language, string>)[language]]));
    }
    out[language] = { translation };
  }
  return out;
}

let instance: i18n | null = null;
function translator(): i18n {
  if (!instance) {
    instance = i18next.createInstance();
    // NOTE: initAsync false: resources are in memory, so t() works as soon as init returns.
    instance.init({
      resources: resources(), lng: 'en', fallbackLng: false, supportedLngs: [...LANGUAGES], load: 'currentOnly',
      initAsync: false, interpolation: { escapeValue: false }, returnNull: false, showSupportNotice: false,
    } as any);
  }
  return instance;
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
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) values[name] = valueIn(language, value);
  return translator().getFixedT(language)(key, values) as string;
}

export const say = (language: Language, m: Message): string => translate(language, m.key, m.params);
