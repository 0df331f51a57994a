/**
 * The server's own work, measured in-process on the real code paths: the context (store snapshot,
 * policy, ranking) at several store sizes, the whole offline suggestion pipeline, fact ingestion
 * through the REST batch endpoint, and the model path's own overhead against an endpoint that
 * answers at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import OpenAI from 'openai';
import { parseConfig } from '../server/config.js';
import { loadAssistSettings } from '../server/assist/settings.js';
import { assist, type AssistSettings } from '../server/assist/assist.js';
import { buildContext } from '../server/context/view.js';
import { offlineEngine, type Engine, type EngineRequest } from '../server/suggest/engine.js';
import { modelEngine } from '../server/suggest/model/engine.js';
import { keysIn, openSqliteStore } from '../server/store/index.js';
import type { Store } from '../server/store/types.js';
import { createLogger } from '../server/log.js';
import { startServer } from '../harness/server.js';
import { startFakeOpenAI } from '../harness/fake-openai.js';
import { buildDataSet, TARGET } from './data.js';
import { quantile, sampleInTurn, turnOrder } from './stats.js';
import { rawDb } from '../server/store/test-backends.js';

type Progress = (line: string) => void;
const CONVERSATION = [
  { role: 'customer' as const, text: 'Hi, the blender from my last order stopped working. Can you check the order?' },
];
const request = (ticketId: string): EngineRequest => ({
  ticketId,
  conversation: CONVERSATION,
  names: [],
  recordModelCall: async () => null,
});

const inputFor = async (store: Store) => ({
  ...(await store.customers.snapshot(TARGET))!,
  conversation: CONVERSATION,
  now: Date.now(),
});

/** A store of `customers` customers (plus the measured one) in a temporary directory. */
async function withStore<T>(
  spec: StoreSpec,
  progress: Progress,
  run: (store: Store, facts: number, dir: string) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-bench-'));
  const keys = { ...keysIn(dir), CANDOR_ENCRYPTION: spec.encryption };
  const facts = await buildDataSet(dir, { customers: spec.customers, factsEach: spec.factsEach, progress }, keys);
  const store = await openSqliteStore(dir, keys);
  return run(store, facts, dir).finally(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

export async function coreBench(o: { quick: boolean; progress: Progress }) {
  const figures: Record<string, number> = {};
  const notes: string[] = [];
  const settings = loadAssistSettings(parseConfig({}));
  const n = o.quick ? { warmup: 100, samples: 1000 } : { warmup: 500, samples: 5000 };

  // The headline store: 100,000 customers, 2,000,000 facts (20 each) plus the measured customer.
  const main = o.quick ? { customers: 20_000, factsEach: 20 } : { customers: 100_000, factsEach: 20 };
  // Encrypted (the default) and plain (`CANDOR_ENCRYPTION=off`, the `_plain` figures) open at once and sampled in
  // turn: measured one after the other, a shared machine's load moved them apart by more than encryption costs.
  const side = (encryption: 'on' | 'off') => ({ customers: main.customers, factsEach: main.factsEach, encryption });
  await withStores([side('on'), side('off')], o.progress, async ([on, off]) => {
    const ctx = await sampleInTurn(
      [on!, off!].map(
        ({ store }) =>
          async () =>
            buildContext(await inputFor(store), settings),
      ),
      { ...n, progress: (i) => o.progress(`context, encrypted and plain in turn: ${i}/${n.samples}`) },
    );
    const sug = await sampleInTurn(
      [on!, off!].map(
        ({ store }) =>
          async (i: number) =>
            assist(await inputFor(store), request(`T-${i}`), settings, offlineEngine(settings)),
      ),
      { ...n, progress: (i) => o.progress(`suggest, encrypted and plain in turn: ${i}/${n.samples}`) },
    );
    for (const [k, suffix] of ['', '_plain'].entries())
      Object.assign(figures, {
        [`context_p50_ms${suffix}`]: ctx[k]!.p50,
        [`context_p99_ms${suffix}`]: ctx[k]!.p99,
        [`suggest_p50_ms${suffix}`]: sug[k]!.p50,
        [`suggest_p99_ms${suffix}`]: sug[k]!.p99,
      });
    figures.context_floor_raw_read_p50_ms = rawReadFloor(on!.dir, n);
    figures.context_p50_ratio_to_floor = ratio(figures.context_p50_ms!, figures.context_floor_raw_read_p50_ms);
    notes.push(
      `context and suggest: ${main.customers.toLocaleString('en')} customers, ` +
        `${on!.facts.toLocaleString('en')} facts; the measured customer has 200 facts and 20 consents; ` +
        `${n.samples} samples each after ${n.warmup} warm-up; *_plain: the same store with CANDOR_ENCRYPTION=off, ` +
        'open at the same time and sampled in turn with the encrypted one',
    );
  });
  Object.assign(figures, await ingest(o.quick ? 10 : 40, o.progress, notes));
  // What encryption costs, in per cent of the plain figure (README, Encryption at rest).
  const cost = (on: number, off: number) => Math.round((on / off - 1) * 1000) / 10;
  figures.encryption_cost_context_pct = cost(figures.context_p50_ms!, figures.context_p50_ms_plain!);
  figures.encryption_cost_suggest_pct = cost(figures.suggest_p50_ms!, figures.suggest_p50_ms_plain!);
  figures.encryption_cost_ingest_pct = cost(figures.ingest_facts_per_s_plain!, figures.ingest_facts_per_s!);

  // Growth: the same context p50 as the store grows (2 facts a customer at 1M, to keep loading in minutes).
  const sizes: [string, number, number][] = o.quick
    ? [
        ['10k', 10_000, 2],
        ['100k', 100_000, 2],
      ]
    : [
        ['10k', 10_000, 20],
        ['100k', 100_000, 20],
        ['1m', 1_000_000, 2],
      ];
  // All sizes open at once and sampled in turn, so that the machine's load drifting during the run falls on each alike.
  await withStores(
    sizes.map(([, customers, factsEach]) => ({ customers, factsEach, encryption: 'on' as const })),
    o.progress,
    async (opened) => {
      const ctx = await sampleInTurn(
        opened.map(
          ({ store }) =>
            async () =>
              buildContext(await inputFor(store), settings),
        ),
        { ...n, progress: (i) => o.progress(`context at ${sizes.map((s) => s[0]).join(', ')}: ${i}/${n.samples}`) },
      );
      for (const [k, [name, customers]] of sizes.entries()) {
        figures[`context_p50_ms_${name}`] = ctx[k]!.p50;
        figures[`context_floor_raw_read_p50_ms_${name}`] = rawReadFloor(opened[k]!.dir, n);
        notes.push(
          `context_p50_ms_${name}: ${customers.toLocaleString('en')} customers, ` +
            `${opened[k]!.facts.toLocaleString('en')} facts, ${n.samples} samples, taken in turn with the other sizes`,
        );
      }
    },
  );
  const growth = o.quick ? '100k' : '1m';
  figures[`context_growth_ratio_${growth}`] = ratio(figures[`context_p50_ms_${growth}`]!, figures.context_p50_ms_10k!);
  notes.push(
    "context_floor_raw_read_*: the measured customer's fact rows read with better-sqlite3-multiple-ciphers and the " +
      "store's key, nothing else (values stay sealed); p50 over the same number of reads as the context",
  );
  if (o.quick) notes.push('--quick: the headline store has 20,000 customers, and context_p50_ms_1m is not measured');

  Object.assign(figures, await llmOverhead(o.quick ? 100 : 500, o.progress, notes));
  return { figures, notes };
}

interface StoreSpec {
  customers: number;
  factsEach: number;
  encryption: 'on' | 'off';
}

/** A store per spec, open together. */
async function withStores<T>(
  specs: readonly StoreSpec[],
  progress: Progress,
  run: (opened: { store: Store; facts: number; dir: string }[]) => Promise<T>,
  opened: { store: Store; facts: number; dir: string }[] = [],
): Promise<T> {
  const next = specs[opened.length];
  if (!next) return run(opened);
  return withStore(next, progress, (store, facts, dir) =>
    withStores(specs, progress, run, [...opened, { store, facts, dir }]),
  );
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/**
 * The floor under the context: the measured customer's fact rows read with the store's driver and key and nothing else
 * (values stay sealed), in the same store and run, beside the context's p50.
 */
function rawReadFloor(dir: string, n: { warmup: number; samples: number }) {
  const db = rawDb(dir, { readonly: true });
  try {
    const read = db
      .prepare(
        'SELECT id, category, text, value_json, source, collected_at, erased_at FROM facts WHERE customer_id = ?',
      )
      .raw();
    const times: number[] = [];
    for (let i = 0; i < n.warmup + n.samples; i++) {
      const t0 = performance.now();
      read.all(TARGET);
      if (i >= n.warmup) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return quantile(times, 0.5);
  } finally {
    db.close();
  }
}

/**
 * Facts through `POST /customers/:id/facts`, 5,000 a batch (under the default 1 MB body limit), to two real servers
 * with real SQLite files, encrypted and plain, a batch to each in turn.
 */
const BATCH = 5_000;

async function ingest(batches: number, progress: Progress, notes: string[]) {
  const servers = [await startServer({ CANDOR_ENCRYPTION: 'on' }), await startServer({ CANDOR_ENCRYPTION: 'off' })];
  try {
    const body = (b: number) =>
      JSON.stringify({
        facts: Array.from({ length: BATCH }, (_, i) => ({
          id: `b${b}-${i}`,
          category: 'user.behavior.purchase_history',
          text: `Order #${b * BATCH + i}: Blender Pro 3000`,
          value: { order: String(b * BATCH + i) },
          source: 'orders',
          collectedAt: '2026-11-01T00:00:00.000Z',
        })),
      });
    const post = async (s: (typeof servers)[number], payload: string) => {
      const res = await s.api('POST', '/customers/c_ingest/facts', payload);
      if (res.status !== 200 && res.status !== 201)
        throw new Error(`ingest answered ${res.status}: ${JSON.stringify(res.body)}`);
    };
    for (const s of servers) {
      await s.api('PUT', '/customers/c_ingest', { displayName: 'Ingest Test' });
      await post(s, body(-1)); // warm-up
    }
    const bodies = Array.from({ length: batches }, (_, b) => body(b));
    const seconds = servers.map(() => 0);
    for (const [b, payload] of bodies.entries()) {
      for (const k of turnOrder(servers.length, b)) {
        const t0 = performance.now();
        await post(servers[k]!, payload);
        seconds[k]! += (performance.now() - t0) / 1000;
      }
      progress(`ingest, encrypted and plain in turn: ${(b + 1) * BATCH}/${batches * BATCH} facts each`);
    }
    notes.push(
      `ingest_facts_per_s: ${batches} batches of ${BATCH.toLocaleString('en')} facts over HTTP, ` +
        'each one transaction with its audit entry (synchronous=FULL); *_plain: a second server with ' +
        'CANDOR_ENCRYPTION=off, sent each batch in turn with the encrypted one, each going first every other batch',
    );
    return {
      ingest_facts_per_s: (batches * BATCH) / seconds[0]!,
      ingest_facts_per_s_plain: (batches * BATCH) / seconds[1]!,
    };
  } finally {
    for (const s of servers) await s.close();
  }
}

/**
 * The model path against a local OpenAI-compatible server that answers at once: the whole assist
 * minus the time from the request leaving to the last byte of the answer arriving.
 */
async function llmOverhead(samples: number, progress: Progress, notes: string[]) {
  const answer = JSON.stringify({
    suggestions: [
      {
        text: 'I can see on your account an order of a Blender Pro 3000 [1] — is that the one you mean?',
        footnotes: [{ marker: 1, facts: ['F1'] }],
      },
    ],
  });
  const fake = await startFakeOpenAI(() => ({ content: answer }));
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-bench-'));
  await buildDataSet(dir, { customers: 1000, factsEach: 5 });
  const store = await openSqliteStore(dir, keysIn(dir));
  let modelMs = 0;
  // The SDK's fetch, timed from the request to the end of the response body.
  const timedFetch: typeof fetch = async (url, init) => {
    const t0 = performance.now();
    const res = await fetch(url, init);
    const body = res.body!.pipeThrough(
      new TransformStream({
        flush() {
          modelMs += performance.now() - t0;
        },
      }),
    );
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  try {
    const settings: AssistSettings = loadAssistSettings(parseConfig({}), undefined, { model: true });
    const client = new OpenAI({ apiKey: 'bench', baseURL: fake.url, maxRetries: 0, fetch: timedFetch });
    const engine: Engine = modelEngine(settings, {
      client,
      model: 'bench-model',
      timeoutMs: 20_000,
      log: createLogger('silent'),
    });
    const overheads: number[] = [];
    let shown = 0;
    for (let i = 0; i < samples + 50; i++) {
      modelMs = 0;
      const t0 = performance.now();
      const result = await assist(await inputFor(store), request(`T-${i}`), settings, engine);
      const total = performance.now() - t0;
      if (i >= 50) {
        overheads.push(total - modelMs);
        shown += result.view.suggestions.length;
      }
      if (i % 100 === 0) progress(`llm overhead: ${i}/${samples + 50}`);
    }
    overheads.sort((a, b) => a - b);
    notes.push(
      `llm_overhead_p50_ms: ${samples} model-path assists after 50 warm-up, ` +
        `streamed answers from a local endpoint; ${shown} suggestions passed ` +
        `the guard`,
    );
    return {
      llm_overhead_p50_ms: overheads[Math.floor(overheads.length / 2)]!,
      llm_overhead_p99_ms: overheads[Math.floor(overheads.length * 0.99)]!,
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
    await fake.close();
  }
}
