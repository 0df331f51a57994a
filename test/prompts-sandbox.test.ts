/**
 * Templates in a sandbox, against a real server: a lead's draft is replayed in a worker thread, so
 * the server keeps answering while a gate runs; a render over a template limit is answered naming
 * the limit, the session and the turn; a run over the time budget is stopped and answered, and
 * leaves no thread behind.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../server/config.js';
import { startServer, type TestServer } from '../harness/server.js';

const PURCHASE = 'offline.fact.purchase';
const original = readFileSync(path.join(ROOT, 'prompts/offline/fact-purchase.liquid'), 'utf8');
/**
 * 125 million turns of an empty loop (half a minute here) in every render with a fact: the check's
 * dry run has no fact, so the draft passes it; the recorded sessions have facts. It builds nothing,
 * so the render limit (1 s) is what stops it.
 */
const slow =
  `${original}{% if fact.text %}{% assign r = (1..500) %}{% for a in r ` +
  `%}{% for b in r %}{% for c in r %}{% endfor %}{% endfor %}{% endfor ` +
  `%}{% endif %}\n`;
/** Worker threads running in this process, the test's server among them. */
const workers = () => (process.report.getReport() as { workers: unknown[] }).workers.length;
/** Resolves once `test` holds, looking again every few milliseconds. */
async function until(test: () => boolean) {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 5));
}
/**
 * Resolves once the count of worker threads has held for 1.5 s. The store's checkpointing threads start a second
 * after the server's first commits: counted before them, one starting mid-test would pass for a sandbox's thread, or
 * for one left behind (with a warm process the server starts in less than that second).
 */
async function workersSettled() {
  let count = workers();
  for (let since = Date.now(); Date.now() - since < 1500; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (workers() !== count) {
      count = workers();
      since = Date.now();
    }
  }
}

describe('with the default time budget', () => {
  let s: TestServer;
  let prompts: string;
  const lead = (method: string, route: string, body?: unknown) => s.api(method, route, body, s.tokens.lead);
  beforeAll(async () => {
    prompts = mkdtempSync(path.join(tmpdir(), 'candor-prompts-'));
    cpSync(path.join(ROOT, 'prompts'), prompts, { recursive: true });
    s = await startServer({ CANDOR_PROMPTS_DIR: prompts, CANDOR_GATE_DIR: path.join(prompts, 'sessions') });
    await workersSettled();
  });
  afterAll(async () => {
    await s?.close();
    rmSync(prompts, { recursive: true, force: true });
  });

  it(
    'when a gate run of a slow draft is in flight, then /healthz answers ' +
      'first, and the gate names the render limit, the session and the turn',
    async () => {
      expect((await lead('POST', '/prompts/check', { id: PURCHASE, source: slow })).body.problems).toEqual([]);
      const done: string[] = [];
      const idle = workers();
      const gate = lead('POST', `/prompts/${PURCHASE}/gate`, { source: slow }).finally(() => done.push('gate'));
      // Asked only once the gate's run has started: a /healthz answered before that would prove nothing.
      await until(() => workers() > idle);
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
      done.push('healthz');
      const res = await gate;
      expect(done).toEqual(['healthz', 'gate']);
      expect(res).toMatchObject({
        status: 422,
        body: { error: { code: 'template_limit', line: 9, sessionId: 'blender-warranty', turn: 0 } },
      });
      expect(res.body.error.message).toContain(
        '(the render limit for a template): offline/fact-purchase.liquid line ' +
          '9 in recorded session "blender-warranty", turn 0',
      );
    },
  );

  it(
    'when a preview goes over a template limit, then it is answered naming ' + 'the limit, the session and the turn',
    async () => {
      const res = await lead('POST', `/prompts/${PURCHASE}/preview`, { source: slow, sessionId: 'blender-warranty' });
      expect(res).toMatchObject({
        status: 422,
        body: {
          error: {
            code: 'template_limit',
            sessionId: 'blender-warranty',
            turn: 0,
            message: expect.stringContaining('(the render limit for a template)'),
          },
        },
      });
    },
  );

  it(
    'when an imported file goes over a template limit, then that file is ' +
      'blocked naming the limit and the others still import',
    async () => {
      writeFileSync(path.join(prompts, 'offline/fact-purchase.liquid'), slow);
      const general = path.join(prompts, 'offline/general.liquid');
      writeFileSync(
        general,
        readFileSync(general, 'utf8').replace('Thanks for getting in touch', 'Thank you for writing'),
      );
      const { body } = await lead('POST', '/prompts/import');
      expect(body.blocked).toEqual([
        {
          id: PURCHASE,
          file: 'offline/fact-purchase.liquid',
          reason: expect.stringContaining('(the render limit for a template)'),
        },
      ]);
      expect(body.published).toEqual([{ id: 'offline.general', version: 2 }]);
    },
  );

  it('when a draft is within the limits, then the gate in its worker answers as before', async () => {
    const res = await lead('POST', `/prompts/${PURCHASE}/gate`, {
      source: original.replace('that you ordered', 'that you bought'),
    });
    expect(res).toMatchObject({ status: 200, body: { ok: true, problems: [], violations: [] } });
    expect(res.body.differences.length).toBeGreaterThan(0);
  });
});

describe('with a time budget shorter than the render limit', () => {
  let s: TestServer;
  const lead = (method: string, route: string, body?: unknown) => s.api(method, route, body, s.tokens.lead);
  // The slow draft's first render with a fact lasts the whole render limit (1 s), after the worker has
  // started: a budget of 0.1 s is over before it ends, on any machine.
  beforeAll(async () => {
    s = await startServer({ CANDOR_TEMPLATE_BUDGET_MS: '100' });
    await workersSettled();
  });
  afterAll(async () => {
    await s?.close();
  });

  it(
    'when a draft takes longer than the time budget, then it is answered ' +
      '422 naming the budget, nothing is published, no worker is left, and ' +
      'the server still answers',
    async () => {
      const before = workers();
      const res = await lead('POST', `/prompts/${PURCHASE}/versions`, { source: slow, message: 'slow' });
      expect(res).toMatchObject({ status: 422, body: { error: { code: 'template_time_budget', path: ['source'] } } });
      expect(res.body.error.message).toMatch(
        /^checking the draft against the recorded sessions took longer than 0\.1 s, the time budget for a draft; /,
      );
      expect(workers()).toBe(before);
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
      expect((await lead('GET', `/prompts/${PURCHASE}`)).body.versions).toHaveLength(1);
    },
  );
});
