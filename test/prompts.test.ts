/**
 * The template editor's API against a real server and a copy of prompts/: role checks on every
 * admin route, inline checks, preview, the gate, publishing, rollback, export and import, and how
 * each version did with agents.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../server/config.js';
import type { AssistView } from '../server/protocol/assist.js';
import { seedDana, startServer, type PanelClient, type TestServer } from '../harness/server.js';

let s: TestServer;
let prompts: string;
const PURCHASE = 'offline.fact.purchase';
const original = (file: string) => readFileSync(path.join(ROOT, 'prompts', file), 'utf8');
const lead = (method: string, route: string, body?: unknown) => s.api(method, route, body, s.tokens.lead);

beforeAll(async () => {
  prompts = mkdtempSync(path.join(tmpdir(), 'candor-prompts-'));
  cpSync(path.join(ROOT, 'prompts'), prompts, { recursive: true });
  s = await startServer({ CANDOR_PROMPTS_DIR: prompts, CANDOR_GATE_DIR: path.join(prompts, 'sessions') });
  await seedDana(s);
});

afterAll(async () => {
  await s?.close();
  rmSync(prompts, { recursive: true, force: true });
});

function open(panel: PanelClient, ticket: object): Promise<AssistView> {
  return new Promise((resolve, reject) =>
    panel.emit('ticket:open', ticket as never, (a) => (a.ok ? resolve(a.data) : reject(new Error(a.error.message)))),
  );
}

describe('who may use the admin routes', () => {
  const ADMIN_ROUTES: [string, string, unknown?][] = [
    ['GET', '/tokens'],
    ['POST', '/tokens', { name: 'x', role: 'agent' }],
    ['POST', '/tokens/tok_x/revoke'],
    ['GET', '/audit'],
    ['GET', '/audit/verify'],
    ['GET', '/outcomes'],
    ['GET', `/outcomes/summary?templateId=${PURCHASE}`],
    ['GET', '/prompts'],
    ['GET', '/prompts/sessions'],
    ['GET', `/prompts/${PURCHASE}`],
    ['POST', '/prompts/check', { id: PURCHASE, source: 'x' }],
    ['POST', `/prompts/${PURCHASE}/preview`, { source: 'x', sessionId: 'blender-warranty' }],
    ['POST', `/prompts/${PURCHASE}/gate`, { source: 'x' }],
    ['POST', `/prompts/${PURCHASE}/versions`, { source: 'x', message: 'x' }],
    ['POST', `/prompts/${PURCHASE}/rollback`, { version: 1 }],
    ['POST', '/prompts/export'],
    ['POST', '/prompts/import'],
  ];

  it.each(ADMIN_ROUTES)('an agent token gets 403 on %s %s', async (method, route, body) => {
    const res = await s.api(method, route, body, s.tokens.agent);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });
});

describe('reading and checking templates', () => {
  it('lists every template with its live version, imported from prompts/ as version 1', async () => {
    const { status, body } = await lead('GET', '/prompts');
    expect(status).toBe(200);
    expect(body.templates).toHaveLength(59);
    expect(body.templates.find((t: { id: string }) => t.id === PURCHASE)).toMatchObject({
      kind: 'fact',
      file: 'offline/fact-purchase.liquid',
      live: { version: 1, author: 'system' },
    });
  });

  it('checks a draft as the server would load it, problems at their lines', async () => {
    const bad = original('offline/fact-purchase.liquid').replace('{{ fact.text }}', '{{ fact.txt }}');
    expect((await lead('POST', '/prompts/check', { id: PURCHASE, source: bad })).body.problems).toEqual([
      { line: 8, message: expect.stringContaining('unknown variable "fact.txt"') },
    ]);
    const renamed = original('offline/fact-purchase.liquid').replace(`id: ${PURCHASE}`, 'id: offline.fact.other');
    expect((await lead('POST', '/prompts/check', { id: PURCHASE, source: renamed })).body.problems).toEqual([
      { line: 2, message: `the id must stay "${PURCHASE}" (a new id is a new template file)` },
    ]);
    expect(
      (await lead('POST', '/prompts/check', { id: PURCHASE, source: 'no front matter' })).body.problems[0],
    ).toMatchObject({ line: 1, message: expect.stringContaining('missing front matter') });
    expect(
      (await lead('POST', '/prompts/check', { id: PURCHASE, source: original('offline/fact-purchase.liquid') })).body
        .problems,
    ).toEqual([]);
  });

  it('lists the gate suite for the preview to pick from', async () => {
    const { status, body } = await lead('GET', '/prompts/sessions');
    expect(status).toBe(200);
    expect(body.sessions).toHaveLength(21);
    expect(body.sessions).toContainEqual({
      id: 'blender-warranty',
      title: expect.any(String),
      file: 'blender-warranty.json',
      customerTurns: expect.any(Number),
    });
  });

  it(
    'previews a draft on a session: facts shown, withheld counts, and the ' +
      'suggestions it makes, with their templates',
    async () => {
      const draft = original('offline/fact-purchase.liquid').replace('that you ordered', 'that you bought');
      const { status, body } = await lead('POST', `/prompts/${PURCHASE}/preview`, {
        source: draft,
        sessionId: 'blender-warranty',
      });
      expect(status).toBe(200);
      expect(body.problems).toEqual([]);
      const first = body.turns[0];
      expect(first).toMatchObject({
        turn: 0,
        customerText: expect.stringMatching(/\w/),
        shown: expect.arrayContaining([
          expect.objectContaining({ factId: expect.any(String), consentId: expect.any(String) }),
        ]),
      });
      expect(first.withheld.every((w: object) => Object.keys(w).sort().join() === 'category,count,reason')).toBe(true);
      expect(first.suggestions).toContainEqual({
        text: expect.stringContaining('that you bought'),
        footnotes: expect.any(Array),
        template: { id: PURCHASE, version: 1 },
      });
      expect(first.modelPrompt).toBeUndefined();
      // Nothing was published by looking.
      expect((await lead('GET', `/prompts/${PURCHASE}`)).body.versions).toHaveLength(1);
    },
  );

  it('answers a broken draft with its problems and no turns, and an unknown session with 404', async () => {
    const bad = original('offline/fact-purchase.liquid').replace('{{ fact.text }}', '{{ fact.txt }}');
    expect(
      (await lead('POST', `/prompts/${PURCHASE}/preview`, { source: bad, sessionId: 'blender-warranty' })).body,
    ).toEqual({ problems: [{ line: 8, message: expect.stringContaining('fact.txt') }], turns: [] });
    const missing = await lead('POST', `/prompts/${PURCHASE}/preview`, { source: bad, sessionId: 'no-such-session' });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'session_not_found' } } });
  });

  it('previews a model template with the prompt as the model would get it, masked', async () => {
    const { body } = await lead('POST', '/prompts/model.user/preview', {
      source: original('model/user.liquid'),
      sessionId: 'blender-warranty',
    });
    expect(body.turns.length).toBeGreaterThan(0);
    const prompt = body.turns[0].modelPrompt;
    expect(prompt.user).toContain('<PERSON_1>');
    expect(JSON.stringify(prompt)).not.toMatch(/Dana|Harbour/);
  });
});

describe('the gate', () => {
  it('blocks a draft that drops the footnote marker, naming session and turn, and publishes nothing', async () => {
    const source = original('offline/fact-purchase.liquid').replace(' [{{ fact.marker }}]', '');
    const res = await lead('POST', `/prompts/${PURCHASE}/versions`, { source, message: 'no marker' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('gate_failed');
    expect(res.body.error.violations).toContainEqual(
      expect.objectContaining({ sessionId: 'blender-warranty', turn: 0, code: expect.any(String) }),
    );
    expect((await lead('GET', `/prompts/${PURCHASE}`)).body.versions).toHaveLength(1);
  });

  it(
    'refuses to publish a draft with problems (400 invalid_template) or ' + 'for a template that does not exist (404)',
    async () => {
      const bad = original('offline/fact-purchase.liquid').replace('{{ fact.text }}', '{{ fact.txt }}');
      const res = await lead('POST', `/prompts/${PURCHASE}/versions`, { source: bad, message: 'typo' });
      expect(res).toMatchObject({
        status: 400,
        body: {
          error: {
            code: 'invalid_template',
            path: ['source'],
            problems: [{ line: 8, message: expect.stringContaining('fact.txt') }],
          },
        },
      });
      const unknown = await lead('POST', '/prompts/offline.nothing/versions', {
        source: original('offline/general.liquid'),
        message: 'x',
      });
      expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'template_not_found' } } });
      expect((await lead('GET', `/prompts/${PURCHASE}`)).body.versions).toHaveLength(1);
    },
  );

  it('passes a reworded draft, listing the changed suggestions', async () => {
    const source = original('offline/fact-purchase.liquid').replace('that you ordered', 'that you bought');
    const { status, body } = await lead('POST', `/prompts/${PURCHASE}/gate`, { source });
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, problems: [], violations: [] });
    expect(body.differences).toContainEqual(
      expect.objectContaining({
        sessionId: 'blender-warranty',
        turn: 0,
        draft: [expect.stringContaining('that you bought')],
      }),
    );
  });

  it('blocks a draft that uses a fact without saying where it came from', async () => {
    const source = original('offline/fact-purchase.liquid').replace(
      'I can see on your account that you ordered',
      'You ordered',
    );
    const res = await lead('POST', `/prompts/${PURCHASE}/gate`, { source });
    expect(res.body.ok).toBe(false);
    expect(res.body.violations).toContainEqual(
      expect.objectContaining({
        sessionId: 'blender-warranty',
        turn: 0,
        message: expect.stringContaining('does not say where the data came from'),
      }),
    );
  });
});

describe('publishing and rolling back', () => {
  const reworded = original('offline/fact-purchase.liquid').replace('that you ordered', 'that you bought');

  it('asks the lead to accept changed suggestions, then publishes version 2, live at once', async () => {
    const refused = await lead('POST', `/prompts/${PURCHASE}/versions`, {
      source: reworded,
      message: 'bought, not ordered',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('differences_not_accepted');
    expect(refused.body.error.differences[0]).toMatchObject({
      sessionId: expect.any(String),
      turn: expect.any(Number),
      live: [expect.stringContaining('that you ordered')],
      draft: [expect.stringContaining('that you bought')],
    });

    const published = await lead('POST', `/prompts/${PURCHASE}/versions`, {
      source: reworded,
      message: 'bought, not ordered',
      acceptDifferences: true,
    });
    expect(published).toMatchObject({ status: 201, body: { id: PURCHASE, version: 2 } });
    const { body } = await lead('GET', `/prompts/${PURCHASE}`);
    expect(body.source).toContain('version: 2');
    expect(body.versions[0]).toMatchObject({
      version: 2,
      author: expect.stringMatching(/^lead:/),
      message: 'bought, not ordered',
      rolledBackFrom: null,
    });
    expect(body.versions[0].diff).toContain('-I can see on your account that you ordered');

    const panel = await s.panel();
    const view = await open(panel, {
      ticketId: 'T-v2',
      customerId: 'c_dana',
      conversation: [{ role: 'customer', text: 'My blender order broke.' }],
    });
    expect(view.suggestions.find((x) => x.template.id === PURCHASE)).toMatchObject({
      text: expect.stringContaining('that you bought'),
      template: { version: 2 },
    });
  });

  it('rolls back to version 1 as a new version 3 that restores its text', async () => {
    const res = await lead('POST', `/prompts/${PURCHASE}/rollback`, { version: 1 });
    expect(res).toMatchObject({ status: 201, body: { version: 3 } });
    const { body } = await lead('GET', `/prompts/${PURCHASE}`);
    expect(body.source).toBe(original('offline/fact-purchase.liquid').replace('version: 1', 'version: 3'));
    expect(
      body.versions.map((v: { version: number; rolledBackFrom: number | null }) => [v.version, v.rolledBackFrom]),
    ).toEqual([
      [3, 1],
      [2, null],
      [1, null],
    ]);
    expect((await lead('POST', `/prompts/${PURCHASE}/rollback`, { version: 9 })).status).toBe(404);
  });

  it('keeps published versions immutable: a version number is never written twice', async () => {
    const v1 = await s.store.templates.get(PURCHASE, 1);
    expect(await s.store.templates.publish({ ...v1!, source: 'changed' })).toBeNull();
    expect((await s.store.templates.get(PURCHASE, 1))!.source).toBe(v1!.source);
  });

  it('records each publish in the audit log, which still verifies', async () => {
    const { body } = await s.api('GET', '/audit?kind=template.published', undefined, s.tokens.lead);
    expect(
      body.entries.filter((e: { payload: { templateId: string } }) => e.payload.templateId === PURCHASE),
    ).toHaveLength(3);
    expect((await s.api('GET', '/audit/verify')).body.ok).toBe(true);
  });
});

describe('how each version did', () => {
  it('counts suggestions shown and what agents did with them, per version', async () => {
    const panel = await s.panel();
    const view = await open(panel, {
      ticketId: 'T-out',
      customerId: 'c_dana',
      conversation: [{ role: 'customer', text: 'My blender order broke.' }],
    });
    const purchase = view.suggestions.find((x) => x.template.id === PURCHASE)!;
    const outcome = (payload: object) =>
      new Promise((resolve) => panel.emit('suggestion:outcome', payload as never, resolve as never));
    await outcome({ ticketId: 'T-out', suggestionId: purchase.id, action: 'inserted' });
    await outcome({
      ticketId: 'T-out',
      suggestionId: purchase.id,
      action: 'rated',
      rating: 'down',
      reason: 'too long',
    });

    const { status, body } = await lead('GET', `/outcomes/summary?templateId=${PURCHASE}`);
    expect(status).toBe(200);
    const v3 = body.versions.find((v: { version: number }) => v.version === 3);
    expect(v3).toMatchObject({
      templateId: PURCHASE,
      shown: 1,
      inserted: 1,
      edited: 0,
      editSize: null,
      down: 1,
      reasons: ['too long'],
    });
    expect(body.versions.find((v: { version: number }) => v.version === 2)).toMatchObject({ shown: 1, inserted: 0 });
  });
});

describe('templates in git: export and import', () => {
  it('exports the live versions over the files, and imports a changed file through the gate', async () => {
    const { body } = await lead('POST', '/prompts/export');
    expect(body.written).toContain('offline/fact-purchase.liquid');
    const file = path.join(prompts, 'offline/fact-purchase.liquid');
    expect(readFileSync(file, 'utf8')).toContain('version: 3');

    writeFileSync(file, readFileSync(file, 'utf8').replace('that you ordered', 'that you purchased'));
    const fallback = path.join(prompts, 'offline/fact-default.liquid');
    writeFileSync(fallback, readFileSync(fallback, 'utf8').replace('Our records show', 'Perhaps'));
    const imported = await lead('POST', '/prompts/import');
    expect(imported.body.published).toEqual([{ id: PURCHASE, version: 4 }]);
    expect(imported.body.blocked).toEqual([
      expect.objectContaining({ id: 'offline.fact.default', violations: expect.any(Array) }),
    ]);
    expect(imported.body.unchanged).toHaveLength(57);
  });

  it('reports a file with problems by its lines and publishes nothing from it', async () => {
    const file = path.join(prompts, 'offline/general.liquid');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{{ customer.firstName }}', '{{ customer.nickname }}'));
    const { body } = await lead('POST', '/prompts/import');
    expect(body.blocked).toContainEqual({
      id: 'offline/general.liquid',
      file: 'offline/general.liquid',
      problems: [{ line: 7, message: expect.stringContaining('unknown variable "customer.nickname"') }],
    });
    expect(body.published).toEqual([]);
    expect((await lead('GET', '/prompts/offline.general')).body.versions).toHaveLength(1);
  });
});
