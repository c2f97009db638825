import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import commonEn from './locales/en/common.json';
import commonZh from './locales/zh-CN/common.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

// NOTE: not the key 'lang': the consult-room page (src/web/client) stores 'zh'/'en' under it.
const LAST_LANGUAGE = 'app.lang';
const userLanguageKey = (personId: string) => `app.lang.${personId}`;

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** The language before anyone signs in: the last one chosen on this browser, else Chinese. */
export function initialLanguage(): Language {
  const saved = localStorage.getItem(LAST_LANGUAGE);
  return isLanguage(saved) ? saved : DEFAULT_LANGUAGE;
}

/** The language this person chose last time (on this browser), if any. */
export function savedLanguageOf(personId: string): Language | null {
  const saved = localStorage.getItem(userLanguageKey(personId));
  return isLanguage(saved) ? saved : null;
}

/** Switches the UI and remembers the choice for the person (and as the browser's default). */
export async function changeLanguage(language: Language, personId?: string): Promise<void> {
  localStorage.setItem(LAST_LANGUAGE, language);
  if (personId) localStorage.setItem(userLanguageKey(personId), language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE);

/** Every key a screen shows but the resources lack; the browser tests fail when any appear. */
export const missingKeys: string[] = [];

i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { common: commonZh }, en: { common: commonEn } },
  lng: initialLanguage(),
  fallbackLng: false,
  supportedLngs: [...LANGUAGES],
  ns: ['common'],
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  saveMissing: true,
  missingKeyHandler: (languages, namespace, key) => {
    const entry = `${languages.join(',')}:${namespace}:${key}`;
    missingKeys.push(entry);
    console.error(`i18n missing key ${entry}`);
  },
});
document.documentElement.lang = i18n.language;

/** Adds a workspace's namespace (its own locales/*.json) to the resources. */
export function addNamespace(namespace: string, resources: Record<Language, Record<string, unknown>>): void {
  for (const language of LANGUAGES) i18n.addResourceBundle(language, namespace, resources[language], true, true);
}

export default i18n;
