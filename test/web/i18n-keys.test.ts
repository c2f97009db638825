import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { repoRoot } from '../../src/web/build';

/**
 * No untranslated key: every namespace (common, and each workspace's own) has the same keys in
 * zh-CN and en with the same {{placeholders}}, no empty texts, and every literal key the
 * sources pass to t() exists in both languages. Keys built at run time are caught by the
 * browser tests (the app reports each missing key it is asked for).
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
  for (const workspace of readdirSync(join(APP, 'workspaces'))) {
    out.set(workspace, Object.fromEntries(LANGUAGES.map((l) => [l, read(join(APP, 'workspaces', workspace, 'locales', `${l}.json`))])));
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gql' ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('i18n resources', () => {
  const all = namespaces();

  it('has the three workspaces and common', () => {
    expect([...all.keys()].sort()).toEqual(['common', 'doctor', 'scheduler', 'specialist']);
  });

  for (const [namespace, languages] of all) {
    it(`${namespace}: the same keys and placeholders in zh-CN and en, none empty`, () => {
      const zh = languages['zh-CN'];
      const en = languages.en;
      expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
      expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
      for (const [key, text] of zh) {
        expect({ key, text: text.trim() === '' }).toEqual({ key, text: false });
        expect({ key, placeholders: placeholders(en.get(key)!) }).toEqual({ key, placeholders: placeholders(text) });
      }
      for (const [key, text] of en) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    });
  }

  it('has every literal key the sources ask for, in both languages', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of sources(APP)) {
      const rel = relative(APP, file).split(sep);
      // A workspace's files use its namespace by default (useTranslation('<workspace>')), the shell common.
      const own = rel[0] === 'workspaces' ? rel[1] : 'common';
      const code = readFileSync(file, 'utf8');
      const declared = /useTranslation\(\s*'(\w+)'/.exec(code)?.[1] ?? (/useTranslation\(\s*\)/.test(code) ? 'common' : own);
      for (const match of code.matchAll(/\bt\(\s*'([\w.:-]+)'/g)) {
        const [namespace, key] = match[1].includes(':') ? match[1].split(':') : [declared, match[1]];
        for (const language of LANGUAGES) {
          checked += 1;
          if (!all.get(namespace)?.[language].has(key)) missing.push(`${relative(repoRoot, file)}: ${language} ${namespace}:${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});
