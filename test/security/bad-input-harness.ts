/**
 * How the bad-input suite sends a case and judges it: the whole state before and after (every
 * table of the SQLite file, the files of the data directory, the templates and the gate suite),
 * the answer (4xx, never 5xx, an error with a code, a message and the field's path), and the
 * figures the suite prints at the end.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { KEYSTORE_FILE } from '../../server/keys/key-dir.js';
import { keysIn } from '../../server/store/index.js';
import { rawDb } from '../../server/store/test-backends.js';
import fc from 'fast-check';
import type { PanelClient, TestServer } from '../../harness/server.js';
import type { Caller, PanelEvent } from './bad-input-specs.js';
import { related, type JsonPath } from './mutations.js';

export interface Req {
  as: Caller;
  method: string;
  /** Path and query, sent exactly as written. */
  url: string;
  body?: string | Uint8Array;
  /** Content-Type; null or absent sends none. */
  type?: string | null;
  headers?: Record<string, string>;
}

export interface Want {
  status?: number;
  code?: string;
  /** The exact field path of the error. */
  path?: JsonPath;
  /** A path the error's path must lie on (one a prefix of the other). */
  near?: JsonPath;
  /** A 413 for the whole body is as good as naming the field that made it large. */
  tooLargeOk?: boolean;
  /** On a portal page: what the page must say (the field's name). */
  word?: string | RegExp;
  /** Junk a route takes no notice of: answered as without it. */
  sameAs?: number;
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  path?: unknown;
}

type Answer = { ok: boolean; error?: ErrorLike } | { noAnswer: true };

export const jsonBody = (v: unknown) => ({ body: JSON.stringify(v), type: 'application/json' });
export const formBody = (pairs: [string, string][]) => ({
  body: new URLSearchParams(pairs).toString(),
  type: 'application/x-www-form-urlencoded',
});

/**
 * What is wrong with an error's naming of the field, or null: a code, a message, a path; a validation message starts
 * with its path (or says "body").
 */
function unnamed(e: ErrorLike | undefined): string | null {
  if (
    !e ||
    typeof e.code !== 'string' ||
    !e.code ||
    typeof e.message !== 'string' ||
    !e.message ||
    !Array.isArray(e.path)
  )
    return `no error code, message and path: ${JSON.stringify(e)?.slice(0, 200)}`;
  if (!e.path.length) return /^body\b/.test(e.message) ? null : `error without a field: ${JSON.stringify(e)}`;
  if (
    ['invalid_input', 'too_deep'].includes(e.code) &&
    !e.message.startsWith((e.path as JsonPath).slice(0, 5).join('.'))
  )
    return `message does not start with its field: ${JSON.stringify(e)}`;
  return null;
}

/** The differences between an error and what was wanted of it. */
function mismatches(status: number | null, e: ErrorLike, want: Want): string[] {
  const out: string[] = [];
  const p = e.path as JsonPath;
  if (status !== null && want.status !== undefined && status !== want.status)
    out.push(`status ${status}, expected ${want.status}`);
  if (want.code !== undefined && e.code !== want.code) out.push(`code ${String(e.code)}, expected ${want.code}`);
  if (want.path && JSON.stringify(p) !== JSON.stringify(want.path))
    out.push(`path ${JSON.stringify(p)}, expected ${JSON.stringify(want.path)}`);
  if (want.near && !related(p, want.near) && !(want.tooLargeOk && e.code === 'payload_too_large'))
    out.push(`path ${JSON.stringify(p)} is not at ${JSON.stringify(want.near)}`);
  return out;
}

/** Emits and waits for the ack (or, should none come, says so after a while instead of hanging). */
export function ask(socket: PanelClient, event: PanelEvent, ...args: unknown[]): Promise<Answer> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ noAnswer: true }), 10_000);
    (socket.emit as (...a: unknown[]) => void)(event, ...args, (answer: Answer) => {
      clearTimeout(timer);
      resolve(answer);
    });
  });
}

export function createHarness(opts: {
  server: () => TestServer;
  cookie: () => string;
  panel: () => PanelClient;
  templatesDir: string;
  runs: number;
}) {
  const figures = { routes: new Set<string>(), events: new Set<string>(), cases: 0, fivexx: 0, changed: 0, unnamed: 0 };
  const problems: string[] = [];
  const note = (what: string) => void (problems.length < 60 && problems.push(what));

  const SQLITE_FILE = /\.db(-wal|-shm|-journal)?$/;

  function files(dir: string, skip: (name: string) => boolean = () => false): string[] {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !skip(e.name))
      .map((e) => {
        const full = path.join(e.parentPath, e.name);
        const st = statSync(full);
        return `${path.relative(dir, full)} ${st.size} ${st.mtimeMs}`;
      })
      .sort();
  }

  /** Every table of a SQLite connection, row by row. */
  function rows(db: Database.Database): string[] {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    return tables.map((t) => `${t} ${JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())}`);
  }

  /**
   * Read-only connections to the store's SQLite file and the key store, kept open: a connection's `data_version`
   * moves only when another connection commits, which makes it the cheap first question of `changed`. Reopened when the
   * server moves to another directory; the key store is opened once it exists.
   */
  let open: { dir: string; db: Database.Database; keys: Database.Database | null } | null = null;
  function connections() {
    const s = opts.server();
    if (open?.dir !== s.dir) {
      close();
      open = { dir: s.dir, db: rawDb(s.dir, { readonly: true }), keys: null };
    }
    const keyStore = path.join(keysIn(s.dir).CANDOR_KEY_DIR, KEYSTORE_FILE);
    if (!open.keys && existsSync(keyStore)) open.keys = new Database(keyStore, { readonly: true });
    return open;
  }
  function close() {
    open?.db.close();
    open?.keys?.close();
    open = null;
  }

  /** The files beside the SQLite files, the templates and the gate suite, by name, size and time. */
  function otherFiles(): string[] {
    return [...files(opts.server().dir, (n) => SQLITE_FILE.test(n)), ...files(opts.templatesDir)];
  }

  /**
   * Every table of the store's SQLite file and of the key store, row by row, and the other files beside them, the
   * templates and the gate suite. The SQLite files themselves are compared by their rows only: a checkpoint changes
   * their size and time without changing what they hold, and it runs when it will, not when a request asks.
   */
  function state(): string {
    const c = connections();
    return [...rows(c.db), ...(c.keys ? rows(c.keys) : []), ...otherFiles()].join('\n');
  }

  /** What moves whenever the state can have changed: both files' data versions and the other files. */
  function signs(): string {
    const c = connections();
    const version = (db: Database.Database | null) => (db ? String(db.pragma('data_version', { simple: true })) : '-');
    return [version(c.db), version(c.keys), ...otherFiles()].join('\n');
  }

  let baseline = '';
  let baselineSigns = '';
  /**
   * Whether anything changed since the last look (which becomes the new baseline). The rows are read and compared only
   * when a sign moved, so a commit that leaves every row as it was still counts as no change.
   */
  function changed(): boolean {
    const nowSigns = signs();
    if (nowSigns === baselineSigns) return false;
    baselineSigns = nowSigns;
    const now = state();
    const was = baseline;
    baseline = now;
    return now !== was;
  }

  function credentials(as: Caller): Record<string, string> {
    if (as === 'anyone') return {};
    if (as === 'portal') return { cookie: opts.cookie() };
    return { authorization: `Bearer ${opts.server().tokens[as]}` };
  }

  /**
   * Sends the request with node's own client and the path exactly as given: `fetch` would resolve
   * `%2E%2E` segments itself, and the server would never see them.
   */
  function send(r: Req): Promise<{ status: number; text: string; type: string; json: { error?: ErrorLike } | null }> {
    const body = r.body === undefined ? undefined : Buffer.from(r.body);
    const { hostname, port } = new URL(opts.server().url);
    const headers: Record<string, string> = {
      ...credentials(r.as),
      ...(r.type ? { 'content-type': r.type } : {}),
      ...(body ? { 'content-length': String(body.length) } : {}),
      ...r.headers,
    };
    return new Promise((resolve, reject) => {
      const req = request({ hostname, port, method: r.method, path: r.url, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const type = res.headers['content-type'] ?? '';
          resolve({
            status: res.statusCode!,
            text,
            type,
            json: type.includes('application/json') ? JSON.parse(text) : null,
          });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Sends one bad request and judges the answer and the state after it; true when all is well. */
  async function trial(label: string, req: Req, want: Want = {}): Promise<boolean> {
    figures.cases += 1;
    const res = await send(req);
    const wrong: string[] = [];
    if (res.status >= 500 && res.status !== want.sameAs) {
      figures.fivexx += 1;
      wrong.push(`answered ${res.status} ${res.text.slice(0, 200)}`);
    }
    if (changed()) {
      figures.changed += 1;
      wrong.push(`changed state (answered ${res.status})`);
    }
    if (want.sameAs !== undefined) {
      if (res.status !== want.sameAs) wrong.push(`answered ${res.status}; without the junk, ${want.sameAs}`);
    } else if (res.status < 400) {
      wrong.push(`answered ${res.status}: accepted`);
    } else if (res.status < 500) {
      if (res.json) {
        const why = unnamed(res.json.error);
        if (why) {
          figures.unnamed += 1;
          wrong.push(why);
        } else wrong.push(...mismatches(res.status, res.json.error!, want));
      } else if (res.type.includes('text/html')) {
        const word = want.word ?? /<h1>/;
        if (!(typeof word === 'string' ? res.text.includes(word) : word.test(res.text))) {
          figures.unnamed += 1;
          wrong.push(
            `the page does not name ${String(word)}: ` +
              `${/<main>([\s\S]*?)<\/main>/.exec(res.text)?.[1]?.replace(/\s+/g, ' ').slice(0, 200)}`,
          );
        }
        if (want.status !== undefined && res.status !== want.status)
          wrong.push(`status ${res.status}, expected ${want.status}`);
      } else {
        figures.unnamed += 1;
        wrong.push(`answered ${res.status} with ${res.type || 'no body'}`);
      }
    }
    if (wrong.length) note(`${req.method} ${req.url.slice(0, 120)} (${label}): ${wrong.join('; ')}`);
    return wrong.length === 0;
  }

  /** Emits one bad payload on the agent's panel and judges the ack and the state. */
  async function emitTrial(event: PanelEvent, label: string, payload: unknown, want: Want = {}): Promise<boolean> {
    figures.cases += 1;
    figures.events.add(event);
    const answer = await ask(opts.panel(), event, payload);
    const wrong: string[] = [];
    if ('noAnswer' in answer) wrong.push('no answer');
    else if (answer.ok) wrong.push('accepted');
    else if (answer.error?.code === 'internal') {
      figures.fivexx += 1;
      wrong.push('answered internal');
    } else {
      const why = unnamed(answer.error);
      if (why) {
        figures.unnamed += 1;
        wrong.push(why);
      } else wrong.push(...mismatches(null, answer.error!, want));
    }
    if (changed()) {
      figures.changed += 1;
      wrong.push('changed state');
    }
    if (wrong.length) note(`${event} (${label}): ${wrong.join('; ')}`);
    return wrong.length === 0;
  }

  /** The server still answers, over HTTP and on the agent's panel; what is wrong if not. */
  async function stillUp(): Promise<string[]> {
    const out: string[] = [];
    const panel = opts.panel();
    if ((await fetch(`${opts.server().url}/healthz`)).status !== 200) out.push('healthz does not answer 200');
    if (!panel.connected) out.push("the agent's panel was disconnected");
    const probe = await ask(panel, 'ticket:close', { ticketId: 'T-never-opened' });
    if (!('ok' in probe) || !probe.ok) out.push(`the panel's next event got ${JSON.stringify(probe)}`);
    return out;
  }

  /** Runs a property over bad variants; a counterexample (shrunk) is noted as a problem. */
  async function property<T>(label: string, arb: fc.Arbitrary<T>, run: (v: T) => Promise<boolean>) {
    const details = await fc.check(fc.asyncProperty(arb, run), { numRuns: opts.runs });
    if (details.failed)
      note(`${label}: counterexample ${JSON.stringify(details.counterexample)?.slice(0, 300)} (seed ${details.seed})`);
  }

  return {
    figures,
    problems,
    note,
    state,
    changed,
    /** Takes the state as it is now as the one to compare with. */
    look() {
      baselineSigns = signs();
      baseline = state();
    },
    /** Closes the connections `changed` keeps open. */
    close,
    send,
    trial,
    emitTrial,
    stillUp,
    property,
    figuresLine() {
      const n = (x: number) => x.toLocaleString('en-US');
      return (
        `bad input: ${figures.routes.size} routes, ${figures.events.size} ` +
        `events, ${n(figures.cases)} cases, ${figures.fivexx} answered 5xx, ` +
        `${figures.changed} changed state, ${figures.unnamed} without a field`
      );
    },
  };
}
