/**
 * The session recorder end to end: a lead switches it on, an agent's panel works a ticket over
 * socket.io while the customer withdraws a consent over REST, and the file that results replays
 * cleanly, holds none of the customer's real values, is sealed under the customer's key on disk (a copy of it reads
 * as nothing once they are erased), and goes into the gate suite.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isArticleFootnote, type AssistView, type Footnote } from '../server/protocol/assist.js';
import { parseConfig } from '../server/config.js';
import { loadAssistSettings } from '../server/assist/settings.js';
import { replayTargets } from '../server/replay/run.js';
import { offlineEngine } from '../server/suggest/engine.js';
import { seedDana, startServer, type PanelClient, type TestServer } from '../harness/server.js';
import { startFakeOpenAI } from '../harness/fake-openai.js';

const NAME = 'Dana Kowalski';
const EMAIL = 'dana.kowalski@example.org';
const PHONE = '+44 7700 900123';
const STREET = '12 Harbour Road';
const TOWN = 'Portlow';
const ORDER = '104277';
const AGENT = 'Priya Natarajan';
/** Every real value of the customer and the agent, and each part that could identify on its own. */
const ORIGINALS = [
  NAME,
  'Dana',
  'Kowalski',
  EMAIL,
  'dana.kowalski',
  PHONE,
  '7700 900123',
  STREET,
  'Harbour Road',
  TOWN,
  ORDER,
  AGENT,
  'Priya',
  'Natarajan',
  'c_rec',
];

let s: TestServer;
let gate: string;
const recordings = () => path.join(s.dir, 'recordings');

/** The one recording a server holds, as a lead reads it (the file itself is sealed). */
async function recorded(t: TestServer) {
  const [first] = (await t.api('GET', '/recordings', undefined, t.tokens.lead)).body.recordings;
  return first ? (await t.api('GET', `/recordings/${first.id}`, undefined, t.tokens.lead)).body : null;
}

/** The session written plain to a file of its own, for the replay to read. */
function plainCopy(session: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'candor-rec-')), 'session.json');
  writeFileSync(file, JSON.stringify(session));
  return file;
}

async function seed(t: TestServer) {
  await t.api('PUT', '/customers/c_rec', { displayName: NAME, email: EMAIL });
  const fact = (id: string, category: string, text: string, value: object) => ({
    id,
    category,
    text,
    value,
    source: 'crm',
    collectedAt: '2026-01-05T10:00:00Z',
  });
  await t.api('POST', '/customers/c_rec/facts', {
    facts: [
      fact('f1', 'user.behavior.purchase_history', `Blender Pro 3000, order #${ORDER}, delivered 14 Nov 2026`, {
        order: ORDER,
        product: 'Blender Pro 3000',
      }),
      fact('f2', 'user.contact.phone_number', `Mobile ${PHONE}`, { phone: PHONE }),
      fact('f3', 'user.contact.address.street', `${STREET}, ${TOWN}`, { street: STREET }),
      fact('f4', 'user.contact.email', EMAIL, { email: EMAIL }),
    ],
  });
  await t.api('POST', '/customers/c_rec/facts/f4/erase', {});
  const consent = (id: string, categories: string[], source: string) => ({
    id,
    purpose: 'essential.service.operations.support',
    categories,
    status: 'granted',
    at: '2026-03-01T00:00:00Z',
    source,
  });
  await t.api('POST', '/customers/c_rec/consents/import', {
    system: 'the test seed',
    consents: [
      consent('k1', ['user.behavior.purchase_history'], 'checkout'),
      consent('k2', ['user.contact.phone_number'], `phone call with ${NAME}`),
    ],
  });
}

beforeAll(async () => {
  gate = mkdtempSync(path.join(tmpdir(), 'candor-gate-'));
  s = await startServer({ CANDOR_GATE_DIR: gate });
  await seed(s);
});
afterAll(async () => {
  await s.close();
  rmSync(gate, { recursive: true, force: true });
});

const open = (panel: PanelClient, ticket: object) =>
  new Promise<AssistView>((resolve, reject) =>
    panel.emit('ticket:open', ticket as never, (a) => (a.ok ? resolve(a.data) : reject(new Error(a.error.message)))),
  );

const messages = [
  {
    role: 'customer' as const,
    text: `Hi, this is ${NAME}. My blender from order #${ORDER} broke. Call me on ${PHONE} or write to ${EMAIL}.`,
  },
  {
    role: 'agent' as const,
    text: `Sorry to hear that, Dana. ${AGENT} here. Is your address still ${STREET}, ${TOWN}?`,
  },
  { role: 'customer' as const, text: `Yes, ${STREET}. Can I get a refund?` },
  { role: 'customer' as const, text: 'And please stop using my order history.' },
];
const ticket = (ticketId: string, n: number) => ({
  ticketId,
  customerId: 'c_rec',
  agentName: AGENT,
  conversation: messages.slice(0, n),
});

describe('recording sessions', () => {
  it('when recording is off (the default), then a worked ticket writes nothing', async () => {
    expect((await s.api('GET', '/settings/recording', undefined, s.tokens.lead)).body).toEqual({ enabled: false });
    await open(await s.panel(), ticket('T-OFF', 2));
    expect(existsSync(recordings())).toBe(false);
    expect((await s.api('GET', '/recordings', undefined, s.tokens.lead)).body).toEqual({ recordings: [] });
  });

  it('when an agent asks for the setting or the recordings, then it is refused', async () => {
    for (const [method, route, body] of [
      ['GET', '/settings/recording'],
      ['PUT', '/settings/recording', { enabled: true }],
      ['GET', '/recordings'],
      ['GET', '/recordings/rec-20261123-abcdef'],
      ['POST', '/recordings/rec-20261123-abcdef/add-to-gate', {}],
    ] as const) {
      const res = await s.api(method, route, body, s.tokens.agent);
      expect(res.status, `${method} ${route}`).toBe(403);
    }
    expect((await s.api('GET', '/settings/recording', undefined, s.tokens.lead)).body).toEqual({ enabled: false });
    expect(await s.api('PUT', '/settings/recording', { enabled: 'yes' }, s.tokens.lead)).toMatchObject({
      status: 400,
      body: { error: { path: ['enabled'] } },
    });
  });

  it(
    'when a lead switches it on and a panel works a ticket, then the ' +
      'session is recorded, pseudonymised, replays cleanly and goes into the ' +
      'gate',
    async () => {
      expect(await s.api('PUT', '/settings/recording', { enabled: true }, s.tokens.lead)).toMatchObject({
        status: 200,
        body: { enabled: true },
      });
      const audit = await s.api('GET', '/audit?kind=settings.changed', undefined, s.tokens.lead);
      expect(audit.body.entries[0]).toMatchObject({
        kind: 'settings.changed',
        actor: expect.stringMatching(/^lead:/),
        payload: { key: 'recording', value: { enabled: true } },
      });

      const panel = await s.panel();
      expect((await open(panel, ticket('T-REC', 2))).context.shown.map((f) => f.factId).sort()).toEqual(['f1', 'f2']);
      await open(panel, ticket('T-REC', 3));
      const withdrawn = await s.api(
        'POST',
        '/customers/c_rec/consents/k1/withdraw',
        { channel: 'chat' },
        s.tokens.agent,
      );
      expect(withdrawn.status).toBe(200);
      await open(panel, ticket('T-REC', 4));

      const list = (await s.api('GET', '/recordings', undefined, s.tokens.lead)).body.recordings;
      expect(list).toEqual([
        {
          id: expect.stringMatching(/^rec-\d{8}-[0-9a-f]{6}$/),
          title: expect.stringMatching(/^Recorded session \d{4}-\d\d-\d\d \d\d:\d\d UTC$/),
          recordedAt: expect.any(String),
          customerTurns: 3,
        },
      ]);
      const { id } = list[0];
      const file = path.join(recordings(), `${id}.json`);
      const raw = readFileSync(file, 'utf8');
      expect(readdirSync(recordings())).toEqual([`${id}.json`]); // no temporary file left behind
      // On disk, sealed under the customer's data key: nothing of the session is readable without it.
      expect(JSON.parse(raw)).toEqual({ sealed: expect.stringMatching(/^cv1:/) });
      const session = (await s.api('GET', `/recordings/${id}`, undefined, s.tokens.lead)).body;
      expect(session).toMatchObject({ format: 'candor.session/v1', id });

      // The conversation in order, the withdrawal where it happened, the facts as they stood.
      expect(session.turns.map((t: { role: string; type?: string }) => t.type ?? t.role)).toEqual([
        'customer',
        'agent',
        'customer',
        'consent.withdrawn',
        'customer',
      ]);
      expect(session.turns[3]).toMatchObject({ consentId: 'k1', at: withdrawn.body.consent.withdrawnAt });
      expect(session.facts.map((f: { id: string }) => f.id)).toEqual(['f1', 'f2', 'f3']); // f4 was erased before
      expect(session.facts[2]).toEqual({
        id: 'f3',
        category: 'user.contact.address.street',
        text: '(withheld: not recorded)',
        source: 'crm',
        collectedAt: '2026-01-05T10:00:00.000Z',
      });
      expect(session.consents.map((k: { id: string }) => k.id)).toEqual(['k1', 'k2']);

      // Pseudonymised consistently: the fake name greets, the fake order number matches the fact.
      const fakeFirst = session.customer.displayName.split(' ')[0];
      expect(session.turns[1].text).toContain(`Sorry to hear that, ${fakeFirst}.`);
      const fakeOrder = /order #(\d+)/.exec(session.turns[0].text)![1];
      expect(session.facts[0].value.order).toBe(fakeOrder);
      expect(session.facts[0].text).toContain(`order #${fakeOrder}`);
      const lower = JSON.stringify(session).toLowerCase();
      for (const original of ORIGINALS) expect(lower, original).not.toContain(original.toLowerCase());

      // The replay finds nothing wrong, and the withdrawal takes effect where it was recorded.
      const settings = loadAssistSettings(parseConfig({}));
      const sealedFile = await replayTargets([file], settings, offlineEngine(settings));
      expect(sealedFile.sessions[0]!.violations[0]).toMatchObject({ code: 'invalid_session', path: '$.sealed' });
      const report = await replayTargets([plainCopy(session)], settings, offlineEngine(settings));
      expect(report.summary).toEqual({ sessions: 1, turns: 3, violations: 0 });
      const [first, , last] = report.sessions[0]!.turns;
      expect(first!.context.shown.map((f) => f.factId).sort()).toEqual(['f1', 'f2']);
      expect(first!.context.withheld).toEqual([
        { category: 'user.contact.address.street', reason: 'no_consent', count: 1 },
      ]);
      expect(last!.context.shown.map((f) => f.factId)).toEqual(['f2']);
      expect(last!.context.withheld).toContainEqual({
        category: 'user.behavior.purchase_history',
        reason: 'withdrawn',
        count: 1,
      });

      // Into the gate suite, once.
      expect(await s.api('POST', `/recordings/${id}/add-to-gate`, {}, s.tokens.lead)).toMatchObject({
        status: 201,
        body: { id, file: `${id}.json` },
      });
      // The gate suite's copy is plain: the replay and the repository read it.
      expect(JSON.parse(readFileSync(path.join(gate, `${id}.json`), 'utf8'))).toEqual(session);
      expect((await s.api('POST', `/recordings/${id}/add-to-gate`, {}, s.tokens.lead)).body.error.code).toBe(
        'already_in_gate',
      );
    },
  );

  it('when a recording is missing, named outside the folder, or fails the replay, then it is refused', async () => {
    expect((await s.api('GET', '/recordings/rec-20200101-000000', undefined, s.tokens.lead)).status).toBe(404);
    expect(await s.api('GET', '/recordings/..%2Fcandor.db', undefined, s.tokens.lead)).toMatchObject({
      status: 400,
      body: { error: { path: ['params', 'id'] } },
    });
    writeFileSync(
      path.join(recordings(), 'rec-20200101-0bad00.json'),
      JSON.stringify({ format: 'candor.session/v1', id: 'x' }),
    );
    const refused = await s.api('POST', '/recordings/rec-20200101-0bad00/add-to-gate', {}, s.tokens.admin);
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'recording_not_clean' } } });
    expect(existsSync(path.join(gate, 'rec-20200101-0bad00.json'))).toBe(false);
  });

  it('when the panel closes the ticket, then its session ends: opened again, it is a new recording', async () => {
    const panel = await s.panel();
    const count = () => readdirSync(recordings()).length;
    const before = count();
    await open(panel, ticket('T-CLOSE', 1));
    await open(panel, ticket('T-CLOSE', 2));
    expect(count()).toBe(before + 1);
    await new Promise((resolve) => panel.emit('ticket:close', { ticketId: 'T-CLOSE' }, resolve));
    await open(panel, ticket('T-CLOSE', 2));
    expect(count()).toBe(before + 2);
  });

  it('when a lead switches it off, then the next ticket is not recorded', async () => {
    await s.api('PUT', '/settings/recording', { enabled: false }, s.tokens.admin);
    const before = readdirSync(recordings()).length;
    await open(await s.panel(), ticket('T-AFTER', 2));
    expect(readdirSync(recordings()).length).toBe(before);
  });

  it('when a fact and then the customer are erased, then the files are sealed throughout and a copy opens to nothing', async () => {
    const sealed = (file: string) => JSON.parse(readFileSync(file, 'utf8')).sealed as string | undefined;
    // Every file the recorder wrote (one test above planted a plain one by hand, to be refused).
    const files = readdirSync(recordings()).filter((f) => f.endsWith('.json') && f !== 'rec-20200101-0bad00.json');
    expect(files.length).toBeGreaterThanOrEqual(3);
    // A backup taken before the erasure: every file sealed, each opening while the customer's key exists.
    const backup = files.map((f) => sealed(path.join(recordings(), f))!);
    for (const b of backup) expect(await s.store.recordings.open(b)).toContain('candor.session/v1');

    expect((await s.api('POST', '/customers/c_rec/facts/f2/erase', {})).status).toBe(200);
    for (const f of files) {
      const after = sealed(path.join(recordings(), f)); // rewritten, and sealed again
      const opened = JSON.parse((await s.store.recordings.open(after!))!);
      expect(opened.facts.find((x: { id: string }) => x.id === 'f2')).toMatchObject({ text: '(erased: not recorded)' });
    }

    expect((await s.api('POST', '/customers/c_rec/erase', {}, s.tokens.admin)).status).toBe(200);
    expect(readdirSync(recordings()).filter((f) => files.includes(f))).toEqual([]);
    for (const b of backup) expect(await s.store.recordings.open(b)).toBeNull();
  });
});

describe('recording with a model engine', () => {
  it(
    'when a model was asked, then the file keeps what it was sent, masked ' + 'and pseudonymised like the rest',
    async () => {
      const fake = await startFakeOpenAI(() => ({ status: 500 }));
      const m = await startServer({
        OPENAI_API_KEY: 'test-key',
        OPENAI_BASE_URL: fake.url,
        CANDOR_MODEL: 'test-model',
        CANDOR_MODEL_RETRIES: '0',
      });
      try {
        await seed(m);
        await m.api('PUT', '/settings/recording', { enabled: true }, m.tokens.lead);
        const panel = await m.panel();
        const complete = new Promise((resolve) => panel.once('assist:complete', resolve));
        expect((await open(panel, ticket('T-MODEL', 2))).pending).toBe(true);
        await complete;
        expect(fake.requests).toHaveLength(1);

        // written right after the panel is answered
        await expect.poll(async () => (await recorded(m))?.llm?.length ?? 0).toBe(1);
        const session = await recorded(m);
        const [exchange] = session.llm;
        expect(exchange).toMatchObject({
          model: 'test-model',
          factIds: expect.arrayContaining(['f1', 'f2']),
          consentIds: expect.arrayContaining(['k1', 'k2']),
        });
        const sent = exchange.messages.map((x: { content: string }) => x.content).join('\n');
        expect(sent).toContain(`order #${session.facts[0].value.order}`);
        const lower = JSON.stringify(session).toLowerCase();
        for (const original of ORIGINALS) expect(lower, original).not.toContain(original.toLowerCase());
      } finally {
        await m.close();
        await fake.close();
      }
    },
  );
});

describe('recording with help-centre articles', () => {
  it(
    'when the article a suggestion cited is edited and then retired while the ticket is open, then the file keeps ' +
      'each version where it was in force, and the replay cites what the panel cited at every turn',
    async () => {
      const a = await startServer({ CANDOR_ARTICLES_DIR: path.join(import.meta.dirname, '..', 'articles') });
      try {
        await seedDana(a);
        await a.api('PUT', '/settings/recording', { enabled: true }, a.tokens.lead);
        const panel = await a.panel();
        const asks = [
          'Hi! How do I return the stand mixer? I want to send it back.',
          'Thanks. Is that still the time I have to send it back?',
          'One more thing: can I still return it?',
        ].map((text) => ({ role: 'customer' as const, text }));
        const at = (n: number) => ({ ticketId: 'T-ART', customerId: 'c_dana', conversation: asks.slice(0, n) });
        // What the panel cited at each turn, as `id@version`: the replay of the file must cite the same.
        const cited = (v: { suggestions: { footnotes: Footnote[] }[] }) =>
          v.suggestions
            .flatMap((x) => x.footnotes)
            .flatMap((f) => (isArticleFootnote(f) ? [`${f.articleId}@${f.articleUpdated}`] : []));
        const updated = () => new Promise<{ view: AssistView }>((resolve) => panel.once('assist:updated', resolve));

        const shown = [cited(await open(panel, at(1)))];
        expect(shown[0]).toEqual(['returns-policy@2026-10-01']);
        const edited = updated();
        const newer = {
          title: 'Returning an item',
          visibility: 'public',
          updated: '2026-12-01',
          locale: 'en',
          tags: ['returns'],
          body: 'You can send any item back within 60 days of delivery for a full refund.',
        };
        expect((await a.api('PUT', '/articles/returns-policy', newer, a.tokens.lead)).status).toBe(200);
        await edited;
        shown.push(cited(await open(panel, at(2))));
        expect(shown[1]).toEqual(['returns-policy@2026-12-01']);
        const retired = updated();
        expect((await a.api('DELETE', '/articles/returns-policy', undefined, a.tokens.lead)).status).toBe(200);
        await retired;
        shown.push(cited(await open(panel, at(3))));
        expect(shown[2]).not.toContainEqual(expect.stringMatching(/^returns-policy@/));

        const session = await recorded(a);
        expect(session.articles.find((x: { id: string }) => x.id === 'returns-policy')).toMatchObject({
          updated: '2026-10-01',
          body: expect.stringContaining('45 days'),
        });
        expect(session.turns.map((t: { role: string; type?: string }) => t.type ?? t.role)).toEqual([
          'customer',
          'article.updated',
          'customer',
          'article.retired',
          'customer',
        ]);
        expect(session.turns[1].article).toMatchObject({ id: 'returns-policy', updated: '2026-12-01' });

        const settings = loadAssistSettings(parseConfig({}));
        const report = await replayTargets([plainCopy(session)], settings, offlineEngine(settings));
        expect(report.summary).toEqual({ sessions: 1, turns: 3, violations: 0 });
        expect(report.sessions[0]!.turns.map((t) => cited(t))).toEqual(shown);
      } finally {
        await a.close();
      }
    },
  );
});
