/**
 * The roster optimizer at the two sizes issue 14 sets targets for, the code of this tree against
 * an earlier commit's, alternated in one run (so both see the same machine load):
 *
 *   node -r @swc-node/register bench/optimizer/run.ts                       this tree only, 3 rounds
 *   node -r @swc-node/register bench/optimizer/run.ts --baseline 4d0dc3c    … and that commit's src/, alternated
 *   node -r @swc-node/register bench/optimizer/run.ts --rounds 5 --only medium
 *
 * Targets: 200×100×28 within 0.5 % of the bound in at most 2 s; 1000×500×28 within 0.5 % in at
 * most 8 s and under 1 GiB peak RSS.
 *
 * Every run is its own child process, so peak RSS (resourceUsage().maxRSS, which counts the
 * HiGHS worker thread too) belongs to that run alone. Columns:
 *  - wall: optimizeRoster() from call to result (instance generation not included);
 *  - cpu: CPU time of the whole process during it (main thread + HiGHS worker; on a shared
 *    machine the steadier figure);
 *  - bound: how long the LP bound's HiGHS worker took, from its start to its answer (it runs
 *    beside the search); waited: what the job waited for it after the search;
 *  - search: the local search (construct + improve);
 *  - gap: (bound − objective) / bound of the run itself; gap to best: against the tightest bound
 *    any run of that size reported in this benchmark.
 * Medians over the rounds; the machine is shared, so the load average is printed too.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RosterInput, RosterResult } from '../../src/optimizer/model';
import { generateInstance } from '../../test/optimizer/support/generated-instance';

// eslint-disable-next-line @typescript-eslint/no-var-requires -- patched below to time the HiGHS workers
const workerThreads = require('node:worker_threads') as typeof import('node:worker_threads');

const SIZES = [
  { name: 'medium', specialists: 200, hosts: 100, targetS: 2 },
  { name: 'large', specialists: 1000, hosts: 500, targetS: 8 },
] as const;
const DAYS = 28;
const TARGET_GAP = 0.005;
const GIB = 1024;

interface Measured {
  impl: string;
  size: string;
  wallMs: number;
  cpuMs: number;
  boundMs: number;
  waitMs: number;
  searchMs: number;
  objective: number;
  bound: number | null;
  gap: number | null;
  coverage: string;
  maxRssMb: number;
  heapPeakMb: number;
  iterations: number;
}

/** Child: one optimization, measured. */
async function child(srcDir: string, sizeName: string, impl: string): Promise<Measured> {
  const size = SIZES.find((s) => s.name === sizeName)!;
  // Time the HiGHS workers' lives: the LP bound is solved in one while the search runs.
  let workerMs = 0;
  const Original = workerThreads.Worker;
  workerThreads.Worker = class extends Original {
    constructor(...args: ConstructorParameters<typeof Original>) {
      super(...args);
      const born = performance.now();
      let done = false;
      const end = () => {
        if (!done) workerMs += performance.now() - born;
        done = true;
      };
      // Its answer ends the solve; exit (terminated afterwards) only counts if no answer came.
      this.on('message', (msg: { type?: string }) => msg?.type === 'done' && end());
      this.once('exit', end);
    }
  };
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { optimizeRoster } = require(join(srcDir, 'optimizer')) as { optimizeRoster: (i: RosterInput, c?: object) => Promise<RosterResult> };
  const input = generateInstance({ specialists: size.specialists, hosts: size.hosts, days: DAYS, seed: 2026 });
  input.options = { method: 'local', timeLimitMs: 120_000, seed: 1 };
  let heapPeak = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await optimizeRoster(input, { onProgress: () => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)) });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  const ph = r.stats.phaseMs;
  return {
    impl,
    size: `${size.specialists}×${size.hosts}×${DAYS}`,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    boundMs: workerMs,
    waitMs: ph.BOUND ?? 0,
    searchMs: (ph.CONSTRUCT ?? 0) + (ph.IMPROVE ?? 0),
    objective: r.objective.total,
    bound: r.bound,
    gap: r.gap,
    coverage: `${r.metrics.expertDaysAssigned}/${r.metrics.expertDaysDemanded}`,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapPeakMb: heapPeak / 2 ** 20,
    iterations: r.stats.localSearchIterations,
  };
}

/** The src/ of an earlier commit, unpacked once next to this script (node_modules resolves from the tree). */
function baselineSrc(rev: string): string {
  const sha = execFileSync('git', ['rev-parse', '--short', rev], { encoding: 'utf8' }).trim();
  const dir = resolve(__dirname, '.baseline', sha);
  if (!existsSync(join(dir, 'src', 'optimizer'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${sha} src | tar -x -C "${dir}"`]);
  }
  return join(dir, 'src');
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  if (process.argv.includes('--child')) {
    process.stdout.write(JSON.stringify(await child(arg('--src')!, arg('--size')!, arg('--impl')!)));
    return;
  }
  const rounds = Number(arg('--rounds') ?? 3);
  const only = arg('--only');
  const impls: { name: string; src: string }[] = [];
  const rev = arg('--baseline');
  if (rev) impls.push({ name: `before (${rev})`, src: baselineSrc(rev) });
  impls.push({ name: 'this tree', src: resolve(__dirname, '../../src') });
  const sizes = SIZES.filter((s) => !only || s.name === only);

  const loadBefore = loadavg()[0];
  const runs: Measured[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const size of sizes) {
      // Alternate which goes first, so neither always meets the same neighbour load.
      for (const impl of round % 2 ? impls : [...impls].reverse()) {
        const out = execFileSync(process.execPath, [...process.execArgv, __filename, '--child', '--src', impl.src, '--size', size.name, '--impl', impl.name], {
          encoding: 'utf8',
          maxBuffer: 16 * 2 ** 20,
        });
        const m = JSON.parse(out) as Measured;
        runs.push(m);
        process.stderr.write(
          `round ${round} ${size.name.padEnd(6)} ${impl.name.padEnd(18)} wall ${(m.wallMs / 1000).toFixed(2)} s, cpu ${(m.cpuMs / 1000).toFixed(2)} s, ` +
            `bound ${(m.boundMs / 1000).toFixed(2)} s (waited ${(m.waitMs / 1000).toFixed(2)} s), search ${(m.searchMs / 1000).toFixed(2)} s, ` +
            `objective ${m.objective.toFixed(1)}, bound ${m.bound?.toFixed(1) ?? '-'}, gap ${m.gap === null ? '-' : (100 * m.gap).toFixed(3) + '%'}, ` +
            `maxRSS ${m.maxRssMb.toFixed(0)} MB, load ${loadavg()[0].toFixed(1)}\n`,
        );
      }
    }
  }

  const bestBound = new Map<string, number>();
  for (const m of runs) if (m.bound !== null) bestBound.set(m.size, Math.min(bestBound.get(m.size) ?? Infinity, m.bound));
  const head = ['size', 'code', 'runs', 'wall s', 'cpu s', 'bound s', 'waited s', 'search s', 'objective', 'bound', 'gap', 'gap to best', 'covered', 'maxRSS MB', 'heap MB', 'LS iters', 'target'];
  const lines: string[][] = [];
  for (const size of sizes) {
    for (const impl of impls) {
      const ms = runs.filter((m) => m.impl === impl.name && m.size === `${size.specialists}×${size.hosts}×${DAYS}`);
      if (ms.length === 0) continue;
      const med = (f: (m: Measured) => number) => median(ms.map(f));
      const best = bestBound.get(ms[0].size)!;
      const gap = med((m) => m.gap ?? NaN);
      const gapToBest = med((m) => (best - m.objective) / Math.abs(best));
      const wall = med((m) => m.wallMs) / 1000;
      const rss = med((m) => m.maxRssMb);
      const met = wall <= size.targetS && gapToBest <= TARGET_GAP && (size.name !== 'large' || rss < GIB);
      lines.push([
        ms[0].size,
        impl.name,
        String(ms.length),
        wall.toFixed(2),
        (med((m) => m.cpuMs) / 1000).toFixed(2),
        (med((m) => m.boundMs) / 1000).toFixed(2),
        (med((m) => m.waitMs) / 1000).toFixed(2),
        (med((m) => m.searchMs) / 1000).toFixed(2),
        med((m) => m.objective).toFixed(1),
        med((m) => m.bound ?? NaN).toFixed(1),
        `${(100 * gap).toFixed(3)}%`,
        `${(100 * gapToBest).toFixed(3)}%`,
        ms[0].coverage,
        rss.toFixed(0),
        med((m) => m.heapPeakMb).toFixed(0),
        String(med((m) => m.iterations)),
        `${met ? 'met' : 'MISSED'} (≤ ${size.targetS} s, ≤ ${100 * TARGET_GAP}%${size.name === 'large' ? ', < 1 GiB' : ''})`,
      ]);
    }
  }
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(
    `\nnode ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${loadBefore.toFixed(1)} before / ${loadavg()[0].toFixed(1)} after; medians of ${rounds} round(s)\n`,
  );
  console.log([fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
