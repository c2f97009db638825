import type { Language } from '../language';

/**
 * One sentence in every language, side by side, so a missing translation is a type error
 * here and a failing test (test/i18n/catalogue.test.ts) rather than a surprise for a user.
 * Placeholders are i18next's: {{name}}.
 */
export type Sentence = Record<Language, string>;
export type MessageTable = Record<string, Sentence>;
