/** `candor <command>`: the command-line twin of the server. */
import { replayCommand, REPLAY_USAGE } from './replay.js';
import { auditCommand, AUDIT_USAGE } from './audit.js';
import { tokensCommand, TOKENS_USAGE } from './tokens.js';
import { maskCommand, MASK_USAGE } from './mask.js';
import { promptsCommand, PROMPTS_USAGE } from './prompts.js';
import { migrateCommand, MIGRATE_USAGE } from './migrate.js';
import { breachCommand, BREACH_USAGE } from './breach.js';
import { encryptCommand, ENCRYPT_USAGE } from './encrypt.js';
import { keysCommand, KEYS_USAGE } from './keys.js';
import { retentionCommand, RETENTION_USAGE } from './retention.js';
import { articlesCommand, ARTICLES_USAGE } from './articles.js';
import { requestsCommand, REQUESTS_USAGE } from './requests.js';
import { processIo, UsageError, type Io } from './io.js';

const COMMANDS: Record<string, { run: (args: string[], io: Io) => number | Promise<number>; usage: string }> = {
  replay: { run: replayCommand, usage: REPLAY_USAGE },
  audit: { run: auditCommand, usage: AUDIT_USAGE },
  tokens: { run: tokensCommand, usage: TOKENS_USAGE },
  mask: { run: maskCommand, usage: MASK_USAGE },
  prompts: { run: promptsCommand, usage: PROMPTS_USAGE },
  'migrate-to-postgres': { run: migrateCommand, usage: MIGRATE_USAGE },
  breach: { run: breachCommand, usage: BREACH_USAGE },
  encrypt: { run: encryptCommand, usage: ENCRYPT_USAGE },
  keys: { run: keysCommand, usage: KEYS_USAGE },
  retention: { run: retentionCommand, usage: RETENTION_USAGE },
  articles: { run: articlesCommand, usage: ARTICLES_USAGE },
  requests: { run: requestsCommand, usage: REQUESTS_USAGE },
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
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`candor ${name}: ${(e as Error).message}\n${command.usage}`);
      return 2;
    }
    io.err(`candor ${name}: ${(e as Error).message}`);
    return 1;
  }
}
