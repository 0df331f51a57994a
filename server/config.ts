/**
 * Configuration is a schema: `process.env` is parsed once at start, and a bad setting stops the
 * program with the variable's name and what was expected.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { TaxonomyKey } from './protocol/domain.js';
import { REGISTER_EXAMPLE, RecipientRegister } from './protocol/recipients.js';
import { JURISDICTIONS_ACCEPTED, ruleOf } from './protocol/requests.js';

/**
 * The checkout: the nearest folder above this module with a package.json (the source runs from server/, the build from
 * dist/server/).
 */
export const ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

const hexKey = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'expected 64 hexadecimal characters (a 256-bit key, e.g. `openssl rand -hex 32`)')
  .transform((s) => s.toLowerCase());

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** A setting written as JSON: a syntax error is named like any other bad setting. */
const json = (example: string) =>
  z.string().transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: `expected JSON, such as ${example}` });
      return z.NEVER;
    }
  });

/**
 * A retention period in days, or `forever` (null: never removed). 0 is refused rather than read as "keep nothing": a
 * record removed the moment it is written could not even say it was written.
 */
const days = (fallback: string) =>
  z
    .string()
    .trim()
    .regex(/^(forever|[1-9][0-9]{0,4})$/, "expected a whole number of days, 1 or more, or 'forever'")
    .transform((v) => (v === 'forever' ? null : Number(v)))
    .prefault(fallback);

export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(4870),
    HOST: z.string().min(1).default('127.0.0.1'),
    CANDOR_DATA_DIR: z.string().min(1).default('./data'),
    /**
     * A PostgreSQL database (postgres://user:password@host:5432/db) instead of the SQLite file; needed to run several
     * servers.
     */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
      .optional(),
    /**
     * The key directory, apart from the data directory and backed up apart from it (README, "Encryption at rest and
     * crypto-shredding"): master keys, the SQLite file's key, the wrapped data keys of every customer.
     */
    CANDOR_KEY_DIR: z.string().min(1).default('./keys'),
    /** `off` stores values in plain text: for comparing figures only, never for customers' data. */
    CANDOR_ENCRYPTION: z.enum(['on', 'off']).default('on'),
    /** The master key (64 hex characters) instead of a file in the key directory: one for several servers. */
    CANDOR_MASTER_KEY: hexKey.optional(),
    /** The SQLite file's key (64 hex characters) instead of `db.key` in the key directory. */
    CANDOR_DB_KEY: hexKey.optional(),
    /** A PostgreSQL database of its own for the wrapped data keys (several servers); never DATABASE_URL's. */
    CANDOR_KEYSTORE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
      .optional(),
    /** The purpose the assist uses data for (DESIGN.md rule 2). */
    CANDOR_PURPOSE: TaxonomyKey.default('essential.service.operations.support'),
    /** At most this many permitted facts in a context view. */
    CANDOR_CONTEXT_LIMIT: z.coerce.number().int().min(1).max(100).default(8),
    CANDOR_PROMPTS_DIR: z.string().min(1).default(path.join(ROOT, 'prompts')),
    /** The recorded sessions every template change is replayed against before it is published (the gate). */
    CANDOR_GATE_DIR: z.string().min(1).default(path.join(ROOT, 'prompts/sessions')),
    /**
     * How long a gate run or a preview of a draft may take, in its worker thread, before it is stopped.
     * Today's gate suite takes well under a second; 15 s leaves room for a suite many times larger.
     */
    CANDOR_TEMPLATE_BUDGET_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
    /**
     * The help-centre articles (Markdown with front matter, shared/spec/knowledge-articles.md): imported into the
     * store at start when newer than the stored version. A missing default folder is no articles.
     */
    CANDOR_ARTICLES_DIR: z.string().min(1).default(path.join(ROOT, 'articles')),
    /** Where customers read the public articles: a public article links to `<this>/<id>`. Unset, no links. */
    CANDOR_HELP_CENTRE_URL: z
      .url({
        protocol: /^https?$/,
        error: 'expected an http:// or https:// URL such as "https://help.example.com/articles"',
      })
      .optional(),
    /** An organisation's taxonomy extension (JSON): extra categories, purposes and special roots. */
    CANDOR_TAXONOMY: z.string().min(1).optional(),
    /** Seed demo customers, tokens and the /demo helpdesk into a fresh data directory. */
    CANDOR_DEMO: bool.default(true),
    /** Origins allowed to open a socket or call the API from a browser, comma-separated. */
    CANDOR_ALLOWED_ORIGINS: z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      ),
    /** Largest accepted JSON body in bytes (REST) and socket message. */
    CANDOR_BODY_LIMIT: z.coerce.number().int().min(1024).max(50_000_000).default(1_000_000),
    CANDOR_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    /** With a key, suggestions come from an OpenAI-compatible model; without one, from the offline engine. */
    OPENAI_API_KEY: z.string().min(1).optional(),
    /** Any OpenAI-compatible endpoint (Azure OpenAI, Ollama, vLLM, llama.cpp…); the SDK's default when unset. */
    OPENAI_BASE_URL: z.url().optional(),
    CANDOR_MODEL: z.string().min(1).default('gpt-4o-mini'),
    /** How long one model call may take before the offline suggestions are shown instead. */
    CANDOR_MODEL_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
    /** Retries (with exponential backoff) on 429, 5xx, timeouts and dropped connections. */
    CANDOR_MODEL_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
    /**
     * Where customers and browsers reach this server: the base of portal links and receipts, and the
     * origin pages may open a socket from. Unset, this server's own listening address (fine on one
     * machine; set it for anything else). Never taken from a request's Host header.
     */
    CANDOR_PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL such as "https://support.example.com"' })
      .optional(),
    /**
     * A reverse proxy whose X-Forwarded-For and -Proto are believed (express's "trust proxy": "loopback", an address or a
     * subnet); unset, none is.
     */
    CANDOR_TRUST_PROXY: z.string().min(1).optional(),
    /**
     * Mail for portal links: an SMTP URL (smtp://user:password@host:587, smtps://…); unset, only the demo's outbox
     * (example addresses) or nothing.
     */
    CANDOR_SMTP_URL: z
      .url({
        protocol: /^smtps?$/,
        error: 'expected an smtp:// or smtps:// URL such as "smtp://user:password@mail.example.com:587"',
      })
      .optional(),
    /** The sender of Candor's mail; the controller's name and address when unset. */
    CANDOR_MAIL_FROM: z.string().min(3).max(320).optional(),
    /**
     * Failed sign-in attempts (a wrong token, a bad portal link) one client address may make in 15 minutes before it gets
     * 429.
     */
    CANDOR_AUTH_FAILURE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
    /** Signs privacy-portal links; a random key kept in the data directory when unset. */
    CANDOR_PORTAL_SECRET: z.string().min(32, 'expected at least 32 characters').optional(),
    /** How long a portal link works (DESIGN.md: minutes, not days). */
    CANDOR_PORTAL_LINK_MINUTES: z.coerce.number().int().min(1).max(60).default(15),
    /** How long a customer's portal session lasts once the link is exchanged. */
    CANDOR_PORTAL_SESSION_MINUTES: z.coerce.number().int().min(5).max(240).default(30),
    /**
     * Who is responsible for the data (the consent receipts' controller): name, contact e-mail, policy and jurisdiction.
     */
    CANDOR_CONTROLLER_NAME: z.string().min(1).default('Candor demo shop'),
    CANDOR_CONTROLLER_EMAIL: z.email().default('privacy@example.org'),
    CANDOR_PRIVACY_POLICY_URL: z.url().default('https://example.org/privacy'),
    /** Also sets when a privacy request found in a ticket is due (server/requests/deadline.ts). */
    CANDOR_JURISDICTION: z
      .string()
      .min(1)
      .default('EU')
      .refine((j) => ruleOf(j) !== null, `expected ${JURISDICTIONS_ACCEPTED}`),
    /**
     * Retention (README, "Retention"): how many days each kind of record is kept, a whole number of 1 or more, or
     * `forever`. Audit entries and outcomes count from when they were written, recordings from when they started,
     * portal links and sessions from when they expired. The consent ledger and opt-out events are never removed.
     */
    CANDOR_RETAIN_AUDIT_DAYS: days('365'),
    CANDOR_RETAIN_RECORDINGS_DAYS: days('30'),
    CANDOR_RETAIN_OUTCOMES_DAYS: days('180'),
    CANDOR_RETAIN_PORTAL_DAYS: days('1'),
    /** How often the server applies retention (it also does at start); fractions allowed (0.5 is every 30 s). */
    CANDOR_RETENTION_EVERY_MINUTES: z.coerce.number().positive().max(10_080).default(60),
    /** The insights publish no figure from fewer customers than this (k); 2 at the least, or a cell is a person. */
    CANDOR_INSIGHTS_MIN_CELL: z.coerce.number().int().min(2).max(1000).default(5),
    /**
     * Who customers' data goes to, besides the controller (README, "Who the data goes to"): shown in the portal and
     * written into receipts and exports. None by default; the model provider is added whenever a model is used.
     */
    CANDOR_RECIPIENTS: json(REGISTER_EXAMPLE).prefault('[]').pipe(RecipientRegister),
  })
  .refine((c) => !c.CANDOR_KEYSTORE_URL || c.CANDOR_KEYSTORE_URL !== c.DATABASE_URL, {
    path: ['CANDOR_KEYSTORE_URL'],
    message: 'the key store must be a database apart from DATABASE_URL (a copy of one must not hold the other)',
  });
export type Config = z.infer<typeof ConfigSchema>;

export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new Error(`invalid configuration:\n${lines.join('\n')}`);
}
