/**
 * Changing a template as the server does it: check the draft, pass the gate, write the version,
 * and make it live at once by swapping the phrasing every engine reads.
 */
import path from 'node:path';
import type { AssistSettings } from '../assist/assist.js';
import type { Store, TemplateVersionRecord } from '../store/types.js';
import type { GateDifference, GateViolation } from './gate.js';
import { phrasingFrom } from '../templates/phrasing.js';
import { gateInWorker } from './sandbox.js';
import { checkTemplate, checkTemplateSet, TemplateError, type PhrasingTemplate } from '../templates/templates.js';
import { diffOf, importNewFiles, sameTemplate, stamp, templatesFrom } from './versions.js';

export interface PromptsDeps {
  store: Store;
  /** The server's own settings object: publishing replaces its phrasing. */
  settings: AssistSettings;
  gateDir: string;
  /** Whether the model's templates must be present (the model engine runs). */
  model: boolean;
  /** How long a gate run or a preview of a draft may take (CANDOR_TEMPLATE_BUDGET_MS). */
  budgetMs: number;
}

export interface Problem {
  line: number;
  message: string;
}

export type PublishResult =
  | { kind: 'published'; record: TemplateVersionRecord }
  | { kind: 'invalid'; problems: Problem[] }
  | { kind: 'blocked'; violations: GateViolation[] }
  | { kind: 'differences'; differences: GateDifference[] }
  | { kind: 'raced' };

/** `file:line: message` → `{ line, message }`; a problem about the whole set has no line of its own. */
export const asProblem = (p: string): Problem => {
  const m = /^[^:]*:(\d+): (.*)$/s.exec(p);
  return m ? { line: Number(m[1]), message: m[2]! } : { line: 1, message: p.replace(/^[^:]*: /, '') };
};

/** The live templates with `id` replaced by `source`: the set a draft would make, or its problems. */
export async function draftSet(
  deps: PromptsDeps,
  id: string,
  source: string,
): Promise<{ templates: PhrasingTemplate[]; live: TemplateVersionRecord } | { problems: Problem[] }> {
  const live = await deps.store.templates.live();
  const current = live.find((t) => t.templateId === id);
  if (!current) return { problems: [{ line: 1, message: `there is no template "${id}"` }] };
  const one = checkTemplate(current.file, source);
  if (Array.isArray(one)) return { problems: one.map(asProblem) };
  if (one.id !== id) {
    const line = source.split('\n').findIndex((l) => l.startsWith('id:')) + 1;
    return { problems: [{ line: line || 1, message: `the id must stay "${id}" (a new id is a new template file)` }] };
  }
  try {
    const entries = live.map((t) => (t.templateId === id ? { file: t.file, source } : t));
    return { templates: checkTemplateSet(entries, 'the published templates', { model: deps.model }), live: current };
  } catch (e) {
    if (e instanceof TemplateError) return { problems: e.problems.map(asProblem) };
    throw e;
  }
}

export async function publish(
  deps: PromptsDeps,
  change: {
    id: string;
    source: string;
    message: string;
    author: string;
    acceptDifferences: boolean;
    rolledBackFrom?: number;
  },
): Promise<PublishResult> {
  const draft = await draftSet(deps, change.id, change.source);
  if ('problems' in draft) return { kind: 'invalid', problems: draft.problems };
  const gate = await gateInWorker(deps, draft.templates);
  if (!gate.ok) return { kind: 'blocked', violations: gate.violations };
  if (gate.differences.length && !change.acceptDifferences)
    return { kind: 'differences', differences: gate.differences };

  const version = draft.live.version + 1;
  const source = stamp(change.source, version);
  const record = await deps.store.templates.publish({
    templateId: change.id,
    version,
    file: draft.live.file,
    source,
    author: change.author,
    message: change.message,
    diff: diffOf(path.posix.join('prompts', draft.live.file), draft.live.source, source),
    rolledBackFrom: change.rolledBackFrom ?? null,
  });
  if (!record) return { kind: 'raced' };
  await goLive(deps);
  return { kind: 'published', record };
}

/** At start: `prompts/` files the store has not seen become version 1, then the store's live versions are used. */
export async function usePublished(
  deps: Pick<PromptsDeps, 'store' | 'settings' | 'model'>,
  dir: string,
): Promise<string[]> {
  const imported = await importNewFiles(deps.store, dir, { model: deps.model });
  await goLive(deps);
  return imported;
}

/** Makes the store's live versions what every engine speaks with from the next suggestion on. */
export async function goLive(deps: Pick<PromptsDeps, 'store' | 'settings' | 'model'>): Promise<void> {
  deps.settings.phrasing = phrasingFrom(templatesFrom(await deps.store.templates.live(), { model: deps.model }));
}

/** Whether a file's text is a change to the live version (its version line aside). */
export const changes = (live: TemplateVersionRecord, source: string) => !sameTemplate(live.source, source);
