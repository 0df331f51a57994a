/**
 * `npm run bench [-- --json] [-- --quick]`: every Candor benchmark, on data it generates from a
 * seed. Progress goes to stderr, one line a step; stdout gets a readable table, or with `--json`
 * one JSON object whose keys are the figure names (milliseconds unless the name says otherwise).
 * `--quick` runs a smaller version in under two minutes. Never part of `npm test`.
 */
import os from 'node:os';
import { coreBench } from './core.js';
import { maskBench } from './mask.js';
import { realtimeBench } from './realtime.js';
import { postgresBench } from './postgres.js';
import { articlesBench } from './articles.js';

/** The goals the figures are held to (README, Performance). */
const GOALS: Record<string, [string, (v: number, all: Record<string, number>) => boolean]> = {
  context_p99_ms: ['<= 5', (v) => v <= 5],
  context_p50_ms_1m: ['within 1.5x of the 10k figure', (v, all) => v <= 1.5 * all.context_p50_ms_10k!],
  suggest_p99_ms: ['<= 10', (v) => v <= 10],
  socket_p99_ms: ['<= 50', (v) => v <= 50],
  fanout_p99_ms: ['<= 100', (v) => v <= 100],
  socket_p99_ms_disk_stress: ['within 2x of the quiet figure', (v, all) => v <= 2 * all.socket_p99_ms!],
  fanout_p99_ms_disk_stress: ['within 2x of the quiet figure', (v, all) => v <= 2 * all.fanout_p99_ms!],
  socket_p99_ms_cpu_disk_stress: ['within 2x of the quiet figure', (v, all) => v <= 2 * all.socket_p99_ms!],
  fanout_p99_ms_cpu_disk_stress: ['within 2x of the quiet figure', (v, all) => v <= 2 * all.fanout_p99_ms!],
  rss_mb_1000: ['<= 300', (v) => v <= 300],
  ingest_facts_per_s: ['>= 20,000', (v) => v >= 20_000],
  mask_mb_per_s: ['>= 5', (v) => v >= 5],
  mask_precision: ['>= 0.95', (v) => v >= 0.95],
  mask_recall: ['>= 0.92', (v) => v >= 0.92],
  mask_f2: ['>= 0.95', (v) => v >= 0.95],
  mask_peer_throughput_ratio: ['>= 2.5 (the best peer, same run)', (v) => v >= 2.5],
  mask_presidio_recall: ['>= 0.70', (v) => v >= 0.7],
  mask_presidio_precision: ['>= 0.90', (v) => v >= 0.9],
  mask_pathological_max_ms: ['<= 1000', (v) => v <= 1000],
  mask_pathological_exponent: ['< 2 (linear: 1, quadratic: 2)', (v) => v < 2],
  llm_overhead_p50_ms: ['<= 5', (v) => v <= 5],
  encryption_cost_context_pct: ['<= 15', (v) => v <= 15],
  encryption_cost_suggest_pct: ['<= 15', (v) => v <= 15],
  encryption_cost_ingest_pct: ['<= 15', (v) => v <= 15],
};

/**
 * A PostgreSQL server the benchmark may create databases on; without one the PostgreSQL figures are left out (and the
 * notes say so).
 */
const pgUrl = process.env.CANDOR_BENCH_DATABASE_URL;

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const json = args.has('--json');
const progress = (line: string) => process.stderr.write(`${line}\n`);

const started = Date.now();
const only = [...args].find((a) => a.startsWith('--only='))?.slice('--only='.length);
const all: [string, () => Promise<{ figures: Record<string, number>; notes: string[] }>][] = [
  ['core', () => coreBench({ quick, progress })],
  ['realtime', () => realtimeBench({ quick, progress })],
  ['articles', () => articlesBench({ quick, progress, pgUrl })],
  ...(pgUrl
    ? [
        ['postgres', () => postgresBench({ quick, progress, url: pgUrl })] as [
          string,
          () => ReturnType<typeof postgresBench>,
        ],
      ]
    : []),
];
/** `--only=articles` runs one part (and skips masking): a quicker look at one figure. */
const parts = only ? all.filter(([name]) => name === only) : all;
const figures: Record<string, number | string> = {};
const notes: string[] = pgUrl
  ? []
  : [
      'pg_context_p99_ms and fanout_2servers_p99_ms: not measured; set ' +
        'CANDOR_BENCH_DATABASE_URL to a PostgreSQL server the benchmark may ' +
        'create databases on',
    ];
for (const [name, run] of parts) {
  progress(`== ${name}`);
  const r = await run();
  Object.assign(figures, r.figures);
  notes.push(...r.notes);
}
progress('== masking');
const mask = only ? { figures: {}, text: '' } : await maskBench({ quick });
Object.assign(figures, mask.figures);
const cpu = os.cpus()[0]?.model ?? 'cpu';
const machine = `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`;

if (json) {
  console.log(
    JSON.stringify({ ...figures, notes, machine, quick, seconds: Math.round((Date.now() - started) / 1000) }, null, 2),
  );
} else {
  const numbers = Object.fromEntries(
    Object.entries(figures).filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
  const rows = Object.entries(figures).map(([k, v]) => {
    const goal = GOALS[k];
    const met = goal && typeof v === 'number' ? (goal[1](v, numbers) ? 'met' : 'MISSED') : '';
    const shown = typeof v === 'number' ? (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(3)) : v;
    return `${k.padEnd(24)}${String(shown).padStart(14)}   ${(goal?.[0] ?? '').padEnd(28)}${met}`;
  });
  console.log(
    [
      `Candor benchmarks${quick ? ' (--quick)' : ''}: ${new Date().toISOString().slice(0, 10)}, ${machine}`,
      '',
      `${'figure'.padEnd(24)}${'value'.padStart(14)}   ${'goal'.padEnd(28)}`,
      ...rows,
      '',
      ...notes.map((n) => `- ${n}`),
      '',
      mask.text,
    ].join('\n'),
  );
}
