/**
 * Masking throughput against the best peer, measured in turn: `npx tsx bench/mask-ratio.ts [--rounds N] [--json]`.
 *
 * `npm run bench` takes its `mask_peer_throughput_ratio` from here. bench/mask.ts's tables time each detector for about
 * two seconds, one after the other; on a shared machine the load moves in that time, and their ours / redact-pii ratio
 * moved between 0.62 and 1.23 over four runs of the same code. Here each
 * round masks the whole generated corpus once with ours (told the known names, as in production) and once with
 * redact-pii, the two in turn (stats.ts), after warm-up rounds; the figure is the median of the rounds' ratios
 * (1.39-1.45 over six runs of that code). Ours is the build `npm start` runs (built-masker.ts), or the one given.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.js';
import { builtMasker, type MaskerFactory } from './built-masker.js';
import { type BenchItem, loadPeers, runners } from './peers.js';
import { quantile, turnOrder } from './stats.js';

export async function maskRatio(
  rounds: number,
  createMasker?: MaskerFactory,
): Promise<Record<string, number> | string> {
  const peers = await loadPeers();
  if (!peers) return 'peers not installed (`npm run bench:peers`)';
  const chosen = runners(peers, createMasker ?? (await builtMasker())).filter(
    (r) => r.name === 'ours' || r.name === 'redact-pii',
  );
  const items: BenchItem[] = generateCorpus({ conversations: 800 }).map((t) => ({
    id: t.id,
    conversation: t.conversation,
    text: t.text,
    known: t.known.names,
  }));
  const mb = items.reduce((n, it) => n + Buffer.byteLength(it.text, 'utf8'), 0) / 1e6;
  const perRound = chosen.map(() => [] as number[]); // MB/s
  const warmup = 3;
  for (let round = 0; round < warmup + rounds; round++)
    for (const k of turnOrder(chosen.length, round)) {
      const t0 = performance.now();
      for (const item of items) chosen[k]!.redact(item);
      if (round >= warmup) perRound[k]!.push(mb / ((performance.now() - t0) / 1000));
    }
  const [ours, peer] = perRound as [number[], number[]];
  const median = (xs: number[]) =>
    quantile(
      [...xs].sort((a, b) => a - b),
      0.5,
    );
  return {
    mask_mb_per_s: median(ours),
    mask_peer_mb_per_s: median(peer),
    mask_peer_ratio: median(ours.map((x, i) => x / peer[i]!)),
    rounds,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--rounds');
  const r = await maskRatio(at >= 0 ? Number(args[at + 1]) : 20);
  if (typeof r === 'string') console.log(r);
  else if (args.includes('--json')) console.log(JSON.stringify(r, null, 2));
  else
    console.log(
      `ours ${r.mask_mb_per_s!.toFixed(2)} MB/s, redact-pii ${r.mask_peer_mb_per_s!.toFixed(2)} MB/s: ` +
        `ours / redact-pii ${r.mask_peer_ratio!.toFixed(2)} (median of ${r.rounds} rounds in turn)`,
    );
}
