/**
 * Recording files: written whole to a temporary file, flushed and renamed over the old one, so a
 * crash leaves the last complete version, never half a file; sealed under the customer's data key
 * when the store encrypts (the default), so a copy taken before the customer's erasure reads as
 * nothing after it; listed and read for leads; written plain into the gate suite once the replay
 * finds them clean.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { RecordedSession, SealedRecording } from '../protocol/session.js';
import { AppError } from '../errors.js';
import { ownerOnlyDir } from '../files/private.js';
import type { AssistSettings } from '../assist/assist.js';
import type { Store } from '../store/types.js';
import { offlineEngine } from '../suggest/engine.js';
import { checkSession } from '../replay/files.js';
import { replaySession } from '../replay/replay.js';

/** What reading and writing recordings needs of the store: the customer's key. */
export type RecordingKeys = Pick<Store['recordings'], 'sealing' | 'seal' | 'open'>;
/** Seals a recording's text for one customer. */
export type Seal = (text: string) => Promise<string>;

/** How a new recording of this customer is sealed; none when the store does not encrypt. */
export const sealFor = (keys: RecordingKeys, customerId: string): Seal | undefined =>
  keys.sealing ? (text) => keys.seal(customerId, text) : undefined;

/** Where the server keeps recordings: `recordings/` in the data directory. */
export const recordingsDirOf = (dataDir: string) => path.resolve(dataDir, 'recordings');

export const newRecordingId = (now: number) =>
  `rec-${new Date(now).toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;

const textOf = (session: RecordedSession) => `${JSON.stringify(session, null, 2)}\n`;

/** Writes `text` to a temporary file beside `file`, flushed; answers its name. */
async function flushed(file: string, text: string, mode: number): Promise<string> {
  // Not `.json`: a reader listing the folder never sees a half-written file.
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'w', mode);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

/** Writes the session whole, sealed with `seal` when given. */
export async function writeRecording(dir: string, session: RecordedSession, seal?: Seal): Promise<void> {
  ownerOnlyDir(dir);
  const file = path.join(dir, `${session.id}.json`);
  const text = seal ? `${JSON.stringify({ sealed: await seal(textOf(session)) })}\n` : textOf(session);
  await rename(await flushed(file, text, 0o600), file);
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/**
 * A recording file's content as JSON, opened when it is sealed (`sealed`: so a rewrite seals it again); null when
 * there is no such file or its customer's key is gone.
 */
export async function readRecordingFile(
  file: string,
  keys: RecordingKeys,
): Promise<{ json: unknown; sealed: boolean } | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  const json = parseJson(text);
  const sealed = SealedRecording.safeParse(json);
  if (!sealed.success) return { json, sealed: false };
  const plain = await keys.open(sealed.data.sealed);
  return plain === null ? null : { json: parseJson(plain), sealed: true };
}

/**
 * Seals each plain recording in `dir` under its customer's key (`candor encrypt`: files from before recordings were
 * sealed). A file that is not a session, or whose customer is not known, is left as it is and named in `left`.
 */
export async function sealRecordings(
  dir: string,
  keys: Pick<Store['recordings'], 'owner' | 'seal' | 'open'>,
): Promise<{ sealed: number; left: string[] }> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  const out = { sealed: 0, left: [] as string[] };
  for (const name of names) {
    const read = await readRecordingFile(path.join(dir, name), { ...keys, sealing: true });
    if (!read || read.sealed) continue;
    const parsed = RecordedSession.safeParse(read.json);
    const owner = parsed.success && `${parsed.data.id}.json` === name ? await keys.owner(parsed.data.id) : null;
    if (!parsed.success || !owner) {
      out.left.push(name);
      continue;
    }
    await writeRecording(dir, parsed.data, (text) => keys.seal(owner, text));
    out.sealed++;
  }
  return out;
}

export interface RecordingSummary {
  id: string;
  title: string;
  recordedAt: string;
  customerTurns: number;
}

/** Newest first; a file that is not a valid session is left out of the list. */
export async function listRecordings(dir: string, keys: RecordingKeys): Promise<RecordingSummary[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: RecordingSummary[] = [];
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const parsed = RecordedSession.safeParse((await readRecordingFile(path.join(dir, name), keys))?.json);
    if (!parsed.success) continue;
    const s = parsed.data;
    out.push({
      id: s.id,
      title: s.title ?? s.id,
      recordedAt: s.recordedAt,
      customerTurns: s.turns.filter((t) => t.role === 'customer').length,
    });
  }
  return out.sort((a, b) => b.recordedAt.localeCompare(a.recordedAt) || a.id.localeCompare(b.id));
}

export const fileOf = (dir: string, id: string) => path.join(dir, `${id}.json`);
const notFound = (id: string) => new AppError('recording_not_found', `no recording "${id}"`, 404, ['params', 'id']);

/** `id` must already be a parsed `RecordingId`: it becomes a file name. */
export async function readRecording(dir: string, id: string, keys: RecordingKeys): Promise<unknown> {
  const read = await readRecordingFile(fileOf(dir, id), keys);
  if (read === null) throw notFound(id);
  return read.json;
}

const notClean = (id: string, code: string, message: string) =>
  new AppError('recording_not_clean', `the replay of recording "${id}" found a violation (${code}): ${message}`, 422, [
    'params',
    'id',
  ]);

/**
 * Writes a recording into the gate suite as `<id>.json`, plain (the suite is read by the replay and kept in the
 * repository), after replaying it: a recording with a violation would block every template change from then on.
 * 409 when it is already there.
 */
export async function addToGate(
  dir: string,
  gateDir: string,
  id: string,
  settings: AssistSettings,
  keys: RecordingKeys,
): Promise<string> {
  const loaded = checkSession(await readRecording(dir, id, keys), settings.taxonomy);
  if (!loaded.ok) throw notClean(id, 'invalid_session', `${loaded.path}: ${loaded.message}`);
  const report = await replaySession(loaded.session, `${id}.json`, settings, offlineEngine(settings));
  const violation = report.violations[0];
  if (violation) throw notClean(id, violation.code, violation.message);
  await mkdir(gateDir, { recursive: true });
  const target = fileOf(gateDir, id);
  // Linked into place: whole or not at all, and never over a file already there.
  const temp = await flushed(target, textOf(loaded.session), 0o644);
  try {
    await link(temp, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new AppError('already_in_gate', `recording "${id}" is already in the gate suite`, 409, ['params', 'id']);
    throw e;
  } finally {
    await unlink(temp);
  }
  return target;
}
