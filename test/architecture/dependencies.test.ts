import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The layering of src/ (.dependency-cruiser.js): no import cycle; graphql/, events/, auth/ and
 * db/ import no domain; nothing but the entry point imports server/ (the composition root);
 * the optimizer stays pure. dependency-cruiser reads the real imports of every file.
 */
interface Violation { rule: string; from: string; to: string; cycle?: string[] }

const root = path.join(__dirname, '../..');
const cruise = (dir = root): { modules: number; violations: Violation[] } =>
  JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'cruise.mjs'), dir], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));

describe('dependencies between the folders of src/', () => {
  it('have no cycle and no import that points up a layer', () => {
    const { modules, violations } = cruise();
    expect(modules).toBeGreaterThan(150); // it did read the tree
    const described = violations.map((v) => `${v.rule}: ${v.from} -> ${v.to}${v.cycle ? ` (cycle ${v.cycle.join(' -> ')})` : ''}`);
    expect(described).toEqual([]);
  });

  it('are checked for real: a lower layer importing a domain in a cycle is caught', () => {
    const { violations } = cruise(path.join(__dirname, 'fixture'));
    expect(violations).toEqual(expect.arrayContaining([
      expect.objectContaining({ rule: 'lower-layer-imports-domain', from: 'src/events/bus.ts', to: 'src/roster/service.ts' }),
      expect.objectContaining({ rule: 'no-circular' }),
    ]));
  });
});
