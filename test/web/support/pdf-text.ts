import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../../src/web/build';

const run = promisify(execFile);

// pdf.js ships as ES modules only; jest runs these tests as CommonJS, so the text is read by a
// short Node script (the same pdfjs-dist the app uses for its PDF previews). pdf.js 5 expects
// Promise.withResolvers (Node 22); on Node 20 the script adds it first.
const SCRIPT = `
import { readFileSync } from 'node:fs';
Promise.withResolvers ??= () => { let resolve, reject; const promise = new Promise((y, n) => { resolve = y; reject = n; }); return { promise, resolve, reject }; };
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
const doc = await getDocument({ data: new Uint8Array(readFileSync(process.argv[1])), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const content = await (await doc.getPage(n)).getTextContent();
  pages.push(content.items.map((i) => i.str ?? '').join(' '));
}
process.stdout.write(JSON.stringify(pages));
`;

/** The text pdf.js finds on each page of a PDF, as a reader's viewer would show it. */
export async function pdfPageTexts(pdf: Buffer): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-text-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', SCRIPT, file], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(stdout) as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
