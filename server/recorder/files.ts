/**
 * Recording files: written whole to a temporary file, flushed and renamed over the old one, so a
 * crash leaves the last complete version, never half a file; listed and read for leads; copied
 * into the gate suite once the replay finds them clean.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, open, readFile, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { RecordedSession } from '../protocol/session.js';
import { AppError } from '../errors.js';
import { ownerOnlyDir } from '../files/private.js';
import type { AssistSettings } from '../assist/assist.js';
import { offlineEngine } from '../suggest/engine.js';
import { replayTargets } from '../replay/run.js';

/** Where the server keeps recordings: `recordings/` in the data directory. */
export const recordingsDirOf = (dataDir: string) => path.resolve(dataDir, 'recordings');

export const newRecordingId = (now: number) =>
  `rec-${new Date(now).toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;

export async function writeRecording(dir: string, session: RecordedSession): Promise<void> {
  ownerOnlyDir(dir);
  const file = path.join(dir, `${session.id}.json`);
  // Not `.json`: a reader listing the folder never sees a half-written file.
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(session, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}

const readJson = (file: string): Promise<unknown> =>
  readFile(file, 'utf8')
    .then((t) => JSON.parse(t) as unknown)
    .catch(() => null);

export interface RecordingSummary {
  id: string;
  title: string;
  recordedAt: string;
  customerTurns: number;
}

/** Newest first; a file that is not a valid session is left out of the list. */
export async function listRecordings(dir: string): Promise<RecordingSummary[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: RecordingSummary[] = [];
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const parsed = RecordedSession.safeParse(await readJson(path.join(dir, name)));
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

const fileOf = (dir: string, id: string) => path.join(dir, `${id}.json`);
const notFound = (id: string) => new AppError('recording_not_found', `no recording "${id}"`, 404, ['params', 'id']);

/** `id` must already be a parsed `RecordingId`: it becomes a file name. */
export async function readRecording(dir: string, id: string): Promise<unknown> {
  const text = await readFile(fileOf(dir, id), 'utf8').catch(() => null);
  if (text === null) throw notFound(id);
  return JSON.parse(text);
}

/**
 * Copies a recording into the gate suite as `<id>.json`, after replaying it: a recording with a
 * violation would block every template change from then on. 409 when it is already there.
 */
export async function addToGate(dir: string, gateDir: string, id: string, settings: AssistSettings): Promise<string> {
  const source = fileOf(dir, id);
  await readRecording(dir, id);
  const [report] = (await replayTargets([source], settings, offlineEngine(settings))).sessions;
  const violation = report?.violations[0];
  if (violation)
    throw new AppError(
      'recording_not_clean',
      `the replay of recording "${id}" found a violation (${violation.code}): ${violation.message}`,
      422,
      ['params', 'id'],
    );
  await mkdir(gateDir, { recursive: true });
  const target = fileOf(gateDir, id);
  try {
    await copyFile(source, target, constants.COPYFILE_EXCL);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new AppError('already_in_gate', `recording "${id}" is already in the gate suite`, 409, ['params', 'id']);
    throw e;
  }
  return target;
}
