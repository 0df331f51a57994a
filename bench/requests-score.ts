/**
 * Precision and recall of `candor requests detect` on a labelled corpus. A hit is right when the
 * message is labelled with its kind and the hit names the message's language; each label a right
 * hit does not meet is a miss. Figures per kind (over all languages) and per language (all kinds).
 */
import { z } from 'zod';
import {
  DetectedRequest,
  RequestKind,
  RequestLang,
  REQUEST_KINDS,
  REQUEST_LANGS,
} from '../server/protocol/requests.js';

export const CorpusLine = z.strictObject({
  id: z.string(),
  lang: RequestLang,
  labels: z.array(RequestKind),
  text: z.string(),
});
export type CorpusLine = z.infer<typeof CorpusLine>;
export const Answer = z.strictObject({ id: z.string(), requests: z.array(DetectedRequest) });
export type Answer = z.infer<typeof Answer>;

export interface Figure {
  name: string;
  labelled: number;
  hits: number;
  right: number;
  precision: number;
  recall: number;
}

const figure = (name: string, labelled: number, hits: number, right: number): Figure => ({
  name,
  labelled,
  hits,
  right,
  // No hits at all is no false alarm; no labels at all is nothing missed.
  precision: hits === 0 ? 1 : right / hits,
  recall: labelled === 0 ? 1 : right / labelled,
});

export interface Scores {
  byKind: Figure[];
  byLang: Figure[];
  all: Figure;
  /** Messages labelled with no request that the detector still flagged, by id. */
  trippedNegatives: string[];
  negatives: number;
}

export function score(corpus: CorpusLine[], answers: Answer[]): Scores {
  const byId = new Map(answers.map((a) => [a.id, a.requests]));
  const tally = (keep: (line: CorpusLine, kind: RequestKind) => boolean) => {
    let labelled = 0;
    let hits = 0;
    let right = 0;
    for (const line of corpus) {
      labelled += line.labels.filter((k) => keep(line, k)).length;
      for (const hit of (byId.get(line.id) ?? []).filter((h) => keep(line, h.kind))) {
        hits++;
        if (line.labels.includes(hit.kind) && hit.lang === line.lang) right++;
      }
    }
    return [labelled, hits, right] as const;
  };
  const negatives = corpus.filter((l) => l.labels.length === 0);
  return {
    byKind: REQUEST_KINDS.map((k) => figure(k, ...tally((_, kind) => kind === k))),
    byLang: REQUEST_LANGS.map((lang) => figure(lang, ...tally((line) => line.lang === lang))),
    all: figure('all', ...tally(() => true)),
    trippedNegatives: negatives.filter((l) => (byId.get(l.id) ?? []).length > 0).map((l) => l.id),
    negatives: negatives.length,
  };
}

/** The README's table. */
export function table(s: Scores, corpus: CorpusLine[]): string {
  const row = (f: Figure, messages?: number) =>
    `| ${f.name} | ${messages ?? '–'} | ${f.labelled} | ${f.hits} | ${f.precision.toFixed(3)} | ${f.recall.toFixed(3)} |`;
  return [
    '| kind / language | messages | labelled requests | hits | precision | recall |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...s.byKind.map((f) => row(f)),
    ...s.byLang.map((f) => row(f, corpus.filter((l) => l.lang === f.name).length)),
    row(s.all, corpus.length),
    '',
    `Hard negatives (messages with no request) flagged: ${s.trippedNegatives.length} of ${s.negatives}` +
      (s.trippedNegatives.length ? ` (${s.trippedNegatives.join(', ')})` : ''),
  ].join('\n');
}
