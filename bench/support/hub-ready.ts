import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** The URL a hub child process (started with stdout piped) logs once it is ready; rejects if it exits first or takes over 60 s. */
export function hubReady(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('hub did not start in 60 s')), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line);
        if (entry.msg === 'hub ready') { clearTimeout(timer); resolve(entry.url); }
      } catch { /* not JSON */ }
    });
    child.once('exit', (code) => reject(new Error(`hub exited with ${code}`)));
  });
}
