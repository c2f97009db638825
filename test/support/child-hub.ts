import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { TestHub } from './hub';

export interface ChildHub {
  process: ChildProcess;
  url: string;
  /** Lines the child logged after it was ready. */
  lines: string[];
  stop(): Promise<number | null>;
}

/**
 * A second hub process (`src/main.ts`, as `npm run dev` starts it) on the same database as
 * `t`, sharing its secrets: what one process does, the other must see through PostgreSQL.
 */
export async function startChildHub(t: TestHub, env: Record<string, string> = {}): Promise<ChildHub> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: `${__dirname}/../..`,
    env: {
      ...process.env, DATABASE_URL: t.database.url, PORT: '0', HOST: '127.0.0.1', JWT_SECRET: t.config.jwtSecret,
      NATIONAL_ID_KEY: t.config.nationalIdKey, SEED_DEMO: 'false', MEDIA_ENABLED: 'false', LOG_LEVEL: 'info', ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('second hub did not become ready in 40 s')), 40_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      try {
        const entry = JSON.parse(line);
        if (entry.msg === 'hub ready') {
          clearTimeout(timer);
          resolve(entry.url);
        }
      } catch { /* not a log line */ }
    });
    child.once('exit', (code) => reject(new Error(`second hub exited with ${code}`)));
  });
  return {
    process: child,
    url,
    lines,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    },
  };
}
