/**
 * Bad input, for every route the app answers and every socket event a panel can send (DESIGN.md:
 * "bad input gets an error naming the field and what was expected, and changes nothing"). Each case
 * is sent as a principal the permission table allows, with real ids, so the check it reaches is the
 * input's; after each one the whole state (every table of the SQLite file, the data directory's
 * files, the templates and the gate suite) is compared with the state before. Fields get the wrong
 * type, unknown fields and missing ones (fast-check, from a small valid input per route), strings
 * and arrays grow past their limits, timestamps lose their zone, values nest thousands deep, bodies
 * come malformed, mistyped, wrongly compressed or too large, and params try to climb out of their
 * folder. The figures line at the end counts the cases and what went wrong.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import querystring from 'node:querystring';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/config.js';
import { MAX_DEPTH } from '../../server/protocol/depth.js';
import { PANEL_EVENTS, permits } from '../../server/permissions/table.js';
import { danaTicket, seedDana, startServer, type PanelClient, type TestServer } from '../../harness/server.js';
import { createHarness, formBody, jsonBody, type Want } from './bad-input-harness.js';
import { eventSpecs, routeSpecs, type Ids, type Input, type PanelEvent, type RouteSpec } from './bad-input-specs.js';
import {
  accepts,
  badTimestamps,
  deleteAt,
  mutations,
  nested,
  nodes,
  ODD_PARAMS,
  oversizedArrays,
  oversizedStrings,
  setAt,
  wire,
  type Json,
  type JsonPath,
} from './mutations.js';
import { openPortalSession, outboxLink } from './portal-session.js';
import { concrete, routesOf, type RouteInfo } from './routes.js';

const BODY_LIMIT = 1_000_000;
/** Property runs per route and per event: enough to reach every field, few enough for a loaded 2-core machine. */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 120);

let s: TestServer;
let panel: PanelClient;
let cookie: string;
let ids: Ids;
let specs: Record<string, RouteSpec>;
let routes: RouteInfo[];

const work = mkdtempSync(path.join(tmpdir(), 'candor-bad-input-'));
// The templates and the gate suite in a copy: an export, an import or an add-to-gate that went through would write
// there.
const templatesDir = path.join(work, 'prompts');
const h = createHarness({ server: () => s, cookie: () => cookie, panel: () => panel, templatesDir, runs: RUNS });

const keyOf = (r: RouteInfo) => `${r.method} ${r.path}`;
const specOf = (r: RouteInfo) => specs[keyOf(r)]!;
const urlOf = (r: RouteInfo, params: Record<string, string> = {}) =>
  concrete(r.path, { ...specOf(r).params, ...params });
const bodyRoutes = (form: boolean) => routes.filter((r) => specOf(r).body && Boolean(specOf(r).body!.form) === form);
const cover = (r: RouteInfo) => h.figures.routes.add(keyOf(r));

/** The valid body of a route, as sent. */
function validBody(spec: RouteSpec) {
  const b = spec.body;
  if (!b) return {};
  return b.form ? formBody(Object.entries(b.valid as Record<string, string>)) : jsonBody(b.valid);
}

/** Whether the server would take this input (the schema, and anything beyond it such as the CSRF field). */
const accepted = (input: Input, v: unknown) => accepts(input.schema, v) && (input.accepted?.(wire(v)) ?? true);

const MALFORMED = [
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}}',
  'nul',
  '[1,',
  '{"a":"\\u12"}',
  '\u0000',
  '"x"',
  '1',
  'true',
  'null',
];
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonx',
  'application/json-patch+json',
  'text/json',
  null,
];

beforeAll(async () => {
  cpSync(path.join(ROOT, 'prompts'), templatesDir, { recursive: true });
  s = await startServer(
    {
      CANDOR_DEMO: 'true',
      CANDOR_AUTH_FAILURE_LIMIT: '100000',
      CANDOR_BODY_LIMIT: String(BODY_LIMIT),
      CANDOR_PROMPTS_DIR: templatesDir,
      CANDOR_GATE_DIR: path.join(templatesDir, 'sessions'),
    },
    { smtp: false },
  );
  await seedDana(s);
  // One recorded session, then recording off; the agent's panel keeps T-1 open with its suggestions shown.
  await s.api('PUT', '/settings/recording', { enabled: true }, s.tokens.lead);
  panel = await s.panel(s.tokens.agent);
  const view = await new Promise<{ ok: boolean; data: { suggestions: { id: string }[] } }>((resolve) =>
    panel.emit('ticket:open', danaTicket, resolve as never),
  );
  await s.api('PUT', '/settings/recording', { enabled: false }, s.tokens.lead);
  const templates = (await s.api('GET', '/prompts', undefined, s.tokens.lead)).body.templates as { id: string }[];
  const template = templates.find((t) => t.id === 'offline.general')?.id ?? templates[0]!.id;
  cookie = await openPortalSession(await outboxLink(s, 'c_dana'));
  const page = await (await fetch(`${s.url}/portal`, { headers: { cookie } })).text();
  ids = {
    spareToken: (await s.api('POST', '/tokens', { name: 'spare', role: 'agent' }, s.tokens.lead)).body.token.id,
    recording: (await s.api('GET', '/recordings', undefined, s.tokens.lead)).body.recordings[0].id,
    template,
    templateSource: (await s.api('GET', `/prompts/${template}`, undefined, s.tokens.lead)).body.source,
    gateSession: (await s.api('GET', '/prompts/sessions', undefined, s.tokens.lead)).body.sessions[0].id,
    csrf: /name="csrf" value="([^"]+)"/.exec(page)![1]!,
    suggestion: view.data.suggestions[0]!.id,
    pause: await pausePage(),
  };
  specs = routeSpecs(ids);
  routes = routesOf(s.app);
  // Whatever the setup set going (pushes, the recorder) has finished once two looks agree.
  for (let i = 0; i < 50 && h.changed(); i++) await new Promise((r) => setTimeout(r, 100));
}, 60_000);

/** Dana's pause link, from the agent's panel, opened once: its token, the cookie its page set and the form field. */
async function pausePage(): Promise<Ids['pause']> {
  const made = await new Promise<{ ok: boolean; data: { url: string } }>((resolve) =>
    panel.emit('pause:link', { ticketId: 'T-1' }, resolve as never),
  );
  const res = await fetch(made.data.url);
  return {
    token: made.data.url.slice(made.data.url.lastIndexOf('/') + 1),
    cookie: res.headers.get('set-cookie')!.split(';')[0]!,
    csrf: /name="csrf" value="([^"]+)"/.exec(await res.text())![1]!,
  };
}

beforeEach(() => {
  h.problems.length = 0;
});

afterAll(async () => {
  process.stdout.write(`${h.figuresLine()}\n`);
  h.close();
  await s?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('bad input on every route', () => {
  it('knows every route the app answers, each called as a principal the table allows', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.map(keyOf).filter((k) => !specs[k])).toEqual([]);
    expect(routes.filter((r) => !permits(specOf(r).as, r.actions[0]!)).map(keyOf)).toEqual([]);
    expect(Object.keys(specs).filter((k) => !routes.some((r) => keyOf(r) === k))).toEqual([]);
    // Nothing is in the way but the input: each valid input is what its schema takes.
    for (const r of routes) {
      const spec = specOf(r);
      if (spec.body) expect(accepted(spec.body, spec.body.valid), keyOf(r)).toBe(true);
      if (spec.query) expect(accepted(spec.query, spec.query.valid), keyOf(r)).toBe(true);
    }
  });

  it('when a JSON body is malformed, not sent as JSON, wrongly compressed, ' +
    'nested 3,000 deep or over the limit, then it is refused naming the ' +
    'body and nothing changes', async () => {
    h.look();
    for (const r of bodyRoutes(false)) {
      cover(r);
      const spec = specOf(r);
      const req = { as: spec.as, method: r.method, url: urlOf(r) };
      const valid = spec.body!.valid;
      for (const text of MALFORMED)
        await h.trial(
          `malformed ${JSON.stringify(text)}`,
          { ...req, body: text, type: 'application/json' },
          { status: 400, code: 'invalid_json', path: ['body'] },
        );
      for (const text of ['[]', '[{}]', '[1,2]'])
        await h.trial(
          `not an object ${text}`,
          { ...req, body: text, type: 'application/json' },
          { status: 400, path: [] },
        );
      // The valid body, but not declared JSON: refused before it is read, so nothing of it is applied.
      for (const type of CONTENT_TYPES) {
        const body = type === null ? new TextEncoder().encode(JSON.stringify(valid)) : JSON.stringify(valid);
        await h.trial(
          `valid body as ${type ?? 'no Content-Type'}`,
          { ...req, body, type },
          { status: 415, code: 'unsupported_media_type', path: ['headers', 'content-type'] },
        );
      }
      await h.trial(
        'valid body as UTF-16',
        { ...req, ...jsonBody(valid), type: 'application/json; charset=utf-16' },
        { path: ['body'] },
      );
      for (const encoding of ['gzip', 'deflate', 'br'])
        await h.trial(
          `not really ${encoding}`,
          { ...req, ...jsonBody(valid), headers: { 'content-encoding': encoding } },
          { status: 400, path: ['body'] },
        );
      // Compressed for real, it is read; over the limit once inflated, it is refused.
      await h.trial(
        'gzip inflating over the limit',
        {
          ...req,
          body: gzipSync(JSON.stringify({ pad: 'x'.repeat(BODY_LIMIT) })),
          type: 'application/json',
          headers: { 'content-encoding': 'gzip' },
        },
        { status: 413, code: 'payload_too_large' },
      );
      const leaf = nodes(valid).find((n) => n.path.length && (typeof n.value !== 'object' || n.value === null))
        ?.path ?? ['deep'];
      for (const at of [[], leaf]) {
        await h.trial(
          `3,000 levels at ${at.join('.') || 'the root'}`,
          { ...req, ...jsonBody(setAt(valid, at, nested(3000))) },
          { status: 400, code: 'too_deep', near: at },
        );
      }
      await h.trial(
        'over the body limit',
        { ...req, ...jsonBody({ ...(valid as object), pad: 'x'.repeat(BODY_LIMIT) }) },
        { status: 413, code: 'payload_too_large', path: ['body'] },
      );
    }
    expect(h.problems).toEqual([]);
  }, 120_000);

  it('when a field has the wrong type, an unknown field is added or a ' +
    'required one left out, then it is refused naming that field and ' +
    'nothing changes', async () => {
    h.look();
    for (const r of bodyRoutes(false)) {
      cover(r);
      const spec = specOf(r);
      const input = spec.body!;
      const req = { as: spec.as, method: r.method, url: urlOf(r) };
      // Each required field left out, and each object given a field it does not know.
      for (const n of nodes(input.valid)) {
        if (typeof n.path.at(-1) === 'string' && !accepted(input, deleteAt(input.valid, n.path))) {
          await h.trial(
            `without ${n.path.join('.')}`,
            { ...req, ...jsonBody(deleteAt(input.valid, n.path)) },
            { status: 400, near: n.path },
          );
        }
        if (
          typeof n.value === 'object' &&
          n.value !== null &&
          !Array.isArray(n.value) &&
          !accepted(input, setAt(input.valid, [...n.path, 'surplus'], 1))
        ) {
          await h.trial(
            `unknown field in ${n.path.join('.') || 'the body'}`,
            { ...req, ...jsonBody(setAt(input.valid, [...n.path, 'surplus'], 1)) },
            { status: 400, path: n.path },
          );
        }
      }
      await h.property(`${keyOf(r)} mutated`, mutations(input.valid), async (m) => {
        fc.pre(!accepted(input, m.value));
        return h.trial(
          `${m.kind} at ${m.path.join('.') || 'the body'}`,
          { ...req, ...jsonBody(m.value) },
          { near: m.path },
        );
      });
    }
    expect(h.problems).toEqual([]);
  }, 180_000);

  it('when strings or arrays go past their limits, then it is refused ' +
    'naming the field and nothing changes', async () => {
    h.look();
    for (const r of bodyRoutes(false)) {
      cover(r);
      const spec = specOf(r);
      const input = spec.body!;
      const ok = (v: Json) => accepted(input, v);
      const req = { as: spec.as, method: r.method, url: urlOf(r) };
      for (const o of [...oversizedStrings(input.valid, ok), ...oversizedArrays(input.valid, ok)]) {
        await h.trial(
          `${o.path.join('.')} at length ${o.length}`,
          { ...req, ...jsonBody(o.value) },
          { near: o.path, tooLargeOk: true },
        );
      }
    }
    expect(h.problems).toEqual([]);
  }, 120_000);

  it('when a timestamp has no zone or is no date, lies in the future where ' +
    'it must not, or a grant brings its own, then it is refused naming it ' +
    'and nothing changes', async () => {
    h.look();
    const future = new Date(Date.now() + 365 * 86_400_000).toISOString();
    for (const r of bodyRoutes(false)) {
      const spec = specOf(r);
      const req = { as: spec.as, method: r.method, url: urlOf(r) };
      for (const t of badTimestamps(spec.body!.valid))
        await h.trial(
          `${t.path.join('.')} as ${t.as}`,
          { ...req, ...jsonBody(t.value) },
          { status: 400, path: t.path },
        );
      for (const p of spec.noFuture ?? [])
        await h.trial(
          `${p.join('.')} in the future`,
          { ...req, ...jsonBody(setAt(spec.body!.valid, p, future)) },
          { status: 400, path: p },
        );
    }
    const grant = routes.find((r) => keyOf(r) === 'POST /api/v1/customers/:customerId/consents')!;
    const g = specOf(grant);
    const req = { as: g.as, method: grant.method, url: urlOf(grant) };
    const valid = g.body!.valid;
    for (const at of ['2026-03-01T00:00:00Z', future, new Date().toISOString()]) {
      await h.trial(
        `a grant dated ${at}`,
        { ...req, ...jsonBody(setAt(valid, ['consent', 'at'], at)) },
        { status: 400, path: ['consent', 'at'] },
      );
    }
    await h.trial(
      'a grant that already ended',
      { ...req, ...jsonBody(setAt(valid, ['consent', 'expiresAt'], '2020-01-01T00:00:00Z')) },
      { status: 400, path: ['consent', 'expiresAt'] },
    );
    // Keys the taxonomy does not know, wherever a route takes one.
    const misspelt: [string, JsonPath][] = [
      ['POST /api/v1/customers/:customerId/consents', ['consent', 'categories', 0]],
      ['POST /api/v1/customers/:customerId/consents', ['consent', 'purpose']],
      ['POST /api/v1/customers/:customerId/consents/import', ['consents', 0, 'categories', 0]],
      ['POST /api/v1/customers/:customerId/facts', ['facts', 0, 'category']],
    ];
    for (const [key, p] of misspelt) {
      const r = routes.find((x) => keyOf(x) === key)!;
      const spec = specOf(r);
      const value = setAt(
        spec.body!.valid,
        p,
        p.includes('purpose') ? 'essential.service.operations.suport' : 'user.behavior.purchase_histroy',
      );
      await h.trial(
        `unknown key at ${p.join('.')}`,
        { as: spec.as, method: r.method, url: urlOf(r), ...jsonBody(value) },
        { status: 400, path: p },
      );
    }
    const facts = routes.find((x) => keyOf(x) === 'POST /api/v1/customers/:customerId/facts')!;
    const batch = specOf(facts).body!.valid as { facts: Json[] };
    await h.trial(
      'one fact id twice',
      { as: 'admin', method: 'POST', url: urlOf(facts), ...jsonBody({ facts: [...batch.facts, ...batch.facts] }) },
      { status: 400, path: ['facts', 1, 'id'] },
    );
    expect(h.problems).toEqual([]);
  }, 60_000);

  it('when a param tries to leave its folder, holds NUL, odd or malformed ' +
    'characters, or is very long, then it is refused naming it and nothing ' +
    'changes', async () => {
    h.look();
    for (const r of routes) {
      const names = [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      if (!names.length) continue;
      cover(r);
      const spec = specOf(r);
      for (const name of names) {
        for (const odd of ODD_PARAMS.filter((v) => !(spec.creates === name && v === 'nobody'))) {
          const url = urlOf(r, { [name]: '\u0001' }).replace(encodeURIComponent('\u0001'), odd);
          // With the valid body: the param is all that is wrong.
          const word = name === 'token' ? 'link' : name.replace(/Id$/, '');
          await h.trial(
            `${name} = ${odd.slice(0, 40)}`,
            { as: spec.as, method: r.method, url, ...validBody(spec), headers: spec.headers },
            { word, ...(r.path.startsWith('/api/') ? { near: ['params'] } : {}) },
          );
        }
      }
    }
    expect(h.problems).toEqual([]);
  }, 120_000);

  it('when a query string has unknown, repeated, missing or malformed ' +
    'fields, then it is refused naming the field; where a route takes ' +
    'none, it is ignored; nothing changes', async () => {
    h.look();
    for (const r of routes.filter((x) => x.method === 'GET')) {
      cover(r);
      const spec = specOf(r);
      const query = spec.query;
      if (!query) {
        const clean = (await h.send({ as: spec.as, method: 'GET', url: urlOf(r) })).status;
        h.changed();
        await h.trial(
          'a query it takes no notice of',
          { as: spec.as, method: 'GET', url: `${urlOf(r)}?surplus=1&__proto__=x&a%5Bb%5D=c&limit=-1` },
          { sameAs: clean },
        );
        continue;
      }
      const pairs = Object.entries(query.valid as Record<string, string>);
      const get = (p: [string, string][], label: string, want: Want) =>
        h.trial(label, { as: spec.as, method: 'GET', url: `${urlOf(r)}?${new URLSearchParams(p)}` }, want);
      await get([...pairs, ['surplus', '1']], 'an unknown field', { status: 400, path: ['query'] });
      for (const [k, v] of pairs) {
        await get([...pairs, [k, v]], `${k} twice`, { status: 400, path: ['query', k] });
        const without = pairs.filter(([x]) => x !== k);
        if (!accepted(query, querystring.parse(new URLSearchParams(without).toString())))
          await get(without, `without ${k}`, { status: 400, path: ['query', k] });
      }
      for (const t of badTimestamps(query.valid))
        await get(Object.entries(t.value as Record<string, string>), `${t.path.join('.')} as ${t.as}`, {
          status: 400,
          path: ['query', ...t.path],
        });
      if ('limit' in (query.valid as object))
        for (const bad of ['x', '0', '1001', '1.5', '-1', '', '1e400'])
          await get(
            pairs.map(([k, v]) => [k, k === 'limit' ? bad : v]),
            `limit = ${bad}`,
            { status: 400, path: ['query', 'limit'] },
          );
      const pairArb = fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...pairs.map(([k]) => k)), fc.string({ minLength: 1, maxLength: 8 })),
          fc.string({ maxLength: 30 }),
        ),
        { maxLength: 8 },
      );
      await h.property(`${keyOf(r)} query`, pairArb, async (p) => {
        const parsed = querystring.parse(new URLSearchParams(p).toString());
        fc.pre(!accepted(query, parsed));
        return get(p, `query ${JSON.stringify(p).slice(0, 80)}`, { status: 400 });
      });
    }
    expect(h.problems).toEqual([]);
  }, 120_000);
});

describe('bad forms in the privacy portal', () => {
  it('when a form misses, repeats or adds fields, has a stale CSRF field, ' +
    'is too large, has too many fields or comes in another type, then it ' +
    'is refused and nothing changes', async () => {
    h.look();
    for (const r of bodyRoutes(true)) {
      cover(r);
      const spec = specOf(r);
      const input = spec.body!;
      const valid = Object.entries(input.valid as Record<string, string>);
      const req = { as: spec.as, method: r.method, url: urlOf(r), headers: spec.headers };
      const post = (pairs: [string, string][], label: string, want: Want = {}) =>
        h.trial(label, { ...req, ...formBody(pairs) }, want);
      await post([], 'an empty form', { status: 400, word: valid[0]![0] });
      // A field the form may leave out or empty (a note the customer need not write) is tried only where it must not.
      const takes = (pairs: [string, string][]) => accepted(input, Object.fromEntries(pairs));
      for (const [k, v] of valid) {
        const without = valid.filter(([x]) => x !== k);
        if (!takes(without)) await post(without, `without ${k}`, { status: 400, word: k });
        await post([...valid, [k, v]], `${k} twice`, { status: 400, word: k });
        const emptied = valid.map(([x, y]): [string, string] => [x, x === k ? '' : y]);
        if (!takes(emptied)) await post(emptied, `${k} empty`, { word: k });
      }
      await post([...valid, ['surplus', '1']], 'an unknown field', { status: 400, word: 'surplus' });
      if ('csrf' in (input.valid as object))
        await post(
          valid.map(([k, v]) => [k, k === 'csrf' ? `${v}x` : v]),
          'a stale CSRF field',
          { status: 403, word: /out of date/ },
        );
      else
        await post(
          valid.map(([k]) => [k, 'not-an-address']),
          'not an address',
          { status: 400, word: valid[0]![0] },
        );
      await post(
        [...valid, ...Array.from({ length: 12 }, (_, i) => [`f${i}`, '1'] as [string, string])],
        'too many fields',
        { status: 413, path: ['body'] },
      );
      await post([...valid, ['pad', 'x'.repeat(5000)]], 'over the form limit', {
        status: 413,
        code: 'payload_too_large',
      });
      await h.trial(
        'not really gzip',
        { ...req, ...formBody(valid), headers: { 'content-encoding': 'gzip' } },
        { status: 400, path: ['body'] },
      );
      for (const type of ['application/json', 'text/plain', 'multipart/form-data; boundary=x'])
        await h.trial(
          `the form as ${type}`,
          {
            ...req,
            body: type === 'application/json' ? JSON.stringify(input.valid) : new URLSearchParams(valid).toString(),
            type,
          },
          { status: 400 },
        );
      const pairArb = fc.array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom(...valid.map(([k]) => k)),
            fc.stringMatching(/^[a-z_]{1,10}$/).filter((k) => k !== '__proto__'),
          ),
          fc.oneof(fc.constantFrom(...valid.map(([, v]) => v)), fc.string({ maxLength: 40 })),
        ),
        { maxLength: 6 },
      );
      await h.property(`${keyOf(r)} form`, pairArb, async (pairs) => {
        const form: Record<string, string | string[]> = {};
        for (const [k, v] of pairs) form[k] = Object.hasOwn(form, k) ? [...[form[k]!].flat(), v] : v;
        fc.pre(!accepted(input, form));
        return post(pairs, `form ${JSON.stringify(pairs).slice(0, 80)}`);
      });
    }
    expect(h.problems).toEqual([]);
  }, 120_000);
});

describe('bad payloads on every socket event', () => {
  // That the table names every registered event is pinned in permissions.test.ts.
  it('when a payload is no object, has wrong types, unknown or missing ' +
    'fields, strings or arrays too long, or nests 3,000 deep, then the ack ' +
    'refuses it naming the field and nothing changes', async () => {
    h.look();
    for (const [event, input] of Object.entries(eventSpecs(ids)) as [PanelEvent, Input][]) {
      const ok = (v: Json) => accepted(input, v);
      for (const v of [1, 'T-1', null, true, [], [input.valid], 1.5])
        await h.emitTrial(event, `payload ${JSON.stringify(v)}`, v, { path: [] });
      for (const n of nodes(input.valid)) {
        if (typeof n.path.at(-1) === 'string' && !ok(deleteAt(input.valid, n.path)))
          await h.emitTrial(event, `without ${n.path.join('.')}`, deleteAt(input.valid, n.path), { near: n.path });
        if (
          typeof n.value === 'object' &&
          n.value !== null &&
          !Array.isArray(n.value) &&
          !ok(setAt(input.valid, [...n.path, 'surplus'], 1))
        )
          await h.emitTrial(
            event,
            `unknown field in ${n.path.join('.') || 'the payload'}`,
            setAt(input.valid, [...n.path, 'surplus'], 1),
            { path: n.path },
          );
      }
      for (const o of [...oversizedStrings(input.valid, ok), ...oversizedArrays(input.valid, ok)])
        await h.emitTrial(event, `${o.path.join('.')} at length ${o.length}`, o.value, { near: o.path });
      for (const t of badTimestamps(input.valid))
        await h.emitTrial(event, `${t.path.join('.')} as ${t.as}`, t.value, { path: t.path });
      // At the root, and inside the payload's first field if it has one (`notes:setting` takes `{}`).
      const inner = nodes(input.valid).find((n) => n.path.length);
      for (const at of [[], ...(inner ? [inner.path] : [])]) {
        await h.emitTrial(
          event,
          `3,000 levels at ${at.join('.') || 'the root'}`,
          setAt(input.valid, at, nested(3000)),
          { code: 'too_deep', near: at },
        );
      }
      await h.property(`${event} mutated`, mutations(input.valid), async (m) => {
        fc.pre(!ok(m.value));
        return h.emitTrial(event, `${m.kind} at ${m.path.join('.') || 'the payload'}`, m.value, { near: m.path });
      });
    }
    expect(h.problems).toEqual([]);
    expect(await h.stillUp()).toEqual([]);
  }, 120_000);

  it('when an event comes without an ack (or with something else in its ' +
    'place), then nothing happens, the server stays up and the panel keeps ' +
    'working', async () => {
    h.look();
    for (const [event, input] of Object.entries(eventSpecs(ids)) as [PanelEvent, Input][]) {
      h.figures.events.add(event);
      // Even a valid payload does nothing without an ack: nobody would hear the answer.
      for (const args of [
        [],
        [input.valid],
        [{ surplus: true }],
        [input.valid, 'not a function'],
        [input.valid, { ack: true }, 42],
      ]) {
        h.figures.cases += 1;
        (panel.emit as (...a: unknown[]) => void)(event, ...args);
        const down = await h.stillUp();
        if (h.changed()) {
          h.figures.changed += 1;
          down.push('changed state');
        }
        if (down.length) h.note(`${event} with ${JSON.stringify(args).slice(0, 80)} and no ack: ${down.join('; ')}`);
      }
    }
    expect(h.problems).toEqual([]);
  }, 60_000);

  it('when a payload is over the size cap, then that socket is dropped, the ' +
    'server stays up and other panels are unaffected', async () => {
    h.look();
    for (const event of Object.keys(PANEL_EVENTS) as PanelEvent[]) {
      h.figures.cases += 1;
      h.figures.events.add(event);
      const big = await s.panel(s.tokens.agent);
      const dropped = new Promise<string>((resolve) => big.once('disconnect', resolve));
      big.emit(event as 'ticket:close', { ticketId: 'x'.repeat(BODY_LIMIT + 1) }, () =>
        h.note(`${event} over the cap was answered`),
      );
      await dropped;
      const down = await h.stillUp();
      if (h.changed()) {
        h.figures.changed += 1;
        down.push('changed state');
      }
      if (down.length) h.note(`${event} over the size cap: ${down.join('; ')}`);
    }
    expect(h.problems).toEqual([]);
  }, 60_000);
});

describe('the defects this suite found, by name', () => {
  it(
    'when a body says it is compressed but is not, then it is 400 naming ' +
      'the body (it was 500) and nothing is applied',
    async () => {
      h.look();
      for (const encoding of ['gzip', 'deflate', 'br']) {
        const res = await h.send({
          as: 'agent',
          method: 'POST',
          url: '/api/v1/customers/c_dana/opt-out',
          ...jsonBody({ signal: 'gpc' }),
          headers: { 'content-encoding': encoding },
        });
        expect(res).toMatchObject({ status: 400, json: { error: { code: 'unreadable_body', path: ['body'] } } });
      }
      expect(h.changed()).toBe(false);
    },
  );

  it('when a portal form has more fields than it takes, then it is 413 naming the body (it was 500)', async () => {
    const pairs = Array.from({ length: 11 }, (_, i) => [`f${i}`, '1'] as [string, string]);
    const res = await h.send({
      as: 'portal',
      method: 'POST',
      url: '/portal/opt-out',
      ...formBody([['csrf', ids.csrf], ...pairs]),
    });
    expect(res).toMatchObject({ status: 413, json: { error: { code: 'too_many_fields', path: ['body'] } } });
  });

  it(
    'when a param holds a malformed %-escape, then it is 400 naming params ' +
      '(it was 500), on the API and in the portal',
    async () => {
      for (const [as, url] of [
        ['agent', '/api/v1/customers/%E0%A4%A'],
        ['lead', '/api/v1/prompts/%'],
        ['anyone', '/portal/l/%C0%AE'],
      ] as const) {
        const res = await h.send({ as, method: 'GET', url });
        expect(res, url).toMatchObject({ status: 400, json: { error: { code: 'invalid_url', path: ['params'] } } });
      }
    },
  );

  it(
    'when a POST that takes no fields is sent some (a revocation, an ' +
      'export, an import, an add-to-gate), then it is refused and nothing is ' +
      'done (it was done)',
    async () => {
      h.look();
      const cases = [
        ['POST', `/tokens/${ids.spareToken}/revoke`, { reason: 'left the team' }],
        ['POST', `/tokens/${ids.spareToken}/revoke`, []],
        ['POST', '/prompts/export', { dir: '/tmp' }],
        ['POST', '/prompts/import', [1]],
        ['POST', `/recordings/${ids.recording}/add-to-gate`, { as: 'x' }],
      ] as const;
      for (const [method, route, body] of cases) {
        const res = await s.api(method, route, body, s.tokens.lead);
        expect(res, route).toMatchObject({ status: 400, body: { error: { code: 'invalid_input', path: [] } } });
        expect(res.body.error.message).toMatch(/^body: /);
      }
      expect(h.changed()).toBe(false);
      expect(
        (await s.api('GET', '/tokens', undefined, s.tokens.lead)).body.tokens.find(
          (t: { id: string }) => t.id === ids.spareToken,
        ).revokedAt,
      ).toBeNull();
    },
  );

  it(
    'when a preview or a gate run names no template, then it is 404 naming ' + 'params.id (it was 200 with a problem)',
    async () => {
      for (const [route, body] of [
        ['/prompts/no.such.template/preview', { source: ids.templateSource, sessionId: ids.gateSession }],
        ['/prompts/no.such.template/gate', { source: ids.templateSource }],
      ] as const) {
        expect(await s.api('POST', route, body, s.tokens.lead), route).toMatchObject({
          status: 404,
          body: { error: { code: 'template_not_found', path: ['params', 'id'] } },
        });
      }
    },
  );

  it(
    'when a customer is saved with an id that is not one, then the error ' + 'names params.customerId (it named "id")',
    async () => {
      const res = await s.api('PUT', '/customers/..%2Fx', { displayName: 'X' }, s.tokens.admin);
      expect(res).toMatchObject({ status: 400, body: { error: { path: ['params', 'customerId'] } } });
    },
  );

  it('when an opt-out is sent as text/plain, then it is 415 and no opt-out is recorded', async () => {
    const res = await s.api('POST', '/customers/c_dana/opt-out', '{"signal":"gpc"}', s.tokens.agent, {
      'content-type': 'text/plain',
    });
    expect(res).toMatchObject({
      status: 415,
      body: { error: { code: 'unsupported_media_type', path: ['headers', 'content-type'] } },
    });
    expect((await s.api('GET', '/customers/c_dana', undefined, s.tokens.agent)).body.flags).toEqual({
      optedOut: false,
      gpc: false,
    });
  });

  it('when a grant carries its own date, then it is refused naming consent.at', async () => {
    const res = await s.api(
      'POST',
      '/customers/c_dana/consents',
      {
        consent: {
          id: 'k5',
          purpose: 'essential',
          categories: ['user.behavior'],
          status: 'granted',
          source: 'chat',
          at: '2026-01-01T00:00:00Z',
        },
        ticketId: 'T-1',
      },
      s.tokens.agent,
    );
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_input', path: ['consent', 'at'] } } });
    expect(res.body.error.message).toMatch(/^consent\.at: /);
  });

  it('when an import dates a consent in the future, then it is refused naming consents.N.at', async () => {
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const res = await s.api(
      'POST',
      '/customers/c_dana/consents/import',
      {
        system: 'the old shop',
        consents: [
          {
            id: 'k6',
            purpose: 'essential',
            categories: ['user.behavior'],
            status: 'granted',
            at: '2026-01-01T00:00:00Z',
            source: 'x',
          },
          { id: 'k7', purpose: 'essential', categories: ['user.behavior'], status: 'granted', at, source: 'x' },
        ],
      },
      s.tokens.admin,
    );
    expect(res).toMatchObject({ status: 400, body: { error: { path: ['consents', 1, 'at'] } } });
    expect(
      (await s.api('GET', '/customers/c_dana/consents', undefined, s.tokens.admin)).body.consents.map(
        (k: { id: string }) => k.id,
      ),
    ).toEqual(['k1']);
  });

  it(
    'when a query names fields GET /customers does not take, then it is ' +
      'refused naming the query (they were ignored)',
    async () => {
      expect(
        await s.api('GET', '/customers?email=dana%40example.org&displayName=Dana', undefined, s.tokens.agent),
      ).toMatchObject({ status: 400, body: { error: { path: ['query'] } } });
    },
  );

  it(
    "when a customer is given another customer's e-mail address, then it " +
      'is 409 naming email (it was a 500 from the database) and nothing ' +
      'changes',
    async () => {
      h.look();
      const res = await s.api(
        'PUT',
        '/customers/c_other',
        { displayName: 'Someone else', email: 'dana@example.org' },
        s.tokens.admin,
      );
      expect(res).toMatchObject({ status: 409, body: { error: { code: 'email_taken', path: ['email'] } } });
      expect(res.body.error.message).toMatch(/^email: /);
      expect(h.changed()).toBe(false);
      expect(
        (
          await s.api(
            'PUT',
            '/customers/c_other',
            { displayName: 'Someone else', email: 'DANA@example.org' },
            s.tokens.admin,
          )
        ).status,
      ).toBe(409);
    },
  );
});

describe('the cases that matter most, by name', () => {
  it('when a body nests 3,000 deep, then it is 400 too_deep naming the path', async () => {
    const res = await s.api(
      'POST',
      '/assist',
      { ticketId: 'T-1', customerId: 'c_dana', conversation: nested(3000) },
      s.tokens.agent,
    );
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'too_deep' } } });
    expect(res.body.error.path).toHaveLength(MAX_DEPTH);
    expect(res.body.error.path.slice(0, 2)).toEqual(['conversation', 0]);
    expect(res.body.error.message).toMatch(/^conversation\.0\.0\.0\.0\.…: nested deeper than 32 levels/);
  });
});
