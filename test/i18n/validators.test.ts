import 'reflect-metadata';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMetadataStorage, validate, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { catalogue } from '../../src/i18n/catalogue';
import { LANGUAGES } from '../../src/i18n/language';
import { translate } from '../../src/i18n/translate';
import { saidBy } from '../../src/i18n/validation';
import { CreateHospitalInput, CreatePersonInput, RegisterPatientInput } from '../../src/consortium/inputs';

/**
 * Every class-validator rule of every input class says a catalogue sentence (says(...)), so a
 * refusal reaches a zh-CN reader in Chinese and names the field. Read from class-validator's own
 * registry after loading every server file that declares rules: a new rule with a plain English
 * message, or none (class-validator's English default), fails here.
 */
const ROOT = join(__dirname, '../../src');
const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  if (statSync(path).isDirectory()) return name === 'web' ? [] : files(path);
  return path.endsWith('.ts') ? [path] : [];
});
const declaringRules = files(ROOT).filter((path) => /from 'class-validator'/.test(readFileSync(path, 'utf8')));
for (const path of declaringRules) require(path);

// Rules that never refuse with a message of their own: optional fields, nested objects (their
// own rules speak), whitelisting.
const SILENT = new Set<string>([ValidationTypes.CONDITIONAL_VALIDATION, ValidationTypes.NESTED_VALIDATION, ValidationTypes.WHITELIST, ValidationTypes.IS_DEFINED, ValidationTypes.PROMISE_VALIDATION]);

const sentence = (key: string) => {
  const [domain, name] = key.split('.');
  return (catalogue as Record<string, Record<string, Record<string, string>> | undefined>)[domain]?.[name];
};

describe('validation messages of input classes', () => {
  const rules: ValidationMetadata[] = (getMetadataStorage() as any).validationMetadatas instanceof Map
    ? [...(getMetadataStorage() as any).validationMetadatas.values()].flat()
    : (getMetadataStorage() as any).validationMetadatas;
  const spoken = rules.filter((rule) => !SILENT.has(rule.type));
  const where = (rule: ValidationMetadata) => `${(rule.target as Function).name}.${rule.propertyName} (${rule.name ?? rule.type})`;

  it('finds the rules of every domain that declares some', () => {
    expect(declaringRules.map((p) => relative(ROOT, p))).toEqual(expect.arrayContaining(['consortium/inputs.ts', 'consult/inputs.ts', 'referral/inputs.ts', 'calendar/inputs.ts', 'roster/inputs.ts', 'booking/inputs.ts', 'graphql/pagination.ts']));
    const classes = new Set(spoken.map((rule) => (rule.target as Function).name));
    for (const name of ['CreateHospitalInput', 'CreatePersonInput', 'RequestConsultationInput', 'PageArgs', 'AssessmentArgs', 'HospitalFilter']) expect(classes).toContain(name);
    expect(spoken.length).toBeGreaterThan(100);
  });

  it('gives every rule a catalogue sentence with a zh-CN and an en text', () => {
    const plain = spoken.flatMap((rule) => {
      const said = typeof rule.message === 'string' ? saidBy(rule.message) : null;
      if (!said) return [`${where(rule)}: ${typeof rule.message === 'string' ? JSON.stringify(rule.message) : 'class-validator default'}`];
      const texts = sentence(said.key);
      return LANGUAGES.filter((l) => !texts?.[l]?.trim()).map((l) => `${where(rule)}: ${said.key} has no ${l} text`);
    });
    expect(plain).toEqual([]);
  });

  it('leaves no placeholder unfilled once the field is named', () => {
    const unfilled = spoken.flatMap((rule) => {
      const said = saidBy(rule.message as string)!;
      return LANGUAGES.map((l) => ({ l, text: translate(l, said.key, { field: rule.propertyName, ...said.params }) }))
        .filter(({ text }) => text.includes('{{') || !text.includes(rule.propertyName))
        .map(({ l, text }) => `${where(rule)} ${l}: ${text}`);
    });
    expect(unfilled).toEqual([]);
  });

  it('says the consortium directory refusals in Chinese and English', async () => {
    const sayFirst = async (input: object) => {
      const [error] = await validate(input);
      const said = saidBy(Object.values(error.constraints!)[0])!;
      return Object.fromEntries(LANGUAGES.map((l) => [l, translate(l, said.key, { field: error.property, ...said.params })]));
    };
    const hospital = Object.assign(new CreateHospitalInput(), { name: '青山乡卫生院', tier: 'TOWNSHIP', county: '青山县', latitude: 95, longitude: 120, consortiumIds: [] });
    expect(await sayFirst(hospital)).toEqual({ 'zh-CN': '输入有误：latitude 应在 -90 到 90 之间', en: 'Invalid input: latitude must be between -90 and 90' });
    const patient = Object.assign(new RegisterPatientInput(), { name: '王芳', sex: 'FEMALE', birthDate: '1960-01-01', nationalId: '12345' });
    expect(await sayFirst(patient)).toEqual({ 'zh-CN': '输入有误：nationalId 应为 18 位：17 位数字加一位数字或 X', en: 'Invalid input: nationalId must be 18 characters: 17 digits and a digit or X' });
    const person = Object.assign(new CreatePersonInput(), { name: '李', username: 'li.ming', password: 'long enough password', roles: ['DOCTOR'], hospitalId: '1', specialtyIds: [] });
    expect(await sayFirst(person)).toEqual({ 'zh-CN': '输入有误：name 应为 2 到 50 个字', en: 'Invalid input: name must be 2 to 50 characters' });
  });
});
