/** Replays every session file under the targets into one report, in the shape of the spec's `--json` output. */
import path from 'node:path';
import type { AssistSettings } from '../assist/assist.js';
import type { Engine } from '../suggest/engine.js';
import { findSessionFiles, loadSession } from './files.js';
import { replaySession, type SessionReport } from './replay.js';

export interface ReplayReport {
  sessions: SessionReport[];
  summary: { sessions: number; turns: number; violations: number };
}

export async function replayTargets(
  targets: readonly string[],
  settings: AssistSettings,
  engine: Engine,
): Promise<ReplayReport> {
  const sessions: SessionReport[] = [];
  const seen = new Map<string, string>();
  for (const file of findSessionFiles(targets)) {
    const shown = path.relative(process.cwd(), file) || file;
    const loaded = loadSession(file, settings.taxonomy);
    if (!loaded.ok) {
      sessions.push({
        id: path.basename(file, '.json'),
        file: shown,
        ok: false,
        turns: [],
        violations: [{ turn: null, code: 'invalid_session', path: loaded.path, message: loaded.message }],
      });
      continue;
    }
    const report = await replaySession(loaded.session, shown, settings, engine);
    const key = `${path.dirname(file)}\n${loaded.session.id}`;
    if (seen.has(key)) {
      report.ok = false;
      report.violations.unshift({
        turn: null,
        code: 'duplicate_id',
        message: `session id "${loaded.session.id}" is also used by ${seen.get(key)}`,
      });
    }
    seen.set(key, shown);
    sessions.push(report);
  }
  return {
    sessions,
    summary: {
      sessions: sessions.length,
      turns: sessions.reduce((n, s) => n + s.turns.length, 0),
      violations: sessions.reduce((n, s) => n + s.violations.length, 0),
    },
  };
}
