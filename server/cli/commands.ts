/** `candor <command>`: the command-line twin of the server. */
import { replayCommand, REPLAY_USAGE } from './replay.js';
import { auditCommand, AUDIT_USAGE } from './audit.js';
import { tokensCommand, TOKENS_USAGE } from './tokens.js';
import { maskCommand, MASK_USAGE } from './mask.js';
import { promptsCommand, PROMPTS_USAGE } from './prompts.js';
import { migrateCommand, MIGRATE_USAGE } from './migrate.js';
import { processIo, UsageError, type Io } from './io.js';

const COMMANDS: Record<string, { run: (args: string[], io: Io) => number | Promise<number>; usage: string }> = {
  replay: { run: replayCommand, usage: REPLAY_USAGE },
  audit: { run: auditCommand, usage: AUDIT_USAGE },
  tokens: { run: tokensCommand, usage: TOKENS_USAGE },
  mask: { run: maskCommand, usage: MASK_USAGE },
  prompts: { run: promptsCommand, usage: PROMPTS_USAGE },
  'migrate-to-postgres': { run: migrateCommand, usage: MIGRATE_USAGE },
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(
      `usage: candor <command>\n\n${Object.values(COMMANDS)
        .map((c) => `  ${c.usage}`)
        .join('\n')}`,
    );
    return 2;
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
