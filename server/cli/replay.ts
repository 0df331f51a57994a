/**
 * `candor replay <file-or-folder>... [--json] [--engine offline] [--prompts DIR]`
 * Exit 0: every session valid and clean; 1: a violation or an invalid file; 2: usage error.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { parseConfig } from '../config.js';
import { loadAssistSettings } from '../assist/settings.js';
import { replayTargets } from '../replay/run.js';
import { engineFor } from '../assist/engines.js';
import { createLogger } from '../log.js';
import { UsageError, type Io } from './io.js';

export async function replayCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      engine: { type: 'string', default: 'offline' },
      model: { type: 'string' },
      prompts: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('replay needs at least one session file or folder');
  if (values.engine !== 'offline' && values.engine !== 'openai')
    throw new UsageError(`unknown engine "${values.engine}"; expected offline or openai`);
  for (const p of positionals) if (!existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);

  const config = parseConfig();
  if (values.engine === 'openai' && !config.OPENAI_API_KEY)
    throw new UsageError(
      '--engine openai needs OPENAI_API_KEY (and OPENAI_BASE_URL for an endpoint other than OpenAI)',
    );
  const settings = loadAssistSettings(config, values.prompts, { model: values.engine === 'openai' });
  const engine = engineFor(
    values.engine,
    config,
    settings,
    createLogger(config.CANDOR_LOG_LEVEL === 'info' ? 'warn' : config.CANDOR_LOG_LEVEL),
    values.model,
  );
  const report = await replayTargets(positionals, settings, engine);
  if (values.json) {
    io.out(JSON.stringify(report, null, 2));
  } else {
    for (const s of report.sessions) {
      const mark = s.ok ? 'ok  ' : 'FAIL';
      io.out(`${mark} ${s.id} (${s.file}): ${s.turns.length} customer turn(s), ${s.violations.length} violation(s)`);
      for (const t of s.turns)
        if (t.requests.length)
          io.out(`     turn ${t.turn}: privacy request: ${t.requests.map((r) => `${r.kind} (${r.lang})`).join(', ')}`);
      for (const v of s.violations) {
        const where = v.turn === null ? (v.path ?? 'file') : `turn ${v.turn}`;
        io.out(`     ${where}: ${v.code}: ${v.message}`);
      }
    }
    const { sessions, turns, violations } = report.summary;
    io.out(`${sessions} session(s), ${turns} turn(s), ${violations} violation(s)`);
  }
  return report.sessions.every((s) => s.ok) ? 0 : 1;
}
