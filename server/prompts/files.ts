/**
 * Templates to and from `prompts/`, so a team can keep them in git: export writes the live
 * versions over the files; import publishes, through the gate, every file that differs.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkTemplate, readTemplateFiles } from '../templates/templates.js';
import { asProblem, changes, publish, type Problem, type PromptsDeps, type PublishResult } from './publish.js';
import { AppError } from '../errors.js';
import type { GateViolation } from './gate.js';

export async function exportLive(deps: Pick<PromptsDeps, 'store'>, dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const t of await deps.store.templates.live()) {
    const target = path.join(dir, t.file);
    mkdirSync(path.dirname(target), { recursive: true });
    // Whole files or nothing: a crash mid-export must not leave half a template in the repository.
    writeFileSync(`${target}.tmp`, t.source);
    renameSync(`${target}.tmp`, target);
    written.push(t.file);
  }
  return written;
}

export interface ImportReport {
  published: { id: string; version: number }[];
  unchanged: string[];
  blocked: { id: string; file: string; problems?: Problem[]; violations?: GateViolation[]; reason?: string }[];
}

export async function importChanged(deps: PromptsDeps, dir: string, author: string): Promise<ImportReport> {
  const live = new Map((await deps.store.templates.live()).map((t) => [t.templateId, t]));
  const report: ImportReport = { published: [], unchanged: [], blocked: [] };
  for (const { file, source } of readTemplateFiles(dir)) {
    const checked = checkTemplate(file, source);
    if (Array.isArray(checked)) {
      report.blocked.push({ id: file, file, problems: checked.map(asProblem) });
      continue;
    }
    const id = checked.id;
    const current = live.get(id);
    if (!current) {
      report.blocked.push({ id, file, reason: 'a new template: the server imports new files when it starts' });
      continue;
    }
    if (!changes(current, source)) {
      report.unchanged.push(id);
      continue;
    }
    let result: PublishResult;
    try {
      result = await publish(deps, {
        id,
        source,
        message: `imported from prompts/${file}`,
        author,
        acceptDifferences: true,
      });
    } catch (e) {
      // Stopped in its worker (over a template limit or the time budget): this file is blocked, the others still
      // import.
      if (!(e instanceof AppError)) throw e;
      report.blocked.push({ id, file, reason: e.message });
      continue;
    }
    if (result.kind === 'published') report.published.push({ id, version: result.record.version });
    else if (result.kind === 'invalid') report.blocked.push({ id, file, problems: result.problems });
    else if (result.kind === 'blocked') report.blocked.push({ id, file, violations: result.violations });
    else report.blocked.push({ id, file, reason: 'another change was published at the same moment; import again' });
  }
  return report;
}
