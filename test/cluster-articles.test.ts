/**
 * Help-centre changes across servers: two `server/main.ts` processes on one PostgreSQL database, a panel (a real
 * socket.io client) with a ticket open on server B, and the article it cites edited, then retired, through server A's
 * REST API. The panel on B is pushed each change on the connection it has, and the session B records notes both at
 * the turn they happened. Skipped (and reported so) without CANDOR_TEST_DATABASE_URL; with CANDOR_REQUIRE_PG=1 (CI)
 * cluster.test.ts fails instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPgDatabase, PG_URL } from '../server/store/test-backends.js';
import { openPostgresStore } from '../server/store/index.js';
import type { AssistUpdate } from '../server/protocol/events.js';
import { isArticleFootnote, type AssistView } from '../server/protocol/assist.js';
import type { RecordedSession } from '../server/protocol/session.js';
import type { PanelClient } from '../harness/server.js';
import { startServerProcess, type ServerProcess } from '../harness/processes.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const RETURNS = 'Hi! How do I return the stand mixer? I want to send it back.';
const edited = {
  title: 'Returning an item',
  visibility: 'public',
  updated: '2026-12-01',
  locale: 'en',
  tags: ['returns'],
  body: 'You can send any item back within 60 days of delivery for a full refund.',
};

(PG_URL ? describe : describe.skip)('an article changed on one server, a panel on another', () => {
  let db: Awaited<ReturnType<typeof freshPgDatabase>>;
  let a: ServerProcess;
  let b: ServerProcess;
  let socket: PanelClient;
  const dirs: string[] = [];
  const tokens = { agent: '', admin: '' };
  const keyDir = mkdtempSync(path.join(tmpdir(), 'candor-cluster-articles-keys-'));
  dirs.push(keyDir);
  const dataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'candor-cluster-articles-'));
    dirs.push(dir);
    return dir;
  };
  const [dirA, dirB] = [dataDir(), dataDir()];

  const call = async (base: string, method: string, route: string, body?: unknown) => {
    const res = await fetch(`${base}/api/v1${route}`, {
      method,
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const server = (dir: string) =>
    startServerProcess({
      DATABASE_URL: db.url,
      CANDOR_DATA_DIR: dir,
      CANDOR_KEY_DIR: keyDir,
      CANDOR_DEMO: 'false',
      CANDOR_ARTICLES_DIR: path.join(ROOT, 'articles'),
      CANDOR_PORTAL_SECRET: 'a-secret-both-servers-share-0123456789',
    });
  const open = (conversation: { role: string; text: string }[]) =>
    new Promise<AssistView>((resolve, reject) =>
      socket.emit('ticket:open', { ticketId: 'T-art', customerId: 'c_dana', conversation } as never, (r) =>
        r.ok ? resolve(r.data) : reject(new Error(r.error.message)),
      ),
    );
  const next = () => new Promise<AssistUpdate>((resolve) => socket.once('assist:updated', resolve));
  const citedVersions = (view: AssistView) =>
    view.suggestions.flatMap((s) =>
      s.footnotes.filter(isArticleFootnote).map((f) => `${f.articleId}@${f.articleUpdated}`),
    );
  let connects = 0;
  /** B's one recording, read through its API: the file on disk is sealed under the customer's key. */
  const read = async (): Promise<RecordedSession | null> => {
    const [first] = (await call(b.url, 'GET', '/recordings')).body.recordings;
    return first ? (await call(b.url, 'GET', `/recordings/${first.id}`)).body : null;
  };
  const turnKinds = async () => (await read())?.turns.map((t) => ('type' in t ? t.type : t.role)) ?? [];

  beforeAll(async () => {
    db = await freshPgDatabase(PG_URL!);
    const store = await openPostgresStore(db.url, { CANDOR_KEY_DIR: keyDir });
    const meta = { actor: 'test', channel: 'test' };
    tokens.agent = (await store.tokens.create('cluster agent', 'agent', meta)).token;
    tokens.admin = (await store.tokens.create('cluster admin', 'admin', meta)).token;
    await store.close();
    [a, b] = await Promise.all([server(dirA), server(dirB)]);
    await call(a.url, 'PUT', '/customers/c_dana', { displayName: 'Dana K.', email: 'dana@example.org' });
    expect((await call(a.url, 'PUT', '/settings/recording', { enabled: true })).status).toBe(200);
    socket = connect(`${b.url}/panel`, { auth: { token: tokens.agent }, transports: ['websocket'] });
    socket.on('connect', () => connects++);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
  }, 60_000);

  afterAll(async () => {
    socket?.disconnect();
    await Promise.all([a?.kill(), b?.kill()]);
    await db?.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('when the cited article is edited through server A, then the panel on B gets the new version without reconnecting', async () => {
    const first = await open([{ role: 'customer', text: RETURNS }]);
    expect(first.context.articles[0]).toMatchObject({ articleId: 'returns-policy', updated: '2026-10-01' });
    expect(citedVersions(first)).toContain('returns-policy@2026-10-01');

    const pushed = next();
    expect((await call(a.url, 'PUT', '/articles/returns-policy', edited)).status).toBe(200);
    const update = await pushed;
    expect(update.notice).toMatchObject({
      kind: 'articles.changed',
      text: expect.stringContaining('Returning an item'),
    });
    expect(update.view.context.articles[0]).toMatchObject({ articleId: 'returns-policy', updated: '2026-12-01' });
    expect(citedVersions(update.view)).toContain('returns-policy@2026-12-01');
    expect(JSON.stringify(update.view.suggestions)).toContain('60 days');
    expect(connects).toBe(1);
    // The recorder reads the help centre as it stands when it hears of a change: the retirement must wait until it
    // has noted this version, or it would see the article already gone and record only the retirement.
    await expect.poll(turnKinds, { timeout: 10_000 }).toEqual(['customer', 'article.updated']);
  });

  it('when the article is retired through server A, then it disappears from the panel on B likewise', async () => {
    const pushed = next();
    expect((await call(a.url, 'DELETE', '/articles/returns-policy')).status).toBe(200);
    const { view } = await pushed;
    expect(view.context.articles.map((x) => x.articleId)).not.toContain('returns-policy');
    expect(JSON.stringify(view.suggestions)).not.toContain('returns-policy');
    expect(connects).toBe(1);
  });

  it('when the ticket was recorded on B, then its session holds both changes where they happened', async () => {
    // Polled on the turns' kinds, so a failure says which turn is missing (and how many recordings B holds).
    const kinds = async () => [
      `${(await call(b.url, 'GET', '/recordings')).body.recordings.length} recording(s)`,
      ...(await turnKinds()),
    ];
    await expect
      .poll(kinds, { timeout: 10_000 })
      .toEqual(['1 recording(s)', 'customer', 'article.updated', 'article.retired']);
    expect((await read())!.turns).toEqual([
      expect.objectContaining({ role: 'customer' }),
      expect.objectContaining({ type: 'article.updated', article: expect.objectContaining({ updated: '2026-12-01' }) }),
      expect.objectContaining({ type: 'article.retired', articleId: 'returns-policy' }),
    ]);
  });
});
