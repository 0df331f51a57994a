/**
 * Finds and validates session files. A file that fails is reported with its name, the JSON path
 * of the problem and what was expected; the other files still run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { RecordedSession, SealedRecording } from '../protocol/session.js';
import { checkCategory, checkConsentKeys, type Taxonomy } from '../taxonomy/taxonomy.js';
import { fromZodError } from '../errors.js';

export function findSessionFiles(targets: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    } else if (p.endsWith('.json')) out.push(p);
  };
  targets.forEach(walk);
  return out;
}

export type Loaded = { ok: true; session: RecordedSession } | { ok: false; path: string; message: string };

export function loadSession(file: string, taxonomy: Taxonomy): Loaded {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { ok: false, path: '$', message: `not valid JSON: ${(e as Error).message}` };
  }
  if (SealedRecording.safeParse(json).success)
    return {
      ok: false,
      path: '$.sealed',
      message:
        "a recording sealed under its customer's key: read it through GET /api/v1/recordings/<id>, " +
        'or replay its copy in the gate suite',
    };
  return checkSession(json, taxonomy);
}

/** A session already read: its shape, and its categories and consents against the taxonomy. */
export function checkSession(json: unknown, taxonomy: Taxonomy): Loaded {
  const parsed = RecordedSession.safeParse(json);
  if (!parsed.success) {
    const err = fromZodError(parsed.error);
    return { ok: false, path: jsonPath(err.path), message: err.message.replace(/^[^:]*: /, '') };
  }
  const s = parsed.data;
  try {
    for (const [i, f] of s.facts.entries()) checkCategory(taxonomy, f.category, ['facts', i, 'category']);
    for (const [i, k] of s.consents.entries()) checkConsentKeys(taxonomy, k, ['consents', i]);
    s.turns.forEach((t, i) => {
      if (t.role !== 'event') return;
      if (t.type === 'consent.granted') checkConsentKeys(taxonomy, t.consent, ['turns', i, 'consent']);
      if (t.type === 'fact.added') checkCategory(taxonomy, t.fact.category, ['turns', i, 'fact', 'category']);
    });
  } catch (e) {
    const err = e as { path: (string | number)[]; message: string };
    return { ok: false, path: jsonPath(err.path), message: err.message };
  }
  return { ok: true, session: s };
}

/** `["turns", 2, "type"]` → `$.turns[2].type` */
export function jsonPath(p: readonly (string | number)[]): string {
  return `$${p.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`;
}
