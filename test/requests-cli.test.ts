/**
 * `candor requests detect` as a team runs it on its own tickets: JSON lines in, one answer a line out,
 * measured on the committed corpus (test/fixtures/requests/corpus.jsonl) with the README's figures.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { candorWithInput, jsonLines as lines } from './helpers/cli.js';
import { Answer, CorpusLine, score } from '../bench/requests-score.js';
import { REQUEST_KINDS, REQUEST_LANGS } from '../server/protocol/requests.js';

const root = path.resolve(import.meta.dirname, '..');
const detect = (input: string) => candorWithInput(['requests', 'detect'], input);

describe('candor requests detect', () => {
  it('when run on the committed corpus, then precision and recall are >= 0.9 for every kind and language', async () => {
    const input = readFileSync(path.join(root, 'test/fixtures/requests/corpus.jsonl'), 'utf8');
    const corpus = input
      .trim()
      .split('\n')
      .map((l) => CorpusLine.parse(JSON.parse(l)));
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    for (const lang of REQUEST_LANGS) expect(corpus.filter((l) => l.lang === lang).length).toBeGreaterThanOrEqual(40);
    const r = await detect(input);
    expect(r.code).toBe(0);
    const answers = lines(r.stdout).map((a) => Answer.parse(a));
    expect(answers.map((a) => a.id)).toEqual(corpus.map((l) => l.id));
    const s = score(corpus, answers);
    expect(s.byKind.map((f) => f.name)).toEqual([...REQUEST_KINDS]);
    for (const f of [...s.byKind, ...s.byLang]) {
      expect({ [f.name]: f.precision >= 0.9 && f.recall >= 0.9 }).toEqual({ [f.name]: true });
    }
    expect(s.trippedNegatives).toEqual([]);
  });

  it('when a line is not JSON or lacks a field, then it is answered {id, error} in its place and exit is 1', async () => {
    const input = [
      JSON.stringify({ id: 'ok', text: 'Please delete my account and all my personal data.' }),
      'not json',
      JSON.stringify({ id: 'no-text' }),
      JSON.stringify({ text: 'Stop sending me marketing emails' }),
    ].join('\n');
    const r = await detect(`${input}\n`);
    expect(r.code).toBe(1);
    const [ok, notJson, noText, noId] = lines(r.stdout);
    expect(ok).toEqual({ id: 'ok', requests: [{ kind: 'erasure', lang: 'en', evidence: { start: 7, end: 24 } }] });
    expect(notJson).toEqual({ id: null, error: expect.stringMatching(/^line 2: not JSON/) });
    expect(noText).toEqual({ id: 'no-text', error: expect.stringMatching(/^line 3: "text"/) });
    expect(noId).toEqual({ id: null, error: expect.stringMatching(/^line 4: "id"/) });
    // The error names the field, never the customer's words.
    expect(r.stdout).not.toContain('marketing');
  });

  it('when called without "detect", then it prints the usage and exits 2', async () => {
    const { code, stderr } = await candorWithInput(['requests'], '');
    expect(code).toBe(2);
    expect(stderr).toContain('usage: candor requests detect');
  });
});
