/**
 * `kill -9`, again and again. The server runs as its own process (as `npm start` runs it) on one
 * data directory; four clients stream writes at it — customers, fact ingests (some in bulk),
 * consent grants (relayed by an agent with their ticket, or by an admin) and withdrawals, opt-outs
 * and opt-ins, fact and customer erasures — and after a random number of acknowledgements it is
 * killed hard, mid-stream. `candor audit verify` checks the chain as the crash left it, the server
 * starts again on the same directory, and every write acknowledged (2xx received) in any cycle so
 * far must be there. A write cut short by the kill may or may not be; it is never checked.
 *
 * 8 cycles by default (a restart takes seconds on a loaded machine: the run stays under a minute);
 * CANDOR_KILL_CYCLES sets more for a longer run, CANDOR_KILL_SEED replays one's choices.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../harness/processes.js';
import { seeded } from '../../harness/seeded.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CYCLES = Number(process.env.CANDOR_KILL_CYCLES ?? 8);
const SEED = Number(process.env.CANDOR_KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const WORKERS = 4;
/** The most acknowledgements a cycle waits for before the kill (at least one). */
const MAX_ACKS_PER_CYCLE = 40;

// Seeded, so a failing run can be replayed with its seed.
const random = seeded(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

/** What the clients know of each customer: only what was acknowledged, and what was attempted. */
interface Known {
  id: string;
  /** An erasure was sent: nothing more is written about them, acknowledged or not. */
  erasing: boolean;
  erased: boolean;
  facts: string[];
  erasedFacts: Set<string>;
  erasingFacts: Set<string>;
  /** Grants acknowledged and not yet sent a withdrawal. */
  open: string[];
  granted: string[];
  withdrawn: string[];
  optOuts: number;
  optIns: number;
}

const dir = mkdtempSync(path.join(tmpdir(), 'candor-kill-loop-'));
const customers = new Map<string, Known>();
const figures = { cycles: 0, acknowledged: 0, cut: 0, lost: 0, verified: 0 };
const failures: string[] = [];
let server: ServerProcess | null = null;
let tokens = { admin: '', agent: '' };
let n = 0;
const next = (prefix: string) => {
  n += 1;
  return `${prefix}${n}`;
};

afterAll(async () => {
  process.stdout.write(
    `kill -9 loop: ${figures.cycles} cycles, ${figures.acknowledged} acknowledged writes, ${figures.lost} lost, ` +
      (`chain verified ${figures.verified} times (${figures.cut} writes in ` +
        `flight at the kills, unchecked; seed ${SEED})\n`),
  );
  await server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const verify = () =>
  promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/candor.js'), 'audit', 'verify'], {
    env: { ...process.env, CANDOR_DATA_DIR: dir, CANDOR_KEY_DIR: path.join(dir, 'keys') },
  });

async function call(url: string, token: string, method: string, route: string, body?: unknown) {
  const res = await fetch(`${url}/api/v1${route}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
}

const usable = () => [...customers.values()].filter((c) => !c.erasing);

/**
 * One write: sends it, and once it is acknowledged, notes it where the check will look. Answers
 * false when the server is gone (the write was cut: its outcome is unknown).
 */
async function write(url: string): Promise<boolean> {
  const live = usable();
  const c = live.length < 3 || random() < 0.12 ? null : pick(live);
  const r = random();
  let send: () => Promise<{ status: number }>;
  let acked: () => void;
  let label: string;

  if (!c) {
    const id = next('c');
    label = `create ${id}`;
    send = () =>
      call(url, tokens.admin, 'PUT', `/customers/${id}`, { displayName: `Customer ${id}`, email: `${id}@example.org` });
    acked = () =>
      customers.set(id, {
        id,
        erasing: false,
        erased: false,
        facts: [],
        erasedFacts: new Set(),
        erasingFacts: new Set(),
        open: [],
        granted: [],
        withdrawn: [],
        optOuts: 0,
        optIns: 0,
      });
  } else if (r < 0.3) {
    const bulk = random() < 0.1;
    const ids = Array.from({ length: bulk ? 100 : 1 + Math.floor(random() * 3) }, () => next('f'));
    label = `ingest ${ids.length} facts for ${c.id}`;
    const facts = ids.map((id) => ({
      id,
      category: 'user.behavior.purchase_history',
      text: `text of ${id}`,
      source: 'orders',
      collectedAt: '2026-01-01T00:00:00Z',
    }));
    send = () => call(url, tokens.admin, 'POST', `/customers/${c.id}/facts`, { facts });
    acked = () => c.facts.push(...ids);
  } else if (r < 0.5) {
    const id = next('k');
    const byAgent = random() < 0.5;
    label = `grant ${id} to ${c.id}`;
    const consent = {
      id,
      purpose: 'essential.service.operations.support',
      categories: ['user.behavior.purchase_history'],
      status: 'granted',
      source: 'chat',
    };
    send = () =>
      call(url, byAgent ? tokens.agent : tokens.admin, 'POST', `/customers/${c.id}/consents`, {
        consent,
        ...(byAgent ? { ticketId: next('T-') } : {}),
      });
    acked = () => {
      c.open.push(id);
      c.granted.push(id);
    };
  } else if (r < 0.62 && c.open.length) {
    const id = c.open.splice(Math.floor(random() * c.open.length), 1)[0]!;
    label = `withdraw ${id} of ${c.id}`;
    send = () =>
      call(url, tokens.agent, 'POST', `/customers/${c.id}/consents/${id}/withdraw`, { ticketId: next('T-') });
    acked = () => c.withdrawn.push(id);
  } else if (r < 0.74) {
    label = `opt-out ${c.id}`;
    send = () => call(url, tokens.agent, 'POST', `/customers/${c.id}/opt-out`, {});
    acked = () => (c.optOuts += 1);
  } else if (r < 0.86) {
    label = `opt-in ${c.id}`;
    send = () => call(url, tokens.agent, 'POST', `/customers/${c.id}/opt-in`, { ticketId: next('T-') });
    acked = () => (c.optIns += 1);
  } else if (r < 0.95 && c.facts.some((f) => !c.erasingFacts.has(f))) {
    const id = pick(c.facts.filter((f) => !c.erasingFacts.has(f)));
    c.erasingFacts.add(id);
    label = `erase fact ${id} of ${c.id}`;
    send = () => call(url, tokens.agent, 'POST', `/customers/${c.id}/facts/${id}/erase`, {});
    acked = () => c.erasedFacts.add(id);
  } else {
    c.erasing = true;
    label = `erase ${c.id}`;
    send = () => call(url, tokens.admin, 'POST', `/customers/${c.id}/erase`, {});
    acked = () => (c.erased = true);
  }

  let status: number;
  try {
    ({ status } = await send());
  } catch (e) {
    // Refused: sent after the server was gone, so it never arrived. Anything else was cut in flight.
    if ((e as { cause?: { code?: string } }).cause?.code !== 'ECONNREFUSED') figures.cut += 1;
    return false;
  }
  if (status >= 200 && status < 300) {
    acked();
    figures.acknowledged += 1;
  } else if (!(status === 409 && c?.erasing)) {
    // 409 is right for a write that raced the customer's erasure: nothing new is stored about them.
    failures.push(`${label}: answered ${status}`);
  }
  return true;
}

/** Every acknowledged write, as the restarted server has it; answers what is missing. */
async function missing(url: string): Promise<string[]> {
  const out: string[] = [];
  const get = async (route: string) => {
    const res = await call(url, tokens.admin, 'GET', route);
    if (res.status !== 200) throw new Error(`GET ${route}: ${res.status}`);
    return res.body as Record<string, unknown>;
  };
  const check = async (c: Known) => {
    const found = await call(url, tokens.admin, 'GET', `/customers/${c.id}`);
    if (found.status === 404) return void out.push(`${c.id}: created, not there`);
    const { customer } = found.body as { customer: { displayName: string } };
    if (c.erased && customer.displayName !== 'Erased customer')
      out.push(`${c.id}: erased, but shown as "${customer.displayName}"`);
    const { facts } = (await get(`/customers/${c.id}/facts`)) as {
      facts: { id: string; text?: string; erased?: true }[];
    };
    const byId = new Map(facts.map((f) => [f.id, f]));
    for (const id of c.facts) {
      const f = byId.get(id);
      if (!f) out.push(`${c.id}: fact ${id} ingested, not there`);
      else if ((c.erased || c.erasedFacts.has(id)) && !f.erased) out.push(`${c.id}: fact ${id} erased, still there`);
      else if (!c.erasing && !c.erasingFacts.has(id) && f.text !== `text of ${id}`)
        out.push(`${c.id}: fact ${id} holds "${f.text}"`);
    }
    const { history } = (await get(`/customers/${c.id}/consents`)) as {
      history: { kind: string; consentId: string }[];
    };
    const has = (kind: string, id: string) => history.some((h) => h.kind === kind && h.consentId === id);
    for (const id of c.granted) if (!has('granted', id)) out.push(`${c.id}: grant ${id} not there`);
    for (const id of c.withdrawn) if (!has('withdrawn', id)) out.push(`${c.id}: withdrawal of ${id} not there`);
    const { entries } = (await get(`/audit?customerId=${c.id}&limit=1000`)) as { entries: { kind: string }[] };
    expect(entries.length).toBeLessThan(1000);
    const count = (kind: string) => entries.filter((e) => e.kind === kind).length;
    if (count('customer.opted_out') < c.optOuts)
      out.push(`${c.id}: ${c.optOuts} opt-outs acknowledged, ${count('customer.opted_out')} recorded`);
    if (count('customer.opted_in') < c.optIns)
      out.push(`${c.id}: ${c.optIns} opt-ins acknowledged, ${count('customer.opted_in')} recorded`);
  };
  // A few customers at a time: the server is checked, not the machine.
  const all = [...customers.values()];
  for (let i = 0; i < all.length; i += 8) await Promise.all(all.slice(i, i + 8).map(check));
  return out;
}

describe('kill -9, again and again', () => {
  it(
    'when the server is killed hard mid-stream and restarted, then every ' +
      'acknowledged write is there and the audit chain verifies',
    async () => {
      server = await startServerProcess({ CANDOR_DATA_DIR: dir });
      tokens = {
        admin: /admin token: (cnd_\S+)/.exec(server.out())![1]!,
        agent: /agent token: (cnd_\S+)/.exec(server.out())![1]!,
      };

      for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
        const s = server;
        const target = 1 + Math.floor(random() * MAX_ACKS_PER_CYCLE);
        const before = figures.acknowledged;
        let killing: Promise<void> | null = null;
        // Each worker writes until the server is gone; the one whose acknowledgement reaches the target kills it.
        const worker = async () => {
          while (await write(s.url)) {
            if (!killing && figures.acknowledged - before >= target) killing = s.kill();
          }
        };
        await Promise.all(Array.from({ length: WORKERS }, worker));
        await killing;
        figures.cycles = cycle;

        // The chain as the crash left it, checked by the command line while the server starts again.
        const [verified, restarted] = await Promise.all([verify(), startServerProcess({ CANDOR_DATA_DIR: dir })]);
        server = restarted;
        expect(verified.stdout).toMatch(/^audit chain verified: \d+ entries/);
        figures.verified += 1;
        const lost = await missing(server.url);
        figures.lost += lost.length;
        failures.push(...lost.map((l) => `cycle ${cycle}: ${l}`));
        expect(failures, `seed ${SEED}`).toEqual([]);
      }
      expect(figures.acknowledged).toBeGreaterThanOrEqual(CYCLES);
      expect(figures.lost).toBe(0);
    },
    60_000 + CYCLES * 20_000,
  );
});
