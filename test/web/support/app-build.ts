import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWeb, repoRoot, webOutDir } from '../../../src/web/build';

const SOURCES = ['src/web/app', 'src/web/client'].map((dir) => join(repoRoot, dir));
const STAMP = join(webOutDir, '.sources-hash');
const LOCK = join(repoRoot, 'dist/.web-build.lock');

function sourcesHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  SOURCES.forEach(walk);
  return hash.digest('hex');
}

/**
 * Builds the app and the consult-room page into dist/web unless the build there is of the
 * current sources. Test files run in parallel workers: one builds, the others wait for it.
 */
export async function ensureWebBuilt(): Promise<void> {
  const wanted = sourcesHash();
  const current = () => (existsSync(STAMP) ? readFileSync(STAMP, 'utf8') : '');
  if (current() === wanted && existsSync(join(webOutDir, 'index.html'))) return;
  mkdirSync(join(repoRoot, 'dist'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than three minutes is from a worker that died mid-build.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 180_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('waited 3 minutes for another worker to build the web app');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (current() === wanted && existsSync(join(webOutDir, 'index.html'))) return;
    await buildWeb();
    writeFileSync(STAMP, wanted);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
