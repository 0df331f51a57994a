/**
 * The masking figures per language: `npx tsx bench/mask-eu.ts [--json] [--conversations N]`.
 *
 * Each language's generated corpus (bench/corpus-eu.ts, seeded) is masked line by line exactly as
 * `candor mask` does it (server/cli/mask.ts: a masker per line, told the line's names), and scored
 * by span match (bench/score.ts): precision and recall per type and overall, and the throughput of
 * one timed pass after a warm-up one.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createMasker } from '../server/masking/masker.js';
import { ENTITY_TYPES } from '../server/masking/types.js';
import { LANGUAGES, type Language, generateEuCorpus } from './corpus-eu.js';
import type { LabelledTurn } from './corpus.js';
import { type Report, score } from './score.js';

/** What `candor mask` answers for one line. */
export const maskLine = (turn: Pick<LabelledTurn, 'text' | 'known'>) =>
  createMasker({ names: turn.known.names }).maskWithEntities(turn.text).entities;

export function scoreLanguage(language: Language, conversations: number): Report & { mb_per_s: number } {
  const turns = generateEuCorpus(language, { conversations });
  for (const t of turns) maskLine(t); // warm-up
  const t0 = performance.now();
  const predicted = turns.map(maskLine);
  const seconds = (performance.now() - t0) / 1000;
  const bytes = turns.reduce((n, t) => n + Buffer.byteLength(t.text, 'utf8'), 0);
  const report = score(turns.map((t, i) => ({ gold: t.entities, predicted: predicted[i]! })));
  return { ...report, mb_per_s: bytes / 1e6 / seconds };
}

const fmt = (x: number) => x.toFixed(3);

function table(reports: Record<Language, Report & { mb_per_s: number }>, conversations: number): string {
  const lines = [
    `== European corpora: ${conversations} conversations a language (seed 20260323 + language), ` +
      'recall / precision (gold count) ==',
    '',
    `${'type'.padEnd(11)}${LANGUAGES.map((l) => l.padEnd(24)).join('')}`,
  ];
  for (const t of ENTITY_TYPES) {
    if (!LANGUAGES.some((l) => reports[l].perType[t])) continue;
    const cells = LANGUAGES.map((l) => {
      const c = reports[l].perType[t];
      if (!c) return '-'.padEnd(24);
      return `${c.gold ? fmt(c.recall) : '  -  '} / ${c.predicted ? fmt(c.precision) : '  -  '} (${c.gold})`.padEnd(24);
    });
    lines.push(`${t.padEnd(11)}${cells.join('')}`);
  }
  const all = LANGUAGES.map((l) => `${fmt(reports[l].recall)} / ${fmt(reports[l].precision)}`.padEnd(24));
  lines.push(`${'all'.padEnd(11)}${all.join('')}`);
  lines.push(`${'MB/s'.padEnd(11)}${LANGUAGES.map((l) => reports[l].mb_per_s.toFixed(2).padEnd(24)).join('')}`);
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--conversations');
  const conversations = at >= 0 ? Number(args[at + 1]) : 400;
  const reports = Object.fromEntries(LANGUAGES.map((l) => [l, scoreLanguage(l, conversations)])) as Record<
    Language,
    Report & { mb_per_s: number }
  >;
  console.log(args.includes('--json') ? JSON.stringify(reports, null, 2) : table(reports, conversations));
}
