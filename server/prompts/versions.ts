/**
 * Template versions as the store keeps them: the front matter's `version` is the store's version
 * number (so suggestions and outcomes name the version that made them), a diff from the version
 * before, and the files in `prompts/` imported once as version 1.
 */
import { createTwoFilesPatch } from 'diff';
import type { Store, TemplateVersionRecord } from '../store/types.js';
import { checkTemplate, checkTemplateSet, readTemplateFiles, type PhrasingTemplate } from '../templates/templates.js';

const VERSION_LINE = /^version:.*$/m;

/** The source with its front matter's `version:` set to `version`. */
export const stamp = (source: string, version: number) => source.replace(VERSION_LINE, `version: ${version}`);

/** Whether two sources differ in anything but their version line. */
export const sameTemplate = (a: string, b: string) => stamp(a, 0) === stamp(b, 0);

export const diffOf = (file: string, before: string, after: string) =>
  before ? createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, '', '', { context: 2 }) : '';

/** The live versions as templates the engines use; `model` requires the model kinds. */
export function templatesFrom(
  live: readonly Pick<TemplateVersionRecord, 'file' | 'source'>[],
  options: { model?: boolean } = {},
): PhrasingTemplate[] {
  return checkTemplateSet(live, 'the published templates', options);
}

/**
 * Imports every template file whose id the store has no version of yet, as version 1, so a fresh
 * server starts from `prompts/` and later edits live in the store. Files with problems stop it.
 */
export async function importNewFiles(store: Store, dir: string, options: { model?: boolean } = {}): Promise<string[]> {
  const files = readTemplateFiles(dir);
  checkTemplateSet(
    files.map((f) => ({ ...f, file: `${dir}/${f.file}` })),
    dir,
    options,
  );
  const known = new Set((await store.templates.live()).map((t) => t.templateId));
  const imported: string[] = [];
  for (const { file, source } of files) {
    const t = checkTemplate(file, source) as PhrasingTemplate;
    if (known.has(t.id)) continue;
    await store.templates.publish({
      templateId: t.id,
      version: 1,
      file,
      source: stamp(source, 1),
      author: 'system',
      message: `imported from prompts/${file}`,
      diff: '',
      rolledBackFrom: null,
    });
    imported.push(t.id);
  }
  return imported;
}
