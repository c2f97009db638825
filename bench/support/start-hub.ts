import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { hubReady } from './hub-ready';

const ROOT = `${__dirname}/../..`;
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

export interface BenchHub {
  child: ChildProcess;
  url: string;
}

/**
 * The hub as its own process, run as `npm start` runs it: compiled (the server part of `npm run
 * build`, tsc -p src, about 10 s), NODE_ENV=production, with the V8 flags of the start script.
 * Through @swc-node/register (--hub=swc) every refusal's stack is mapped by source-map-support,
 * which production does not load: about 5% of the booking bench's hub CPU.
 * --profile=DIR: the hub writes a CPU profile there when it stops.
 */
export async function startBenchHub(env: Record<string, string>): Promise<BenchHub> {
  const swc = option('hub') === 'swc';
  if (!swc) execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'src'], { cwd: ROOT, stdio: 'inherit' });
  const profile = option('profile');
  const child = spawn(process.execPath, [
    '--max-semi-space-size=64',
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    ...(swc ? ['-r', '@swc-node/register', 'src/main.ts'] : ['dist/src/main.js']),
  ], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: 'info', MEDIA_ENABLED: 'false', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return { child, url: await hubReady(child) };
}
