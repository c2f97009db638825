import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import i18next from 'i18next';
import { repoRoot } from '../../src/web/build';

/**
 * No untranslated key: every namespace (common, and each workspace's own) has the same keys in
 * zh-CN and en with the same {{placeholders}}, no empty texts, and every literal key the
 * sources pass to t() exists in both languages. Keys built at run time are caught by the
 * browser tests (the app reports each missing key it is asked for).
 * Plurals (i18next's `key_one`/`key_other`): English says "1 day"/"3 days", Chinese has one
 * form (a plain `key`); both count as the one key `key`. An English plural has both forms, and
 * a literal key the sources give a `count` has them in English ("{{count}} d" is not English), in every
 * namespace; and a key that exists only as English plural forms is always given a count.
 */
const APP = join(repoRoot, 'src/web/app');
const LANGUAGES = ['zh-CN', 'en'] as const;
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const read = (path: string) => flatten(JSON.parse(readFileSync(path, 'utf8')) as Tree);

/** namespace -> language -> key -> text */
function namespaces(): Map<string, Record<(typeof LANGUAGES)[number], Map<string, string>>> {
  const out = new Map();
  out.set('common', Object.fromEntries(LANGUAGES.map((l) => [l, read(join(APP, 'i18n/locales', l, 'common.json'))])));
  // The consult room inside the app is shared by the workspaces: its own namespace.
  out.set('room', Object.fromEntries(LANGUAGES.map((l) => [l, read(join(APP, 'room/locales', `${l}.json`))])));
  for (const workspace of readdirSync(join(APP, 'workspaces'))) {
    out.set(workspace, Object.fromEntries(LANGUAGES.map((l) => [l, read(join(APP, 'workspaces', workspace, 'locales', `${l}.json`))])));
  }
  return out;
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]))].sort();

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** The texts of a language by key, its plural forms folded into one key (their texts joined). */
function folded(texts: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, text] of texts) {
    const base = key.replace(PLURAL, '');
    out.set(base, out.has(base) ? `${out.get(base)} ${text}` : text);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gql' ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('i18n resources', () => {
  const all = namespaces();

  it('has the three workspaces, the in-app room and common', () => {
    expect([...all.keys()].sort()).toEqual(['common', 'doctor', 'room', 'scheduler', 'specialist']);
  });

  for (const [namespace, languages] of all) {
    it(`${namespace}: the same keys and placeholders in zh-CN and en, none empty`, () => {
      const zh = folded(languages['zh-CN']);
      const en = folded(languages.en);
      for (const key of languages.en.keys()) {
        const base = key.replace(PLURAL, '');
        if (base !== key) expect({ base, forms: ['one', 'other'].filter((f) => !languages.en.has(`${base}_${f}`)) }).toEqual({ base, forms: [] });
      }
      for (const [key, text] of [...languages['zh-CN'], ...languages.en]) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
      expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
      expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
      for (const [key, text] of zh) expect({ key, placeholders: placeholders(en.get(key)!) }).toEqual({ key, placeholders: placeholders(text) });
    });
  }

  it('has every literal key the sources ask for, in both languages', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of sources(APP)) {
      const rel = relative(APP, file).split(sep);
      // A workspace's files use its namespace by default (useTranslation('<workspace>')), the room's 'room', the shell common.
      const own = rel[0] === 'workspaces' ? rel[1] : rel[0] === 'room' ? 'room' : 'common';
      const code = readFileSync(file, 'utf8');
      const declared = /useTranslation\(\s*'(\w+)'/.exec(code)?.[1] ?? (/useTranslation\(\s*\)/.test(code) ? 'common' : own);
      for (const match of code.matchAll(/\bt\(\s*'([\w.:-]+)'/g)) {
        const [namespace, key] = match[1].includes(':') ? match[1].split(':') : [declared, match[1]];
        for (const language of LANGUAGES) {
          checked += 1;
          const texts = all.get(namespace)?.[language];
          if (!texts?.has(key) && !texts?.has(`${key}_other`)) missing.push(`${relative(repoRoot, file)}: ${language} ${namespace}:${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('says counted things in English with a plural (1 day, 3 days)', () => {
    const singularOnly: string[] = [];
    const namespacesCounted = new Set<string>();
    let counted = 0;
    for (const file of sources(APP)) {
      const rel = relative(APP, file).split(sep);
      const own = rel[0] === 'workspaces' ? rel[1] : rel[0] === 'room' ? 'room' : 'common';
      const code = readFileSync(file, 'utf8');
      const declared = /useTranslation\(\s*'(\w+)'/.exec(code)?.[1] ?? (/useTranslation\(\s*\)/.test(code) ? 'common' : own);
      for (const match of code.matchAll(/\bt\(\s*'([\w.:-]+)'\s*,\s*\{[^}]*\bcount\b/g)) {
        const [namespace, key] = match[1].includes(':') ? match[1].split(':') : [declared, match[1]];
        counted += 1;
        namespacesCounted.add(namespace);
        const en = all.get(namespace)!.en;
        if (!en.has(`${key}_one`) || !en.has(`${key}_other`)) singularOnly.push(`${relative(repoRoot, file)}: ${namespace}:${key}`);
      }
    }
    expect(singularOnly).toEqual([]);
    expect(counted).toBeGreaterThanOrEqual(15);
    // And the other way round: an English plural asked for without a count would show its raw key.
    const uncounted: string[] = [];
    for (const file of sources(APP)) {
      const rel = relative(APP, file).split(sep);
      const own = rel[0] === 'workspaces' ? rel[1] : rel[0] === 'room' ? 'room' : 'common';
      const code = readFileSync(file, 'utf8');
      const declared = /useTranslation\(\s*'(\w+)'/.exec(code)?.[1] ?? (/useTranslation\(\s*\)/.test(code) ? 'common' : own);
      for (const match of code.matchAll(/\bt\(\s*'([\w.:-]+)'\s*(,\s*(\{[^}]*\}|\w+))?\s*\)/g)) {
        const [namespace, key] = match[1].includes(':') ? match[1].split(':') : [declared, match[1]];
        const en = all.get(namespace)?.en;
        const pluralOnly = en && !en.has(key) && en.has(`${key}_other`);
        const args = match[3];
        if (pluralOnly && (!args || (args.startsWith('{') && !/\bcount\b/.test(args)))) uncounted.push(`${relative(repoRoot, file)}: ${namespace}:${key}`);
      }
    }
    expect(uncounted).toEqual([]);
    // Every workspace counts something; the check covers all of them, not the scheduler alone.
    expect([...namespacesCounted].sort()).toEqual(expect.arrayContaining(['doctor', 'scheduler', 'specialist']));
  });

  it("says the doctor's and specialist's counted things as a person reads them", async () => {
    const resources = Object.fromEntries(LANGUAGES.map((l) => [l, Object.fromEntries([...all].map(([ns, texts]) => [ns, Object.fromEntries(texts[l])]))]));
    const t = i18next.createInstance();
    await t.init({ resources, lng: 'en', fallbackLng: false, keySeparator: false, interpolation: { escapeValue: false } } as any);
    const say = (language: string, key: string, values: Record<string, unknown>) => t.getFixedT(language)(key, values);
    expect([say('en', 'doctor:patients.years', { count: 1 }), say('en', 'doctor:patients.years', { count: 64 }), say('zh-CN', 'doctor:patients.years', { count: 64 })])
      .toEqual(['1 year', '64 years', '64岁']);
    expect([say('en', 'specialist:queue.attachmentCount', { count: 1 }), say('en', 'specialist:queue.attachmentCount', { count: 3 })])
      .toEqual(['1 exam result (viewable once claimed)', '3 exam results (viewable once claimed)']);
    expect([say('en', 'doctor:home.incomingReferrals', { count: 2 }), say('en', 'doctor:attachments.pages', { count: 1 }), say('en', 'specialist:calendar.booked', { booked: 0, count: 1 })])
      .toEqual(['2 incoming referrals', '1 page', '0 of 1 patient booked']);
    expect(say('zh-CN', 'specialist:calendar.booked', { booked: 3, count: 10 })).toBe('已预约 3/10 位患者');
  });
});
