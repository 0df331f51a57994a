/**
 * `npm start`: parses the configuration, opens the store (migrating it), seeds the demo into a
 * fresh data directory, listens, and prints where to go.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseConfig, ROOT } from './config.js';
import { createLogger } from './log.js';
import { loadAssistSettings } from './assist/settings.js';
import { configuredEngine, engineFor } from './assist/engines.js';
import { DB_FILE } from './store/sqlite.js';
import { openStore } from './store/index.js';
import { postgresAdapter } from './realtime/cluster.js';
import { createApp } from './app.js';
import { seedDemo } from './demo/seed.js';
import { usePublished } from './prompts/publish.js';
import { recipientRegister } from './portal/recipients.js';
import type { Store } from './store/types.js';
import { retentionDepsOf, scheduleRetention } from './retention/schedule.js';
import { importArticleDir } from './articles/changes.js';

async function seedFresh(store: Store): Promise<string[]> {
  const lines: string[] = [];
  const seeded = await seedDemo(store);
  lines.push(`Seeded the demo: ${seeded.customers} customers, ${seeded.facts} facts.`);
  for (const [name, role] of [
    ['demo agent', 'agent'],
    ['demo lead', 'lead'],
    ['demo admin', 'admin'],
  ] as const) {
    const { token } = await store.tokens.create(name, role, { actor: 'system', channel: 'demo' });
    lines.push(`  ${role.padEnd(5)} token: ${token}`);
  }
  lines.push('These tokens are shown once (only their hashes are stored); `npx candor tokens create` makes more.');
  return lines;
}

/** A database URL without its password, for printing. */
const redactUrl = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

async function main() {
  // Whatever else creates a file here (SQLite's journals, the recorder) makes it the owner's alone.
  process.umask(0o077);
  const config = parseConfig();
  const log = createLogger(config.CANDOR_LOG_LEVEL);
  const engineName = configuredEngine(config);
  const settings = loadAssistSettings(config, config.CANDOR_PROMPTS_DIR, { model: engineName === 'openai' });
  const engine = engineFor(engineName, config, settings, log);
  const dataDir = path.resolve(config.CANDOR_DATA_DIR);
  const store = await openStore(config);
  // A store no token was ever made in is a fresh one.
  const fresh = (await store.tokens.list()).length === 0;
  const welcome = fresh && config.CANDOR_DEMO ? await seedFresh(store) : [];
  const cluster = config.DATABASE_URL ? postgresAdapter(config.DATABASE_URL, log) : null;
  const imported = await usePublished({ store, settings, model: engineName === 'openai' }, config.CANDOR_PROMPTS_DIR);
  // The model provider is listed to customers whatever the register says; without an entry of its own it has no
  // place or agreement to show.
  const unlisted = recipientRegister(config.CANDOR_RECIPIENTS, engine.endpoint).find((r) => !r.agreement);

  const { httpServer, io, mailer, notifyArticles } = createApp({
    store,
    settings,
    engine,
    config,
    log,
    ...(cluster ? { adapter: cluster.adapter } : {}),
  });
  // The folder's articles that are newer than the store's (an edit made through the API stays); problems are said, and
  // the other files load.
  const articles = existsSync(config.CANDOR_ARTICLES_DIR)
    ? await importArticleDir(
        { store, notifyArticles },
        config.CANDOR_ARTICLES_DIR,
        { actor: 'system', channel: 'articles-dir' },
        true,
      )
    : null;
  for (const p of articles?.problems ?? []) log.warn('article file skipped', { problem: p });
  httpServer.listen(config.PORT, config.HOST, () => {
    const address = httpServer.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const base = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;
    const lines = [
      `Candor is running at ${base}`,
      config.DATABASE_URL
        ? `  data:     PostgreSQL at ${redactUrl(config.DATABASE_URL)} (several servers can share it)`
        : `  data:     ${path.join(dataDir, DB_FILE)}`,
      config.CANDOR_ENCRYPTION === 'off'
        ? "  keys:     none: CANDOR_ENCRYPTION=off stores customers' values in plain text"
        : `  keys:     ${path.resolve(config.CANDOR_KEY_DIR)}  (back it up apart from the data)`,
      engineName === 'openai'
        ? `  engine:   openai-compatible model "${config.CANDOR_MODEL}" ` +
          `at ${config.OPENAI_BASE_URL ?? 'the OpenAI API'} ` +
          '(offline suggestions as fallback)'
        : `  engine:   offline (deterministic, no network) — set OPENAI_API_KEY to use a model`,
      `  health:   ${base}/healthz`,
      ...(config.CANDOR_DEMO ? [`  demo:     ${base}/demo  (a demo helpdesk with Candor's side panel beside it)`] : []),
      `  API:      ${base}/api/v1  (bearer token)`,
      ...(articles
        ? [
            `  articles: ${config.CANDOR_ARTICLES_DIR}: ${articles.created.length} added, ` +
              `${articles.updated.length} updated` +
              (articles.problems.length ? `, ${articles.problems.length} problem(s) (see the log)` : ''),
          ]
        : []),
      `  portal:   ${base}/portal/start  (customers' privacy portal: a ` +
        `single-use link is mailed to the address on file)`,
      `  mail:     ${mailer.describe}`,
      ...(config.CANDOR_PUBLIC_URL
        ? []
        : [
            `  note:     CANDOR_PUBLIC_URL is not set, so links in mail point at ` +
              `${base}; set it to the address customers reach`,
          ]),
      ...(unlisted
        ? [
            `  note:     the model provider ${unlisted.name} is not in CANDOR_RECIPIENTS, so the portal ` +
              'shows customers neither where it works nor an agreement; add it there',
          ]
        : []),
      `  editor:   ${base}/admin/prompts  (team leads: templates, preview, publish through the gate)` +
        (imported.length ? `; imported ${imported.length} from prompts/` : ''),
      existsSync(path.join(ROOT, 'dist/extension/manifest.json'))
        ? `  panel:    load ${path.join(ROOT, 'dist/extension')} in chrome://extensions ` +
          '(Developer mode → Load unpacked)'
        : `  panel:    npm run build, then load dist/extension/ in ` +
          `chrome://extensions (Developer mode → Load unpacked)`,
      ...welcome,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });

  const retention = scheduleRetention(
    retentionDepsOf(config, store),
    config.CANDOR_RETENTION_EVERY_MINUTES * 60_000,
    log,
  );

  // io.close() also closes the HTTP server; the store closes last so no acknowledged write is cut short.
  const stop = () =>
    io.close(async () => {
      mailer.close();
      await retention.stop();
      await cluster?.close();
      await store.close();
      process.exit(0);
    });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: Error) => {
  process.stderr.write(`candor: ${e.message}\n`);
  process.exit(1);
});
