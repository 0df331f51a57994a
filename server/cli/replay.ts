/**
 * `candor replay <file-or-folder>... [--json] [--engine offline] [--prompts DIR]`
 * Exit 0: every session valid and clean; 1: a violation or an invalid file; 2: usage error.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { parseConfig } from '../config.js';
import { loadAssistSettings } from '../assist/settings.js';
import { replayTargets } from '../replay/run.js';
import { UsageError, type Io } from './io.js';

export const REPLAY_USAGE = 'usage: candor replay <file-or-folder>... [--json] [--engine offline] [--prompts DIR]';

export function replayCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, engine: { type: 'string', default: 'offline' }, prompts: { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError('replay needs at least one session file or folder');
  if (values.engine !== 'offline') throw new UsageError(`unknown engine "${values.engine}"; this build has the "offline" engine`);
  for (const p of positionals) if (!existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);

  const settings = loadAssistSettings(parseConfig(), values.prompts);
  const report = replayTargets(positionals, settings);
  if (values.json) {
    io.out(JSON.stringify(report, null, 2));
  } else {
    for (const s of report.sessions) {
      const mark = s.ok ? 'ok  ' : 'FAIL';
      io.out(`${mark} ${s.id} (${s.file}): ${s.turns.length} customer turn(s), ${s.violations.length} violation(s)`);
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
