/**
 * Roster optimizer benchmark: generated consortia of three sizes, each case in its own child
 * process so peak memory (maxRSS, which includes the HiGHS worker) belongs to that case alone.
 *
 *   node -r @swc-node/register bench/roster/run.ts            all cases (~6 min on 2 cores)
 *   node -r @swc-node/register bench/roster/run.ts small      cases whose name starts with "small"
 *
 * Gap columns: "gap" is the run's own (bound − objective) / bound; "gap to best bound" uses the
 * tightest bound any run of that size proved (so the local search is measured against HiGHS's
 * bound too); "vs best" compares with the best objective any run of that size reached, which is
 * the optimum where the MILP proves it.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { optimizeRoster } from '../../src/optimizer';
import type { OptimizeMethod, RosterResult } from '../../src/optimizer/model';
import { generateInstance } from '../../test/optimizer/support/generated-instance';

interface Case {
  name: string;
  specialists: number;
  hosts: number;
  method: OptimizeMethod;
  timeLimitMs: number;
}

const DAYS = 28;
const CASES: Case[] = [
  { name: 'small/exact', specialists: 20, hosts: 10, method: 'exact', timeLimitMs: 120_000 },
  { name: 'small/local', specialists: 20, hosts: 10, method: 'local', timeLimitMs: 60_000 },
  { name: 'medium/local', specialists: 200, hosts: 100, method: 'local', timeLimitMs: 60_000 },
  { name: 'medium/exact', specialists: 200, hosts: 100, method: 'exact', timeLimitMs: 120_000 },
  { name: 'large/local', specialists: 1000, hosts: 500, method: 'local', timeLimitMs: 120_000 },
];

interface Measured {
  name: string;
  size: string;
  result: Omit<RosterResult, 'assignments' | 'coverageByHost' | 'coverageByDemand' | 'unmet' | 'pinnedViolations'> & { unmetLines: number };
  wallMs: number;
  maxRssMb: number;
  heapUsedMb: number;
  progressEvents: number;
}

async function runCase(c: Case): Promise<Measured> {
  const input = generateInstance({ specialists: c.specialists, hosts: c.hosts, days: DAYS, seed: 2026 });
  input.options = { method: c.method, timeLimitMs: c.timeLimitMs, seed: 1 };
  let progressEvents = 0;
  let heapPeak = 0;
  const t0 = performance.now();
  const r = await optimizeRoster(input, {
    onProgress: () => {
      progressEvents++;
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    },
  });
  const wallMs = performance.now() - t0;
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  // The per-assignment lists are big and not what a benchmark prints.
  const { assignments: _a, coverageByHost: _h, coverageByDemand: _d, unmet, pinnedViolations: _p, ...rest } = r;
  return {
    name: c.name,
    size: `${c.specialists}×${c.hosts}×${DAYS}`,
    result: { ...rest, unmetLines: unmet.length },
    wallMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb: heapPeak / 2 ** 20,
    progressEvents,
  };
}

function table(rows: Measured[]): string {
  const bestBySize = new Map<string, number>();
  const boundBySize = new Map<string, number>();
  for (const m of rows) {
    bestBySize.set(m.size, Math.max(bestBySize.get(m.size) ?? -Infinity, m.result.objective.total));
    if (m.result.bound !== null) boundBySize.set(m.size, Math.min(boundBySize.get(m.size) ?? Infinity, m.result.bound));
  }
  const pct = (x: number) => `${(100 * x).toFixed(3)}%`;
  const head = ['case', 'size', 'candidates', 'MILP cols×rows', 'wall s', 'maxRSS MB', 'heap MB', 'coverage %', 'objective', 'bound', 'gap', 'gap to best bound', 'vs best', 'status', 'LS iters'];
  const lines = rows.map((m) => {
    const r = m.result;
    const best = bestBySize.get(m.size)!;
    const bound = boundBySize.get(m.size);
    return [
      m.name,
      m.size,
      String(r.stats.candidates),
      r.stats.variables === null ? '-' : `${r.stats.variables}×${r.stats.constraints}`,
      (m.wallMs / 1000).toFixed(1),
      m.maxRssMb.toFixed(0),
      m.heapUsedMb.toFixed(0),
      r.metrics.coveragePercent.toFixed(2),
      r.objective.total.toFixed(1),
      r.bound === null ? '-' : `${r.bound.toFixed(1)} (${r.boundSource})`,
      r.gap === null ? '-' : pct(r.gap),
      bound === undefined ? '-' : pct((bound - r.objective.total) / Math.abs(bound)),
      pct((best - r.objective.total) / Math.abs(best)),
      `${r.status}/${r.stopReason}`,
      String(r.stats.localSearchIterations),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}

async function main() {
  const caseArg = process.argv.indexOf('--case');
  if (caseArg >= 0) {
    const c = CASES.find((x) => x.name === process.argv[caseArg + 1])!;
    process.stdout.write(JSON.stringify(await runCase(c)));
    return;
  }
  const filter = process.argv[2];
  const rows: Measured[] = [];
  // Timings mean little on a busy machine; say how busy it was.
  const loadBefore = loadavg()[0];
  for (const c of CASES.filter((x) => !filter || x.name.startsWith(filter))) {
    process.stderr.write(`running ${c.name} (${c.specialists} specialists × ${c.hosts} hosts × ${DAYS} days, ${c.method}, limit ${c.timeLimitMs / 1000} s)…\n`);
    const out = execFileSync(process.execPath, [...process.execArgv, __filename, '--case', c.name], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const m = JSON.parse(out) as Measured;
    rows.push(m);
    const r = m.result;
    process.stderr.write(
      `  ${(m.wallMs / 1000).toFixed(1)} s, ${r.metrics.expertDaysAssigned}/${r.metrics.expertDaysDemanded} expert-days, ` +
        `objective ${r.objective.total.toFixed(1)} (coverage ${r.objective.coverage}, fairness ${r.objective.fairness.toFixed(1)}, continuity ${r.objective.continuity}, ` +
        `preference ${r.objective.preference}, travel ${r.objective.travel.toFixed(1)}), phases ${JSON.stringify(Object.fromEntries(Object.entries(r.stats.phaseMs).map(([k, v]) => [k, Math.round(v!)])))}, ` +
        `${r.unmetLines} unmet lines, ${m.progressEvents} progress events\n`,
    );
  }
  console.log(`\nnode ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${loadBefore.toFixed(1)} before / ${loadavg()[0].toFixed(1)} after\n`);
  console.log(table(rows));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
