import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/web/build';

/** The app's typed operations (src/web/app/gql) are what `npm run codegen` makes from schema/ now. */
it('has the generated operations in sync with schema/schema.graphql and the app\'s documents', () => {
  const output = execFileSync(process.execPath, ['-r', '@swc-node/register', 'test/web/support/codegen-output.ts'], { cwd: repoRoot, maxBuffer: 64 << 20 });
  const files = JSON.parse(output.toString()) as { filename: string; content: string }[];
  expect(files.length).toBeGreaterThanOrEqual(3);
  for (const file of files) {
    const checkedIn = readFileSync(join(repoRoot, file.filename), 'utf8');
    // A failure here means: run `npm run codegen` and commit src/web/app/gql.
    expect({ file: file.filename, stale: checkedIn !== file.content }).toEqual({ file: file.filename, stale: false });
  }
}, 60_000);
