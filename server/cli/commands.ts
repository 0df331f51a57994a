/** `candor <command>`: the command-line twin of the server. */
import * as usage from './usage.js';
import { processIo, UsageError, type Io } from './io.js';

type Run = (args: string[], io: Io) => number | Promise<number>;

/**
 * Each command's module is loaded only when it runs: `candor audit verify` need not load the masker, the model client
 * or the templates (under tsx, 1.6 s of loading every command against 0.7 s for audit's alone).
 */
const COMMANDS: Record<string, { load: () => Promise<Run>; usage: string }> = {
  replay: { load: async () => (await import('./replay.js')).replayCommand, usage: usage.REPLAY_USAGE },
  audit: { load: async () => (await import('./audit.js')).auditCommand, usage: usage.AUDIT_USAGE },
  tokens: { load: async () => (await import('./tokens.js')).tokensCommand, usage: usage.TOKENS_USAGE },
  mask: { load: async () => (await import('./mask.js')).maskCommand, usage: usage.MASK_USAGE },
  prompts: { load: async () => (await import('./prompts.js')).promptsCommand, usage: usage.PROMPTS_USAGE },
  'migrate-to-postgres': {
    load: async () => (await import('./migrate.js')).migrateCommand,
    usage: usage.MIGRATE_USAGE,
  },
  breach: { load: async () => (await import('./breach.js')).breachCommand, usage: usage.BREACH_USAGE },
  encrypt: { load: async () => (await import('./encrypt.js')).encryptCommand, usage: usage.ENCRYPT_USAGE },
  keys: { load: async () => (await import('./keys.js')).keysCommand, usage: usage.KEYS_USAGE },
  retention: { load: async () => (await import('./retention.js')).retentionCommand, usage: usage.RETENTION_USAGE },
  articles: { load: async () => (await import('./articles.js')).articlesCommand, usage: usage.ARTICLES_USAGE },
  requests: { load: async () => (await import('./requests.js')).requestsCommand, usage: usage.REQUESTS_USAGE },
};

/** Every command's usage, once each: `candor --help` prints it, a wrong call prints it to stderr. */
const overview = () =>
  ['usage: candor <command> [arguments]', '', 'commands:']
    .concat(Object.values(COMMANDS).map((c) => `  ${c.usage.replace(/^usage: /, '')}`))
    .join('\n');

const HELP = new Set(['--help', '-h', 'help']);

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name !== undefined && HELP.has(name)) {
    io.out(overview());
    return 0;
  }
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(name ? `candor: there is no command "${name}"\n\n${overview()}` : overview());
    return 2;
  }
  if (args.some((a) => a === '--help' || a === '-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await (await command.load())(args, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`candor ${name}: ${(e as Error).message}\n${command.usage}`);
      return 2;
    }
    io.err(`candor ${name}: ${(e as Error).message}`);
    return 1;
  }
}
