import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

// From sources (src/web) or compiled (dist/src/web), the repository root is found the same way.
export const repoRoot = resolve(__dirname, __dirname.split(sep).includes('dist') ? '../../..' : '../..');
export const webOutDir = join(repoRoot, 'dist/web');

/** Bundles the browser pages into dist/web (run by `npm run build`). */
export async function buildWebClient(outDir = webOutDir): Promise<string> {
  const sources = join(repoRoot, 'src/web/client');
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(sources, 'room.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    sourcemap: true,
    outfile: join(outDir, 'room.js'),
    logLevel: 'warning',
  });
  for (const file of ['room.html', 'room.css']) copyFileSync(join(sources, file), join(outDir, file));
  return outDir;
}

if (require.main === module) {
  buildWebClient().then((dir) => console.log(`web client built into ${dir}`), (error) => {
    console.error(error);
    process.exit(1);
  });
}
