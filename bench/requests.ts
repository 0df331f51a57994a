/**
 * `npx tsx bench/requests.ts [corpus.jsonl]`: runs `candor requests detect` on the labelled corpus
 * (test/fixtures/requests/corpus.jsonl unless named) as a team would on its own tickets, and prints
 * precision and recall per kind and per language as the README's table.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Answer, CorpusLine, score, table } from './requests-score.js';

const root = path.resolve(import.meta.dirname, '..');
const file = process.argv[2] ?? path.join(root, 'test/fixtures/requests/corpus.jsonl');
const input = readFileSync(file, 'utf8');
const corpus = input
  .trim()
  .split('\n')
  .map((l) => CorpusLine.parse(JSON.parse(l)));
const run = spawnSync(process.execPath, [path.join(root, 'bin/candor.js'), 'requests', 'detect'], { input });
if (run.status !== 0) throw new Error(`candor requests detect exited ${run.status}: ${run.stderr}`);
const answers = run.stdout
  .toString('utf8')
  .trim()
  .split('\n')
  .map((l) => Answer.parse(JSON.parse(l)));
console.log(table(score(corpus, answers), corpus));
