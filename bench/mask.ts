/**
 * The masking benchmark: `npx tsx bench/mask.ts [--json] [--quick]`.
 *
 * On the generated support-chat corpus (bench/corpus.ts) and on presidio-research's synthetic
 * set (bench/presidio.ts), for ours and each peer in bench/peers.ts: throughput (MB/s of UTF-8
 * input on one thread, every call timed, after untimed warm-up passes; the median of up to five
 * timed passes), p50/p99 per turn, and precision/recall per entity type and overall with F2
 * (span match, see bench/score.ts). `--quick` uses 120 conversations and 400 presidio sentences.
 * Never part of `npm test`: it lives outside the folders vitest collects.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.js';
import { loadPresidio, type Half } from './presidio.js';
import { builtMasker } from './built-masker.js';
import { maskRatio } from './mask-ratio.js';
import { loadPeers, runners, type BenchItem, type Runner } from './peers.js';
import { score, type Report, type ScoredItem, type Span } from './score.js';
import { ENTITY_TYPES, type EntityType } from '../server/masking/types.js';
import { detect } from '../server/masking/detectors.js';

interface Corpus {
  name: string;
  notes: string[];
  items: (BenchItem & { gold: Span<EntityType>[]; ignore?: Span[]; half?: Half })[];
}

interface Result extends Report {
  name: string;
  spans_from: string;
  mb_per_s: number;
  p50_ms: number;
  p99_ms: number;
  alignment_failures?: number;
  /** The presidio set's development and held-out halves scored apart (bench/presidio.ts). */
  halves?: Partial<Record<Half, Report>>;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

function progress(line: string, done = false): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${line}${done ? '\n' : ''}`);
  else if (done) process.stderr.write(`${line}\n`);
}

/** Runs every item once, timing each call; returns the results and the per-item milliseconds. */
async function timedPass(
  runner: Runner,
  items: BenchItem[],
  label: string,
): Promise<{ results: unknown[]; times: number[] }> {
  const results: unknown[] = [];
  const times: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const t0 = performance.now();
    let r = runner.redact(items[i]!);
    if (r instanceof Promise) r = await r;
    times.push(performance.now() - t0);
    results.push(r);
    if (i % 250 === 0) progress(`${label}: ${i}/${items.length}`);
  }
  return { results, times };
}

async function measure(runner: Runner, corpus: Corpus): Promise<Result> {
  const { items } = corpus;
  const label = `[${corpus.name}] ${runner.name}`;
  const bytes = items.reduce((n, it) => n + Buffer.byteLength(it.text, 'utf8'), 0);
  // Warm-up: untimed passes (at least one, up to five, about a second) so that the JIT and the
  // regex tier-up have settled before anything is timed.
  const warmUntil = performance.now() + 1000;
  for (let pass = 0; pass < 5 && (pass === 0 || performance.now() < warmUntil); pass++) {
    for (const item of items) await runner.redact(item);
  }
  // Timed passes (at least one, up to five, about a second): throughput is the median pass,
  // latencies are over every timed call; the first pass's results are scored.
  const passes: { results: unknown[]; times: number[] }[] = [];
  const timeUntil = performance.now() + 1000;
  while (passes.length === 0 || (passes.length < 5 && performance.now() < timeUntil))
    passes.push(await timedPass(runner, items, label));
  const perPass = passes.map((p) => bytes / 1e6 / (p.times.reduce((a, b) => a + b, 0) / 1000)).sort((a, b) => a - b);
  const times = passes.flatMap((p) => p.times).sort((a, b) => a - b);
  // Spans are recovered after timing: aligning a peer's redacted text is our cost, not theirs.
  const first = passes[0]!.results;
  const scored: ScoredItem[] = items.map((item, i) => ({
    gold: item.gold,
    ignore: item.ignore,
    predicted: runner.spans(item, first[i]),
  }));
  const result: Result = {
    name: runner.name,
    spans_from: runner.spansFrom,
    mb_per_s: perPass[Math.floor(perPass.length / 2)]!,
    p50_ms: quantile(times, 0.5),
    p99_ms: quantile(times, 0.99),
    ...score(scored),
  };
  if (runner.alignmentFailures) result.alignment_failures = runner.alignmentFailures();
  if (items.some((it) => it.half)) {
    const halves: Partial<Record<Half, Report>> = {};
    for (const half of ['dev', 'held-out'] as const)
      halves[half] = score(scored.filter((_, i) => items[i]!.half === half));
    result.halves = halves;
  }
  progress(`${label}: ${items.length} turns, ${result.mb_per_s.toFixed(2)} MB/s, F2 ${result.f2.toFixed(3)}`, true);
  return result;
}

function generated(quick: boolean): Corpus {
  const turns = generateCorpus({ conversations: quick ? 120 : 800 });
  return {
    name: 'generated',
    notes: [
      `${turns.length} chat turns from ${new Set(turns.map((t) => t.conversation)).size} conversations ` +
        `(seed 20260301${quick ? ', --quick' : ''})`,
      '"ours" is told the ticket\'s customer and agent names, as in ' +
        'production; "ours (no known names)" is not, like the peers',
    ],
    items: turns.map((t) => ({
      id: t.id,
      conversation: t.conversation,
      text: t.text,
      known: t.known.names,
      gold: t.entities,
    })),
  };
}

function presidio(quick: boolean): Corpus | string {
  const set = loadPresidio();
  if (typeof set === 'string') return set;
  const items = (quick ? set.items.slice(0, 400) : set.items).map((it, i) => ({
    id: `p${i}`,
    conversation: `p${i}`,
    text: it.text,
    known: [],
    gold: it.gold,
    ignore: it.ignore,
    half: it.half,
  }));
  const unscored = Object.entries(set.unscored)
    .map(([t, n]) => `${t} (${n})`)
    .join(', ');
  return {
    name: 'presidio',
    notes: [
      `${items.length} sentences; no ticket, so no known names for anyone`,
      `not scored (no counterpart of ours; predictions on them are left out): ${unscored}`,
      'NINO and DOB have no presidio label (its DATE_TIME is any date), so they are not scored here',
      'halves: even sentences are the development half (its misses were read while improving the detectors), ' +
        'odd ones are held out (never read)',
    ],
    items,
  };
}

const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '-');

const HEADINGS = ['MB/s', 'p50 ms', 'p99 ms', 'precision', 'recall', 'F2'];
function table(corpus: Corpus, results: Result[]): string {
  const mb = corpus.items.reduce((n, it) => n + Buffer.byteLength(it.text, 'utf8'), 0) / 1e6;
  const lines = [
    `== ${corpus.name}: ${corpus.items.length} texts, ${mb.toFixed(2)} MB ==`,
    ...corpus.notes.map((n) => `   ${n}`),
    '',
  ];
  const w = Math.max(...results.map((r) => r.name.length)) + 2;
  lines.push(`${'detector'.padEnd(w)}${HEADINGS.map((h) => h.padStart(10)).join('')}   spans from`);
  for (const r of results) {
    const cells = [fmt(r.mb_per_s, 2), fmt(r.p50_ms), fmt(r.p99_ms), fmt(r.precision), fmt(r.recall), fmt(r.f2)];
    const note = r.alignment_failures ? `${r.spans_from}; ${r.alignment_failures} not alignable` : r.spans_from;
    lines.push(`${r.name.padEnd(w)}${cells.map((c) => c.padStart(10)).join('')}   ${note}`);
  }
  lines.push(
    '',
    'per type: recall / precision (gold: labelled spans of that type; ' +
      'precision "-" when nothing of that type was predicted)',
  );
  const cw = Math.max(16, ...results.map((r) => r.name.length + 2));
  lines.push(`${'type'.padEnd(9)}${'gold'.padStart(6)}  ${results.map((r) => r.name.padEnd(cw)).join('')}`);
  for (const t of [...ENTITY_TYPES, 'OTHER']) {
    const gold = results[0]!.perType[t]?.gold ?? 0;
    if (!results.some((r) => r.perType[t])) continue;
    const cells = results.map((r) => {
      const c = r.perType[t];
      if (!c) return '-'.padEnd(cw);
      const rec = c.gold ? fmt(c.recall) : '  -  ';
      const prec = c.predicted ? fmt(c.precision) : '  -  ';
      return `${rec} / ${prec}`.padEnd(cw);
    });
    lines.push(`${t.padEnd(9)}${String(gold).padStart(6)}  ${cells.join('')}`);
  }
  const halves = results.filter((r) => r.halves);
  if (halves.length) lines.push('', 'by half: recall / precision, overall and per type');
  for (const r of halves)
    for (const [half, rep] of Object.entries(r.halves!)) {
      const types = Object.entries(rep.perType).map(([t, c]) => `${t} ${fmt(c.recall)} / ${fmt(c.precision)}`);
      lines.push(`${r.name} ${half}: ${fmt(rep.recall)} / ${fmt(rep.precision)}; ${types.join('; ')}`);
    }
  return lines.join('\n');
}

const compact = (r: Result) => ({
  name: r.name,
  spans_from: r.spans_from,
  mb_per_s: r.mb_per_s,
  p50_ms: r.p50_ms,
  p99_ms: r.p99_ms,
  precision: r.precision,
  recall: r.recall,
  f2: r.f2,
  ...(r.alignment_failures === undefined ? {} : { alignment_failures: r.alignment_failures }),
  ...(r.halves ? { halves: r.halves } : {}),
  per_type: r.perType,
});

/** The masking figures (`mask_*`), the readable tables, and every corpus's full results. */
export async function maskBench(o: {
  quick: boolean;
}): Promise<{ figures: Record<string, number | string>; text: string; corpora: Record<string, unknown> }> {
  const corpora = [generated(o.quick), presidio(o.quick)];
  const figures: Record<string, number | string> = {};
  const byCorpus: Record<string, unknown> = {};
  const text: string[] = [];
  const peers = await loadPeers();
  const createMasker = await builtMasker();
  if (!peers)
    text.push(
      '== peers: not installed, so ours is measured alone; `npm run bench:peers` installs them (bench/peers/) ==\n',
    );
  for (const corpus of corpora) {
    if (typeof corpus === 'string') {
      byCorpus.presidio = { skipped: corpus };
      text.push(`== presidio: ${corpus} ==\n`);
      continue;
    }
    const results: Result[] = [];
    // Presidio sentences come without a ticket, so "ours" there is already "ours without known names".
    const chosen = runners(peers, createMasker).filter(
      (r) => corpus.name === 'generated' || r.name !== 'ours (no known names)',
    );
    for (const runner of chosen) results.push(await measure(runner, corpus));
    byCorpus[corpus.name] = { texts: corpus.items.length, notes: corpus.notes, detectors: results.map(compact) };
    text.push(`${table(corpus, results)}\n`);
    if (corpus.name === 'generated') {
      const ours = results.find((r) => r.name === 'ours')!;
      const peer = results.filter((r) => !r.name.startsWith('ours')).sort((a, b) => b.f2 - a.f2)[0];
      Object.assign(figures, {
        mask_mb_per_s: ours.mb_per_s,
        mask_p50_ms: ours.p50_ms,
        mask_p99_ms: ours.p99_ms,
        mask_precision: ours.precision,
        mask_recall: ours.recall,
        mask_f2: ours.f2,
        ...(peer
          ? {
              mask_peer: peer.name,
              mask_peer_mb_per_s: peer.mb_per_s,
              mask_peer_precision: peer.precision,
              mask_peer_recall: peer.recall,
              mask_peer_f2: peer.f2,
            }
          : {}),
      });
    }
    if (corpus.name === 'presidio') {
      const ours = results.find((r) => r.name === 'ours')!;
      const held = ours.halves?.['held-out'];
      Object.assign(figures, {
        mask_presidio_recall: ours.recall,
        mask_presidio_precision: ours.precision,
        ...(held
          ? { mask_presidio_recall_held_out: held.recall, mask_presidio_precision_held_out: held.precision }
          : {}),
      });
    }
  }
  // The ratio to the peer is measured in turn, round by round (mask-ratio.ts): timed one after the other, as above, the
  // load moving between the two decides it.
  const inTurn = peers ? await maskRatio(o.quick ? 5 : 20, createMasker) : null;
  if (inTurn && typeof inTurn === 'object') {
    figures.mask_peer_throughput_ratio = inTurn.mask_peer_ratio!;
    text.push(
      `== in turn with redact-pii, ${inTurn.rounds} rounds of the generated corpus: ours ${inTurn.mask_mb_per_s!.toFixed(2)} ` +
        `MB/s, redact-pii ${inTurn.mask_peer_mb_per_s!.toFixed(2)} MB/s, ratio ${inTurn.mask_peer_ratio!.toFixed(2)} ` +
        '(median of the rounds) ==\n',
    );
  }
  const patho = pathologicalBench();
  Object.assign(figures, patho.figures);
  text.push(
    `== pathological texts: slowest ` +
      `${patho.figures.mask_pathological_max_ms!.toFixed(1)} ms ` +
      `(${patho.worst}) at 20,000 repeats; time grows as ` +
      `size^${patho.figures.mask_pathological_exponent!.toFixed(2)} at most ` +
      `(20,000 to 80,000 repeats) ==\n`,
  );
  return { figures, text: text.join('\n'), corpora: byCorpus };
}

/**
 * Texts that make a careless regex backtrack: the ones server/masking/detectors.test.ts checks for
 * what is found, timed here. `mask_pathological_max_ms` is the slowest of them at 20,000 repeats;
 * `mask_pathological_exponent` the largest k in time ∝ size^k between 20,000 and 80,000 repeats
 * (1 when linear, 2 when quadratic). A time is the best of five batches of calls, each batch at
 * least 20 ms long, after a warm-up: on a shared machine the best is the least disturbed.
 */
const PATHOLOGICAL: [string, (n: number) => string][] = [
  ['digit groups', (n) => '1 '.repeat(n)],
  ['capitalised words', (n) => 'Aaaa '.repeat(n)],
  ['an endless local part', (n) => `${'a.'.repeat(n)}@`],
  ['address-like runs', (n) => `12 ${'Aaa '.repeat(n)}`],
  ['colons', (n) => 'abcd:'.repeat(n)],
  ['titles', (n) => 'Mr '.repeat(n)],
];

export function pathologicalBench(): { figures: Record<string, number>; worst: string } {
  const known = { names: ['Aaaa Bbbb'] };
  const time = (text: string) => {
    detect(text, known);
    let calls = 1;
    for (let t0 = performance.now(); performance.now() - t0 < 20; calls++) detect(text, known);
    let best = Infinity;
    for (let b = 0; b < 5; b++) {
      const t0 = performance.now();
      for (let i = 0; i < calls; i++) detect(text, known);
      best = Math.min(best, (performance.now() - t0) / calls);
    }
    return best;
  };
  let max = 0;
  let exponent = 0;
  let worst = '';
  for (const [name, make] of PATHOLOGICAL) {
    const small = time(make(20_000));
    const large = time(make(80_000));
    if (small > max) [max, worst] = [small, name];
    exponent = Math.max(exponent, Math.log(large / small) / Math.log(4));
  }
  return { figures: { mask_pathological_max_ms: max, mask_pathological_exponent: exponent }, worst };
}

// Run on its own: `npx tsx bench/mask.ts [--json] [--quick]`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = new Set(process.argv.slice(2));
  const r = await maskBench({ quick: args.has('--quick') });
  console.log(args.has('--json') ? JSON.stringify({ ...r.figures, corpora: r.corpora }, null, 2) : r.text);
}
