import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { catalogue } from '../../src/i18n/catalogue';
import { LANGUAGES } from '../../src/i18n/language';
import { translate } from '../../src/i18n/translate';
import { RULE_KEY, stateMessage, UNMET_KEY } from '../../src/roster/sentences';
import { AssignmentState, DemandState, JobState, RosterState } from '../../src/roster/kinds';
import { say } from '../../src/i18n/translate';

/**
 * Every sentence a person can get from the hub is a catalogue key with a zh-CN and an en text:
 * the domain errors (thrown through errors.ts), the stored sentences (job errors, unmet-demand
 * reasons, rule violations, booking reasons: message(...)) and the validators' (says(...)).
 * Read from the source itself, so a new throw site with a plain sentence fails here.
 */
const ROOT = join(__dirname, '../../src');
const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  if (statSync(path).isDirectory()) return name === 'web' ? [] : files(path);
  return path.endsWith('.ts') ? [path] : [];
});

/** Which argument of each call is the sentence's key. */
const KEY_ARGUMENT: Record<string, number> = { badInput: 1, conflict: 0, forbidden: 0, unauthenticated: 0, notFound: 0, DomainError: 1, message: 0, says: 0, translate: 1 };

interface Site { where: string; callee: string; key: string | null; text: string; template: string | null }

function sites(): Site[] {
  const out: Site[] = [];
  for (const path of files(ROOT)) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text in KEY_ARGUMENT) {
        const callee = node.expression.text;
        const arg = node.arguments?.[KEY_ARGUMENT[callee]];
        if (arg) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          const template = ts.isNoSubstitutionTemplateLiteral(arg) ? arg.text : ts.isTemplateExpression(arg) ? arg.head.text : null;
          out.push({ where: `${relative(ROOT, path)}:${line + 1}`, callee, key: ts.isStringLiteral(arg) ? arg.text : null, text: arg.getText(), template });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

const sentence = (key: string) => {
  const [domain, name] = key.split('.');
  return (catalogue as Record<string, Record<string, Record<string, string>> | undefined>)[domain]?.[name];
};

describe('sentences a person reads from the hub', () => {
  const found = sites();

  it('finds the throw sites and stored sentences in the source', () => {
    // Enough to know the scan works: rosters, bookings, the optimizer and the rest all throw.
    expect(found.length).toBeGreaterThan(300);
    expect(found.map((s) => s.where)).toEqual(expect.arrayContaining([expect.stringMatching(/^roster\/job-runner\.ts:/), expect.stringMatching(/^optimizer\/problem\.ts:/), expect.stringMatching(/^booking\/clinic\.ts:/)]));
  });

  it('never gives a plain sentence (a template that is not a key) where a catalogue key belongs', () => {
    // A key built from a value is fine when its domain and name start are fixed (`booking.${half}`).
    const plain = found.filter((s) => s.template && !/^\w+\.\w*$/.test(s.template));
    expect(plain.map((s) => `${s.where} ${s.callee}(${s.text.slice(0, 60)})`)).toEqual([]);
  });

  it('has a zh-CN and an en text for every key named at a throw site or stored', () => {
    const missing = found.filter((s) => s.key !== null).flatMap((s) => {
      const texts = sentence(s.key!);
      return LANGUAGES.filter((l) => !texts?.[l]?.trim()).map((l) => `${s.where} ${s.key} (${l})`);
    });
    expect(missing).toEqual([]);
  });

  it("has both languages for every rule violation and unmet-demand reason the optimizer can give", () => {
    const keys = [...Object.values(RULE_KEY), ...Object.values(UNMET_KEY)];
    expect(keys.length).toBe(17 + 7);
    for (const key of keys) {
      const texts = sentence(key)!;
      const values = Object.fromEntries([...texts.en.matchAll(/\{\{(\w+)\}\}/g)].map((m) => [m[1], `‹${m[1]}›`]));
      for (const language of LANGUAGES) {
        const said = translate(language, key, values);
        expect({ key, language, left: said.includes('{{'), named: Object.values(values).every((v) => said.includes(v)) }).toEqual({ key, language, left: false, named: true });
      }
    }
  });

  it('says every roster, job, demand and assignment state named inside a sentence in both languages', () => {
    const states = [...Object.values(RosterState), ...Object.values(JobState), ...Object.values(DemandState), ...Object.values(AssignmentState)];
    const lower = [...Object.values(RosterState), ...Object.values(DemandState)];
    for (const [state, isLower] of [...states.map((x) => [x, false] as const), ...lower.map((x) => [x, true] as const)]) {
      for (const language of LANGUAGES) {
        const said = say(language, stateMessage(state, isLower));
        // i18next answers the key itself when a sentence is missing.
        expect({ state, isLower, language, said: said.startsWith('roster.') ? 'missing' : 'ok' }).toEqual({ state, isLower, language, said: 'ok' });
      }
    }
  });
});
