/**
 * This checkout's masker against another version of it, side by side, for a change to server/masking/ whose gain is a
 * few per cent: `npx tsx bench/mask-compare.ts <commit> [--pairs N] [--rounds N] [--quick] [--json]`, or `--dir <folder>`
 * for a folder that holds a copy of server/masking/ (an experiment not yet committed). `--quick` masks 120 conversations
 * a pass instead of 800, as the other benchmarks' `--quick` does.
 *
 * Two runs of the benchmark minutes apart differ by more than a few per cent on these shared machines, so both maskers
 * run in one process, one pass of the generated corpus each in turn (which goes first alternating), and each round's
 * ratio is of two passes taken a few tens of milliseconds apart. One process is not enough either: with identical
 * code, the masker a process loads second ran 1–7 % slower than the one it loaded first (2026-12-07, four pairs of
 * processes). So a pair is two processes, one loading this checkout's masker second and one the other's, and its
 * figure is the geometric mean of their two ratios, in which that bias cancels (identical code: 0.98–1.01). The
 * figure printed is the median of the pairs'.
 *
 * The other version is copied into a temporary folder whichever way it is given, with a package.json beside it that
 * says `"type": "module"`, as ours does: without one tsx compiles the copy as CommonJS, and the same source measured
 * 1.04–1.10x slower (0.96–1.00 with it).
 *
 * It also says whether the change altered the output: the turns of the corpus whose spans differ between the two.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT } from '../server/config.js';
import { esModuleFolder } from './built-masker.js';
import { generateCorpus } from './corpus.js';
import { quantile } from './stats.js';

const HERE = path.join(ROOT, 'server/masking');
/** Untimed rounds first: both maskers compiled and warm before a ratio counts. */
const WARMUP = 3;

interface MaskerModule {
  createMasker(known: { names: string[] }): {
    maskWithEntities(text: string): { entities: { type: string; start: number; end: number }[] };
  };
}

async function loadMasker(dir: string): Promise<MaskerModule> {
  const m = (await import(pathToFileURL(path.join(dir, 'masker.ts')).href)) as Partial<MaskerModule>;
  if (typeof m.createMasker !== 'function')
    throw new Error(`${dir}/masker.ts has no createMasker: not a copy of server/masking/`);
  return m as MaskerModule;
}

const corpus = (quick: boolean) => generateCorpus({ conversations: quick ? 120 : 800 });
type Turn = ReturnType<typeof corpus>[number];

/** One pass over the corpus, a masker per conversation as the server makes them; its spans when asked for. */
function pass(m: MaskerModule, turns: Turn[], spans?: string[]): number {
  const t0 = performance.now();
  let conversation = '';
  let masker = m.createMasker({ names: [] });
  for (const turn of turns) {
    if (turn.conversation !== conversation) {
      conversation = turn.conversation;
      masker = m.createMasker({ names: turn.known.names });
    }
    const { entities } = masker.maskWithEntities(turn.text);
    spans?.push(entities.map((e) => `${e.type}:${e.start}-${e.end}`).join(' '));
  }
  return performance.now() - t0;
}

/**
 * In a process of its own: the speed of the masker it loads second relative to the first's (the median over rounds of
 * time(first) / time(second)), and with `diff` the turns whose spans differ.
 */
async function child(first: string, second: string, o: { rounds: number; quick: boolean; diff: boolean }) {
  const [a, b] = [await loadMasker(first), await loadMasker(second)];
  const turns = corpus(o.quick);
  let differing = 0;
  if (o.diff) {
    const [x, y] = [[] as string[], [] as string[]];
    pass(a, turns, x);
    pass(b, turns, y);
    differing = x.filter((s, i) => s !== y[i]).length;
  }
  const ratios: number[] = [];
  for (let round = 0; round < WARMUP + o.rounds; round++) {
    let ta: number;
    let tb: number;
    if (round % 2) {
      tb = pass(b, turns);
      ta = pass(a, turns);
    } else {
      ta = pass(a, turns);
      tb = pass(b, turns);
    }
    if (round >= WARMUP) ratios.push(ta / tb);
  }
  ratios.sort((p, q) => p - q);
  process.stdout.write(JSON.stringify({ ratio: quantile(ratios, 0.5), turns: turns.length, differing }));
}

/** A copy of server/masking/ in a scratch folder, and what to call it. */
interface Other {
  dir: string;
  label: string;
}

/** The folder given with --dir. */
function copyIn(source: string, label: string, into: string): Other {
  const dir = path.join(into, 'masking');
  cpSync(source, dir, { recursive: true });
  return { dir, label };
}

/** server/masking/ as it was at `ref`. */
function checkOut(ref: string, into: string): Other {
  let commit: string;
  try {
    commit = execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error(`"${ref}" is not a commit of this repository (git rev-parse found none)`);
  }
  const tar = execFileSync('git', ['archive', commit, 'server/masking'], { cwd: ROOT, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', into], { input: tar });
  return { dir: path.join(into, 'server/masking'), label: `${ref} (${commit.slice(0, 7)})` };
}

function runChild(first: string, second: string, o: { rounds: number; quick: boolean; diff: boolean }) {
  const flags = `${o.quick ? 'quick' : ''},${o.diff ? 'diff' : ''}`;
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', first, second, String(o.rounds), flags],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(out) as { ratio: number; turns: number; differing: number };
}

interface Comparison {
  /** This checkout's masking throughput over the other's: the median of the pairs' figures. */
  ratio: number;
  pairs: number[];
  rounds: number;
  turns: number;
  /** Turns of the corpus whose spans differ between the two. */
  differing: number;
}

/** `other`: a folder holding a copy of server/masking/. */
function compare(
  other: string,
  o: { pairs: number; rounds: number; quick: boolean; progress: (line: string) => void },
) {
  const pairs: number[] = [];
  let turns = 0;
  let differing = 0;
  for (let i = 0; i < o.pairs; i++) {
    const hereSecond = runChild(other, HERE, { ...o, diff: i === 0 });
    const otherSecond = runChild(HERE, other, { ...o, diff: false });
    if (i === 0) ({ turns, differing } = hereSecond);
    pairs.push(Math.sqrt(hereSecond.ratio / otherSecond.ratio));
    o.progress(
      `pair ${i + 1}/${o.pairs}: ${pairs[i]!.toFixed(3)} (this checkout loaded second ${hereSecond.ratio.toFixed(3)}, ` +
        `loaded first ${(1 / otherSecond.ratio).toFixed(3)})`,
    );
  }
  const median = quantile(
    [...pairs].sort((p, q) => p - q),
    0.5,
  );
  return { ratio: median, pairs, rounds: o.rounds, turns, differing } satisfies Comparison;
}

const USAGE =
  'usage: npx tsx bench/mask-compare.ts (<commit> | --dir <folder>) [--pairs N] [--rounds N] [--quick] [--json]';

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1, not "${value}"`);
  return n;
}

export interface Options {
  /** A folder holding a copy of server/masking/, or else `commit`. */
  dir?: string;
  commit?: string;
  pairs: number;
  rounds: number;
  quick: boolean;
  json: boolean;
}

/** The command line, checked: what is wrong with it is named. */
export function options(argv: string[]): Options {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      pairs: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '24' },
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length > 1) throw new Error(`one commit at a time, not ${positionals.length}\n${USAGE}`);
  const commit = positionals[0];
  if ((values.dir === undefined) === (commit === undefined))
    throw new Error(`give a commit or --dir, not ${commit === undefined ? 'neither' : 'both'}\n${USAGE}`);
  if (values.dir !== undefined && !statSync(path.resolve(values.dir), { throwIfNoEntry: false })?.isDirectory())
    throw new Error(`--dir ${values.dir}: no such folder`);
  return {
    ...(values.dir === undefined ? { commit } : { dir: values.dir }),
    pairs: positive('pairs', values.pairs),
    rounds: positive('rounds', values.rounds),
    quick: values.quick,
    json: values.json,
  };
}

async function main(argv: string[]) {
  if (argv[0] === '--child') {
    const [first, second, rounds, flags = ''] = argv.slice(1);
    const set = flags.split(',');
    await child(first!, second!, { rounds: Number(rounds), quick: set.includes('quick'), diff: set.includes('diff') });
    return;
  }
  const o = options(argv);
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  const scratch = esModuleFolder('candor-mask-compare-');
  try {
    const other = o.dir === undefined ? checkOut(o.commit!, scratch) : copyIn(path.resolve(o.dir), o.dir, scratch);
    const r = compare(other.dir, { ...o, progress });
    if (o.json) {
      console.log(JSON.stringify({ against: other.label, ...r }, null, 2));
      return;
    }
    console.log(
      `this checkout's masking / ${other.label}'s: ${r.ratio.toFixed(3)}x the throughput ` +
        `(median of ${o.pairs} pair${o.pairs > 1 ? 's' : ''}: ${r.pairs.map((p) => p.toFixed(3)).join(', ')}; ` +
        `${o.rounds} rounds in turn in each process)`,
    );
    console.log(
      r.differing === 0
        ? `output: the same spans on all ${r.turns.toLocaleString('en')} turns of the generated corpus`
        : `output: the spans differ on ${r.differing.toLocaleString('en')} of ${r.turns.toLocaleString('en')} turns`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  await main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  });
