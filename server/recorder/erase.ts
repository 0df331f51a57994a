/**
 * Erasure reaching recorded sessions on the server (the recordings folder and the gate suite's
 * copies). A customer's whole erasure deletes their sessions; one fact's erasure blanks that fact
 * wherever a file holds it and drops the model exchanges that carried it. Both are idempotent, so
 * a run cut short is finished by running it again (the server does at start).
 */
import { unlink } from 'node:fs/promises';
import { RecordedSession } from '../protocol/session.js';
import type { Fact } from '../protocol/domain.js';
import { fileOf, readRecordingFile, writeRecording, type RecordingKeys } from './files.js';
import { ERASED_TEXT } from './session.js';

/** Deletes each recording from each folder; answers the files that were there. */
export async function deleteRecordings(dirs: readonly string[], ids: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of dirs) {
    for (const id of ids) {
      const file = fileOf(dir, id);
      try {
        await unlink(file);
        removed.push(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
  }
  return removed;
}

// The source goes too, as it does in the store: it is the customer's data as much as the text.
const blank = (f: Fact, gone: ReadonlySet<string>): Fact =>
  gone.has(f.id)
    ? { id: f.id, category: f.category, text: ERASED_TEXT, source: ERASED_TEXT, collectedAt: f.collectedAt }
    : f;

const carries = (exchange: unknown, gone: ReadonlySet<string>) => {
  const ids = (exchange as { factIds?: unknown } | null)?.factIds;
  return Array.isArray(ids) && ids.some((id) => gone.has(String(id)));
};

/** The session with the erased facts blanked and the exchanges that carried them dropped. */
export function withoutFacts(s: RecordedSession, gone: ReadonlySet<string>): RecordedSession {
  return {
    ...s,
    facts: s.facts.map((f) => blank(f, gone)),
    turns: s.turns.map((t) =>
      t.role === 'event' && t.type === 'fact.added' ? { ...t, fact: blank(t.fact, gone) } : t,
    ),
    ...(s.llm ? { llm: s.llm.filter((x) => !carries(x, gone)) } : {}),
  };
}

/** Rewrites each of the customer's recordings that holds one of the facts (sealed again if it was); answers them. */
export async function scrubFacts(
  dirs: readonly string[],
  ids: readonly string[],
  factIds: readonly string[],
  keys: RecordingKeys,
  customerId: string,
): Promise<string[]> {
  const gone = new Set(factIds);
  const rewritten: string[] = [];
  for (const dir of dirs) {
    for (const id of ids) {
      const read = await readRecordingFile(fileOf(dir, id), keys);
      if (read === null) continue;
      const parsed = RecordedSession.safeParse(read.json);
      // A file that is not a session any more (edited by hand) is deleted rather than left holding the fact.
      if (!parsed.success) {
        rewritten.push(...(await deleteRecordings([dir], [id])));
        continue;
      }
      const after = withoutFacts(parsed.data, gone);
      if (JSON.stringify(after) === JSON.stringify(parsed.data)) continue;
      await writeRecording(dir, after, read.sealed ? (text) => keys.seal(customerId, text) : undefined);
      rewritten.push(fileOf(dir, id));
    }
  }
  return rewritten;
}
