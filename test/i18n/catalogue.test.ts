import { catalogue } from '../../src/i18n/catalogue';
import { LANGUAGES, languageFromHeader } from '../../src/i18n/language';
import { message, translate } from '../../src/i18n/translate';

/** Every sentence of the hub in every language, with the same placeholders. */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const entries = Object.entries(catalogue).flatMap(([domain, table]) =>
  Object.entries(table as Record<string, Record<string, string>>).map(([name, sentence]) => ({ key: `${domain}.${name}`, sentence })));

describe('the server message catalogue', () => {
  it('has a non-empty text in every language for every key', () => {
    expect(entries.length).toBeGreaterThan(30);
    const missing = entries.flatMap(({ key, sentence }) => LANGUAGES.filter((l) => typeof sentence[l] !== 'string' || !sentence[l].trim()).map((l) => `${key} (${l})`));
    expect(missing).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    const differing = entries.filter(({ sentence }) => LANGUAGES.some((l) => placeholders(sentence[l]).join() !== placeholders(sentence.en).join())).map((e) => e.key);
    expect(differing).toEqual([]);
  });

  it('really says zh-CN sentences in Chinese (no English left in place of a translation)', () => {
    const notChinese = entries.filter(({ sentence }) => !/[\u4e00-\u9fff]/.test(sentence['zh-CN'])).map((e) => e.key);
    expect(notChinese).toEqual([]);
  });

  it('translates nested names and bilingual values', () => {
    expect(translate('zh-CN', 'common.notFound', { what: message('entity.consultation'), id: 7 })).toBe('会诊 7 不存在或您无权查看');
    expect(translate('en', 'common.notFound', { what: message('entity.consultation'), id: 7 })).toBe('Consultation 7 does not exist or is not visible to you');
    expect(translate('zh-CN', 'notification.consultClaimedBody', { specialist: '王医生', specialty: { 'zh-CN': '心内科', en: 'Cardiology' } })).toBe('王医生 已接收您的心内科会诊请求。');
  });

  it('uses plain {{name}} placeholders only, which translate() fills in (no plurals, nesting or formats)', () => {
    const braces = (text: string) => text.match(/\{\{|\}\}/g)?.length ?? 0;
    const odd = entries.flatMap(({ key, sentence }) => LANGUAGES.filter((l) =>
      braces(sentence[l]) !== 2 * placeholders(sentence[l]).length || /\$t\(|\{\{\s*\w+\s*,/.test(sentence[l]) || /_(zero|one|two|few|many|other)$/.test(key)).map((l) => `${key} (${l})`));
    expect(odd).toEqual([]);
    // Every placeholder of every sentence is filled in, and nothing else changes.
    const filled = entries.flatMap(({ key, sentence }) => LANGUAGES.filter((l) => {
      const values = Object.fromEntries(placeholders(sentence[l]).map((name) => [name, `<${name}>`]));
      return translate(l, key as never, values) !== sentence[l].replace(/\{\{\s*(\w+)\s*\}\}/g, '<$1>');
    }).map((l) => `${key} (${l})`));
    expect(filled).toEqual([]);
    // As i18next did: a value given as null is said as nothing, a value not given stays a placeholder.
    expect(translate('en', 'booking.full', { session: null, count: 0 })).toBe('No free slot left in  (all 0 are booked)');
    expect(translate('en', 'booking.full', {})).toBe('No free slot left in {{session}} (all {{count}} are booked)');
    expect(translate('zh-CN', 'booking.because', { reason: '见{{附件}}' })).toBe('，原因：见{{附件}}');
  });

  it('picks the language of an Accept-Language header', () => {
    expect(languageFromHeader('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(languageFromHeader('en-US,en;q=0.9,zh-CN;q=0.5')).toBe('en');
    expect(languageFromHeader('fr-FR, zh-TW;q=0.7, en;q=0.6')).toBe('zh-CN');
    expect(languageFromHeader('zh;q=0, en')).toBe('en');
    expect(languageFromHeader('*')).toBeNull();
    expect(languageFromHeader(undefined)).toBeNull();
  });
});
