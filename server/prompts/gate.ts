/**
 * The gate a template change passes before it is published: every recorded session in the gate
 * suite is replayed with the draft (offline engine: deterministic, no network). A violation blocks
 * the change; suggestions that merely differ from the live version's are listed for the lead.
 */
import path from 'node:path';
import type { AssistSettings } from '../assist/assist.js';
import { offlineEngine } from '../suggest/engine.js';
import { replayTargets } from '../replay/run.js';
import { findSessionFiles, loadSession } from '../replay/files.js';
import { phrasingFrom } from '../templates/phrasing.js';
import type { PhrasingTemplate } from '../templates/templates.js';

export interface GateViolation {
  sessionId: string;
  file: string;
  turn: number | null;
  code: string;
  message: string;
}

export interface GateDifference {
  sessionId: string;
  title: string;
  turn: number;
  customerText: string;
  /** The live version's suggestions the draft no longer makes, and the draft's new ones. */
  live: string[];
  draft: string[];
}

export interface GateResult {
  ok: boolean;
  violations: GateViolation[];
  differences: GateDifference[];
}

/** The server's settings speaking with another set of templates. */
export const withTemplates = (settings: AssistSettings, templates: readonly PhrasingTemplate[]): AssistSettings => ({
  ...settings,
  phrasing: phrasingFrom(templates),
});

/** A session's title and customer turn texts, for showing a difference in the lead's words. */
function described(file: string, taxonomy: AssistSettings['taxonomy']): { title: string; text(turn: number): string } {
  const loaded = loadSession(file, taxonomy);
  // Only a session that loaded has replayed turns to describe.
  if (!loaded.ok) throw new Error(`${file} ${loaded.path}: ${loaded.message}`);
  const { session } = loaded;
  return {
    title: session.title ?? session.id,
    text: (turn) => {
      const t = session.turns[turn];
      return t && t.role !== 'event' ? t.text : '';
    },
  };
}

export async function runGate(gateDir: string, live: AssistSettings, draft: AssistSettings): Promise<GateResult> {
  const [before, after] = await Promise.all([
    replayTargets([gateDir], live, offlineEngine(live)),
    replayTargets([gateDir], draft, offlineEngine(draft)),
  ]);
  // Files named as the lead knows them: within the gate suite.
  const inSuite = (file: string) => path.relative(gateDir, path.resolve(file));
  const violations = after.sessions.flatMap((s) =>
    s.violations.map((v) => ({
      sessionId: s.id,
      file: inSuite(s.file),
      turn: v.turn,
      code: v.code,
      message: v.message,
    })),
  );
  const differences: GateDifference[] = [];
  for (const s of after.sessions) {
    const was = before.sessions.find((b) => b.file === s.file);
    const about = s.turns.length ? described(s.file, live.taxonomy) : null;
    for (const t of s.turns) {
      const liveTexts = was?.turns.find((b) => b.turn === t.turn)?.suggestions.map((x) => x.text) ?? [];
      const draftTexts = t.suggestions.map((x) => x.text);
      // Only what changed: a suggestion both versions make is not the lead's concern here.
      const gone = liveTexts.filter((x) => !draftTexts.includes(x));
      const added = draftTexts.filter((x) => !liveTexts.includes(x));
      if (gone.length || added.length)
        differences.push({
          sessionId: s.id,
          title: about!.title,
          turn: t.turn,
          customerText: about!.text(t.turn),
          live: gone,
          draft: added,
        });
    }
  }
  return { ok: violations.length === 0, violations, differences };
}

/** The gate suite as the lead picks from it. */
export function gateSessions(
  gateDir: string,
  taxonomy: AssistSettings['taxonomy'],
): { id: string; title: string; file: string; customerTurns: number }[] {
  return findSessionFiles([gateDir]).flatMap((file) => {
    const loaded = loadSession(file, taxonomy);
    if (!loaded.ok) return [];
    const s = loaded.session;
    return [
      {
        id: s.id,
        title: s.title ?? s.id,
        file: path.relative(gateDir, file),
        customerTurns: s.turns.filter((t) => t.role === 'customer').length,
      },
    ];
  });
}
