import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

// From sources (src/web) or compiled (dist/src/web), the repository root is found the same way.
export const repoRoot = resolve(__dirname, __dirname.split(sep).includes('dist') ? '../../..' : '../..');
export const webOutDir = join(repoRoot, 'dist/web');

/** Bundles the consult-room page (src/web/client) into dist/web. */
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

/**
 * Builds the React app (src/web/app) with vite into dist/web: index.html and hashed assets/.
 * NOTE: vite 8 is an ES module and the hub compiles to CommonJS, so it runs as its own
 * process (its CLI) rather than through require().
 */
export function buildWebApp(): Promise<void> {
  const vite = join(repoRoot, 'node_modules/vite/bin/vite.js');
  // Old hashed files would pile up (the folder is shared with the room page, so not emptied whole).
  rmSync(join(webOutDir, 'assets'), { recursive: true, force: true });
  return new Promise((resolveBuild, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--config', join(repoRoot, 'src/web/app/vite.config.mts'), '--logLevel', 'warn'], {
      cwd: repoRoot,
      // Jest sets NODE_ENV=test, which would give a development build of React and antd.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolveBuild() : reject(new Error(`vite build failed (exit ${code})`))));
  });
}

/** Everything the hub serves to browsers: the app at `/` and the consult-room page at `/room`. */
export async function buildWeb(): Promise<string> {
  await buildWebApp();
  return buildWebClient();
}

if (require.main === module) {
  buildWeb().then((dir) => console.log(`web app and consult room built into ${dir}`), (error) => {
    console.error(error);
    process.exit(1);
  });
}
