/**
 * Erasure, checked on the bytes. Three customers are given unique canary strings in every place a
 * customer's data can land — name, e-mail, fact text, value (keys and values) and source, consent
 * sources (import and grant), the tickets an agent relays consents, opt-out, opt-in and withdrawal
 * in, the ticket, conversation and agent name a panel opens, an outcome's edit and reason, a model
 * prompt (a local OpenAI-compatible server, so `model.called` entries hold it), recordings and
 * the gate suite's copy, the demo's outbox mail, a portal session — and every canary is first
 * found in a file or a log line. Then each customer is erased (in the portal; by an admin over
 * the API; after erasing their facts one by one) and the raw bytes of `candor.db`, its `-wal` and
 * `-shm`, every file under the data directory and the gate suite, and every log line the server
 * wrote are searched for that customer's canaries: none may be left. `candor audit verify` passes.
 * The database is encrypted, so its raw bytes hold no canary at all: it is also searched as someone holding its key
 * store reads it (every row, every sealed value opened with the data keys the key store still has).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistView } from '../../server/protocol/assist.js';
import { startFakeOpenAI, userPrompt, type ChatRequest, type Reply } from '../../harness/fake-openai.js';
import { startServer, type PanelClient, type TestServer } from '../../harness/server.js';
import { openPortalSession } from './portal-session.js';
import { openedRows, sealedOpener } from '../../server/store/test-backends.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Letters only: digits could read as a phone or card number to the masker, and be masked away. */
const letters = (n: number) => Array.from(randomBytes(n), (b) => String.fromCharCode(97 + (b % 26))).join('');

/** Where the test puts a canary; each customer gets one of each. */
const FIELDS = [
  'name',
  'email',
  'factText',
  'valueKey',
  'valueValue',
  'factSource',
  'withheldText',
  'importSource',
  'grantSource',
  'grantTicket',
  'withdrawTicket',
  'optOutTicket',
  'optInTicket',
  'ticket',
  'conversation',
  'agentName',
  'edit',
  'reason',
  'failedTicket',
  'failedConversation',
] as const;
type Field = (typeof FIELDS)[number];

interface Customer {
  id: string;
  canary: Record<Field, string>;
  /** The random part, searched for: a canary cut, re-cased or quoted still holds it. */
  needle: Record<Field, string>;
  cookie: string;
  recordings: string[];
  /** A pause link made for a reply to them (nothing of it is kept): after erasure it does nothing and says nothing. */
  pauseLink: string;
}

function customer(id: string): Customer {
  const canary = {} as Record<Field, string>;
  const needle = {} as Record<Field, string>;
  for (const f of FIELDS) {
    needle[f] = letters(14);
    canary[f] = f === 'email' ? `canary-${needle[f]}` : `CANARY-${f}-${needle[f]}`;
  }
  return { id, canary, needle, cookie: '', recordings: [], pauseLink: '' };
}

/**
 * Canaries the server must never write anywhere: the agent's name (sent with the ticket, said in
 * the conversation, signed under an edit) is masked before the model and in outcome texts, and
 * pseudonymised in recordings.
 */
const NEVER_WRITTEN: readonly Field[] = ['agentName'];

let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
let s: TestServer;
let gateDir: string;
let panel: PanelClient;
const logLines: string[] = [];
const people = {
  portal: customer('c_canary_portal'),
  api: customer('c_canary_api'),
  facts: customer('c_canary_facts'),
};
const figures = {
  canaries: 0,
  fields: FIELDS.length,
  customers: 0,
  placesFound: 0,
  filesBefore: new Set<string>(),
  scans: 0,
  filesAfter: new Set<string>(),
  logLines: 0,
  hits: 0,
};

/** Marks a conversation whose model call fails (answered 500): the failure is logged. */
const FAIL = 'Please escalate this.';

/**
 * A model answer: one suggestion the guard keeps; one with a placeholder the model invented
 * (repaired, and logged); one citing a fact it was not given (dropped, and logged); one quoting the
 * shown fact without citing it (dropped by the guard, and logged).
 */
const modelAnswer = (req: ChatRequest): Reply => {
  const prompt = userPrompt(req);
  if (prompt.includes(FAIL)) return { status: 500 };
  const fact = /- (F\d+): /.exec(prompt)?.[1] ?? 'F1';
  const quoted = /Blender ordered, CANARY-factText-[a-z]+/.exec(prompt)?.[0] ?? 'Blender';
  return {
    content: JSON.stringify({
      suggestions: [
        { text: 'Thanks for writing in. I will look into this for you right away.', footnotes: [] },
        { text: 'I have passed this to <EMAIL_9> so they can help.', footnotes: [] },
        { text: 'Our records show your order [1].', footnotes: [{ marker: 1, facts: [`${fact}9`] }] },
        { text: `Your ${quoted} is on its way.`, footnotes: [] },
      ],
    }),
  };
};

beforeAll(async () => {
  fake = await startFakeOpenAI(modelAnswer);
  gateDir = mkdtempSync(path.join(tmpdir(), 'candor-canary-gate-'));
  s = await startServer(
    {
      CANDOR_DEMO: 'true',
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: fake.url,
      CANDOR_MODEL: 'test-model',
      CANDOR_MODEL_RETRIES: '0',
      CANDOR_GATE_DIR: gateDir,
    },
    { smtp: false, log: (line) => logLines.push(line) },
  );
  expect((await s.api('PUT', '/settings/recording', { enabled: true }, s.tokens.lead)).status).toBe(200);
  panel = await s.panel();
}, 60_000);

afterAll(async () => {
  process.stdout.write(
    `erasure canary: ${figures.canaries} canaries (${figures.fields} fields ` +
      `× ${figures.customers} customers), ${figures.placesFound} places ` +
      `written ` +
      (`(canary × file or log, found before erasure, in ` +
        `${figures.filesBefore.size} files + the log), ${figures.scans} scans ` +
        `after erasures `) +
      (`of ${figures.filesAfter.size} files (${kinds(figures.filesAfter)}) + ` +
        `${figures.logLines} log lines, ${figures.hits} hits\n`),
  );
  panel?.disconnect();
  await s?.close();
  await fake?.close();
  if (gateDir) rmSync(gateDir, { recursive: true, force: true });
});

/** "candor.db, candor.db-wal, candor.db-shm, portal.key, 4 in recordings/, 4 in gate/": the files, folders counted. */
function kinds(files: Set<string>): string {
  const top = [...files].filter((f) => !f.includes('/')).sort();
  const dirs = new Map<string, number>();
  for (const f of files) if (f.includes('/')) dirs.set(f.split('/')[0]!, (dirs.get(f.split('/')[0]!) ?? 0) + 1);
  return [...top, ...[...dirs].map(([d, n]) => `${n} in ${d}/`)].join(', ');
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : e.isFile() ? [full] : [];
  });
}

/**
 * Each file's raw bytes (as latin1, lower-cased), the database and the sealed recordings opened with the keys, and the
 * log, at this moment.
 */
function snapshot(): { place: string; text: string }[] {
  const files = [...filesUnder(s.dir), ...filesUnder(gateDir)];
  for (const name of ['candor.db', 'candor.db-wal', 'candor.db-shm'])
    expect(files, `${name} is scanned`).toContain(path.join(s.dir, name));
  const open = sealedOpener(s.dir);
  const recordings = files.filter((f) => f.startsWith(path.join(s.dir, 'recordings')));
  return [
    ...files.map((f) => ({
      place: f.startsWith(gateDir) ? `gate/${path.relative(gateDir, f)}` : path.relative(s.dir, f),
      text: readFileSync(f).toString('latin1').toLowerCase(),
    })),
    ...recordings.map((f) => ({
      place: `${path.relative(s.dir, f)} opened`,
      text: open(readFileSync(f, 'utf8')).toLowerCase(),
    })),
    { place: 'candor.db opened', text: openedRows(s.dir).toLowerCase() },
    { place: 'log', text: logLines.join('\n').toLowerCase() },
  ];
}

/** Where each of the customer's canaries is found now: field -> places. */
function find(c: Customer, fields: readonly Field[] = FIELDS): Map<Field, string[]> {
  const places = snapshot();
  return new Map(fields.map((f) => [f, places.filter((p) => p.text.includes(c.needle[f])).map((p) => p.place)]));
}

/** After an erasure: none of `fields` of `c` anywhere; answers the hits as "field in place". */
function leftAfterErasure(c: Customer, fields: readonly Field[] = FIELDS): string[] {
  const found = find(c, fields);
  figures.scans += 1;
  for (const p of snapshot()) if (p.place !== 'log' && !p.place.endsWith(' opened')) figures.filesAfter.add(p.place);
  figures.logLines = logLines.length;
  const hits = [...found].flatMap(([f, places]) => places.map((p) => `${c.id} ${f} (${c.canary[f]}) in ${p}`));
  figures.hits += hits.length;
  return hits;
}

const ack = <T>(event: 'ticket:open' | 'ticket:close' | 'suggestion:outcome' | 'pause:link', payload: unknown) =>
  new Promise<T>((resolve, reject) =>
    (
      panel.emit as (
        e: string,
        p: unknown,
        cb: (a: { ok: boolean; data?: T; error?: { message: string } }) => void,
      ) => void
    )(event, payload, (a) => (a.ok ? resolve(a.data as T) : reject(new Error(`${event}: ${a.error!.message}`)))),
  );

/** The final view of a ticket the model works on. */
const completed = (ticketId: string) =>
  new Promise<AssistView>((resolve) => {
    const on = (view: AssistView) => {
      if (view.ticketId !== ticketId) return;
      panel.off('assist:complete', on);
      resolve(view);
    };
    panel.on('assist:complete', on);
  });

async function ok(res: Promise<{ status: number; body: unknown }>, status = 200) {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

/** Writes every canary of `c` where the server keeps it, through the ways agents, admins and panels write. */
async function populate(c: Customer) {
  const { id, canary: k } = c;
  const { admin, agent, lead } = s.tokens;
  await ok(s.api('PUT', `/customers/${id}`, { displayName: k.name, email: `${k.email}@example.org` }, admin), 201);
  await ok(
    s.api(
      'POST',
      `/customers/${id}/facts`,
      {
        facts: [
          {
            id: 'f1',
            category: 'user.behavior.purchase_history',
            text: `Blender ordered, ${k.factText}`,
            value: { [k.valueKey]: k.valueValue },
            source: k.factSource,
            collectedAt: '2026-01-14T10:00:00Z',
          },
          {
            id: 'f2',
            category: 'user.contact.address.street',
            text: k.withheldText,
            value: { street: k.withheldText },
            source: 'crm',
            collectedAt: '2026-01-05T10:00:00Z',
          },
        ],
      },
      admin,
    ),
    201,
  );
  await ok(
    s.api(
      'POST',
      `/customers/${id}/consents/import`,
      {
        system: 'the canary seed',
        consents: [
          {
            id: 'k1',
            purpose: 'essential.service.operations.support',
            categories: ['user.behavior.purchase_history'],
            status: 'granted',
            at: '2026-01-01T00:00:00Z',
            source: k.importSource,
          },
        ],
      },
      admin,
    ),
    201,
  );
  // Relayed by an agent, with the ticket the customer said it in.
  await ok(
    s.api(
      'POST',
      `/customers/${id}/consents`,
      {
        consent: {
          id: 'k2',
          purpose: 'essential.service.operations.support',
          categories: ['user.behavior.browsing_history'],
          status: 'granted',
          source: k.grantSource,
        },
        ticketId: k.grantTicket,
      },
      agent,
    ),
    201,
  );
  await ok(s.api('POST', `/customers/${id}/consents/k2/withdraw`, { ticketId: k.withdrawTicket }, agent));
  await ok(s.api('POST', `/customers/${id}/opt-out`, { ticketId: k.optOutTicket }, agent));
  await ok(s.api('POST', `/customers/${id}/opt-in`, { ticketId: k.optInTicket }, agent));

  // The panel opens the ticket; the model is sent the masked prompt and answers.
  const complete = completed(k.ticket);
  await ack<AssistView>('ticket:open', {
    ticketId: k.ticket,
    customerId: id,
    agentName: k.agentName,
    conversation: [
      { role: 'customer', text: `Hello, my blender broke. Reference ${k.conversation}.` },
      { role: 'agent', text: `Hi, ${k.agentName} here, let me check.` },
    ],
  });
  const view = await complete;
  expect(view.context.shown.map((f) => f.factId)).toEqual(['f1']);
  expect(view.suggestions.map((x) => x.text)).toEqual([
    'Thanks for writing in. I will look into this for you right away.',
    'I have passed this to so they can help.',
  ]);
  const shown = view.suggestions[0];
  expect(shown, 'the model’s first suggestion is shown').toBeTruthy();
  await ack('suggestion:outcome', {
    ticketId: k.ticket,
    suggestionId: shown!.id,
    action: 'edited',
    text: `Thanks, I checked: ${k.edit}. ${k.agentName}`,
  });
  await ack('suggestion:outcome', {
    ticketId: k.ticket,
    suggestionId: shown!.id,
    action: 'rated',
    rating: 'down',
    reason: `Too vague, see ${k.reason}`,
  });
  c.pauseLink = (await ack<{ url: string }>('pause:link', { ticketId: k.ticket })).url;
  await ack('ticket:close', { ticketId: k.ticket }); // its recorded session ends; the file stays
  // A second ticket whose model call fails: the offline suggestions stand in, and the failure is logged.
  const fallback = completed(k.failedTicket);
  await ack<AssistView>('ticket:open', {
    ticketId: k.failedTicket,
    customerId: id,
    conversation: [{ role: 'customer', text: `${FAIL} It is about ${k.failedConversation}.` }],
  });
  expect((await fallback).engine).toBe('offline');
  await ack('ticket:close', { ticketId: k.failedTicket });

  // The recordings of both tickets, and their copies in the gate suite.
  c.recordings = await s.store.recordings.ofCustomer(id);
  expect(c.recordings).toHaveLength(2);
  for (const r of c.recordings) await ok(s.api('POST', `/recordings/${r}/add-to-gate`, {}, lead), 201);

  // A portal link, mailed into the demo's outbox (the address is an example one), opened.
  await ok(s.api('POST', `/customers/${id}/portal-links`, {}, agent), 201);
  const outbox = await (await fetch(`${s.url}/demo/outbox`)).text();
  const link = /href="(http[^"]+\/portal\/l\/[^"]+)"/.exec(outbox)![1]!.replace(/&amp;/g, '&');
  c.cookie = await openPortalSession(link);
  expect((await fetch(`${s.url}/portal`, { headers: { cookie: c.cookie } })).status).toBe(200);
}

async function portalErase(c: Customer) {
  const page = await (await fetch(`${s.url}/portal/erase`, { headers: { cookie: c.cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
  const res = await fetch(`${s.url}/portal/erase`, {
    method: 'POST',
    headers: { cookie: c.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, confirm: 'yes' }).toString(),
  });
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('Your data was erased');
}

const verify = () =>
  promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/candor.js'), 'audit', 'verify'], {
    env: { ...process.env, CANDOR_DATA_DIR: s.dir, CANDOR_KEY_DIR: path.join(s.dir, 'keys') },
  });

describe('erasure, on the bytes', () => {
  it('when a customer’s data is written everywhere it can land, then every ' +
    'canary is found in a file or the log', async () => {
    for (const c of Object.values(people)) await populate(c);
    figures.customers = Object.keys(people).length;
    figures.canaries = figures.customers * FIELDS.length;
    const missing: string[] = [];
    for (const c of Object.values(people)) {
      for (const [f, places] of find(c)) {
        figures.placesFound += places.length;
        for (const p of places) if (p !== 'log' && !p.endsWith(' opened')) figures.filesBefore.add(p);
        if (places.length === 0 && !NEVER_WRITTEN.includes(f)) missing.push(`${c.id} ${f}`);
        if (places.length > 0 && NEVER_WRITTEN.includes(f))
          missing.push(`${c.id} ${f} was written to ${places.join(', ')}`);
      }
    }
    expect(missing, 'a scan that finds nothing because nothing was written cannot fail').toEqual([]);
    // The places that matter, each seen holding a canary: the database, a recording and its gate copy, the outbox, a
    // prompt, the log.
    const all = [...find(people.api)].flatMap(([, p]) => p);
    expect(all.some((p) => p.startsWith('candor.db'))).toBe(true);
    for (const r of people.api.recordings)
      expect(all).toEqual(expect.arrayContaining([`recordings/${r}.json opened`, `gate/${r}.json`]));
    // On disk, a recording is sealed: no canary in its raw bytes.
    expect(all.filter((p) => /^recordings\/[^ ]+$/.test(p))).toEqual([]);
    expect(all.some((p) => p.startsWith('demo-outbox/'))).toBe(true);
    expect(
      find(people.api, ['conversation'])
        .get('conversation')!
        .some((p) => p.startsWith('candor.db')),
    ).toBe(true); // the sealed prompt
    expect(fake.sentText()).toContain(people.api.canary.conversation);
    const outcomes = await s.store.outcomes.list({});
    expect(outcomes.some((o) => o.edit?.text.includes(people.api.canary.edit))).toBe(true);
    expect(outcomes.some((o) => o.reason?.includes(people.api.canary.reason))).toBe(true);
  }, 120_000);

  it(
    'when the customer erases their data in the portal, then none of their ' +
      'canaries is left in any file or log line',
    async () => {
      await portalErase(people.portal);
      expect(leftAfterErasure(people.portal)).toEqual([]);
      // The scan can fail: the others' canaries are all still there.
      expect([...find(people.api)].filter(([f, p]) => p.length === 0 && !NEVER_WRITTEN.includes(f))).toEqual([]);
    },
  );

  it(
    'when an admin erases a customer over the API, then none of their ' + 'canaries is left in any file or log line',
    async () => {
      await ok(s.api('POST', `/customers/${people.api.id}/erase`, {}, s.tokens.admin));
      expect(leftAfterErasure(people.api)).toEqual([]);
    },
  );

  it(
    'when a customer’s facts were erased one by one and then the customer, ' +
      'then nothing of the facts and then nothing at all is left',
    async () => {
      const c = people.facts;
      for (const f of ['f1', 'f2']) await ok(s.api('POST', `/customers/${c.id}/facts/${f}/erase`, {}, s.tokens.agent));
      expect(leftAfterErasure(c, ['factText', 'valueKey', 'valueValue', 'factSource', 'withheldText'])).toEqual([]);
      await ok(s.api('POST', `/customers/${c.id}/erase`, {}, s.tokens.admin));
      expect(leftAfterErasure(c)).toEqual([]);
    },
  );

  it(
    'when an erased customer’s pause link is opened and pressed, then nothing is recorded, neither page holds a ' +
      'canary, and the link is in no log line',
    async () => {
      for (const c of Object.values(people)) {
        const entries = (await s.store.audit.list({ customerId: c.id, limit: 100_000 })).length;
        const shown = await fetch(c.pauseLink);
        const page = await shown.text();
        expect(shown.status).toBe(200);
        const paused = await fetch(c.pauseLink, {
          method: 'POST',
          headers: {
            cookie: shown.headers.get('set-cookie')!.split(';')[0]!,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({ csrf: /name="csrf" value="([^"]+)"/.exec(page)![1]! }).toString(),
        });
        expect(paused.status).toBe(200);
        const said = `${page}${await paused.text()}`.toLowerCase();
        expect(FIELDS.filter((f) => said.includes(c.needle[f]))).toEqual([]);
        expect(said).not.toContain(c.id);
        expect((await s.store.audit.list({ customerId: c.id, limit: 100_000 })).length).toBe(entries);
        expect((await s.store.customers.snapshot(c.id))!.flags.optedOut).toBe(false);
        expect(logLines.filter((l) => l.includes(c.pauseLink.slice(c.pauseLink.lastIndexOf('/') + 1)))).toEqual([]);
      }
    },
  );

  it('when everyone is erased, then no canary is anywhere and `candor audit verify` still passes', async () => {
    for (const c of Object.values(people)) expect(leftAfterErasure(c)).toEqual([]);
    const { stdout } = await verify();
    expect(stdout).toMatch(/^audit chain verified: \d+ entries/);
    expect(statSync(path.join(s.dir, 'candor.db')).size).toBeGreaterThan(0);
  });
});
