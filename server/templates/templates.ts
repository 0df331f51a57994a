/**
 * Phrasing templates: files in `prompts/` with YAML front matter and a Liquid body, the one place a
 * team lead edits what Candor says. Every file is validated at load — front matter, Liquid syntax,
 * and every variable it names — and a problem is reported as `file:line: problem`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Liquid, type Template } from 'liquidjs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { Locale, TaxonomyKey } from '../protocol/domain.js';
import { limitExceeded, TEMPLATE_LIMITS, TemplateLimitError } from './limits.js';
import { isAllowed, MODEL_KINDS, OFFLINE_KINDS, TEMPLATE_VARIABLES, type TemplateKind } from './variables.js';

const FrontMatter = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'expected a lower-case id such as "offline.fact.purchase"' }),
  version: z.number().int().min(1),
  description: z.string().min(1),
  kind: z.enum(Object.keys(TEMPLATE_VARIABLES) as [TemplateKind, ...TemplateKind[]]),
  /**
   * The language the template speaks, for tickets in it; none means English, the fallback for a kind a language
   * has no template of. A template under `<locale>/` declares that locale.
   */
  locale: Locale.optional(),
  /** For `fact` templates: the categories (and everything below them) the template is for; none means any. */
  categories: z.array(TaxonomyKey).optional(),
  /** For model templates: settings of the call. */
  model: z
    .strictObject({
      temperature: z.number().min(0).max(2).optional(),
      maxTokens: z.number().int().min(16).max(16_000).optional(),
    })
    .optional(),
});
export type FrontMatter = z.infer<typeof FrontMatter>;

export interface PhrasingTemplate extends FrontMatter {
  file: string;
  /**
   * The file's text: a render stopped at a limit counts its line in it, and a worker compiles it again (compiled
   * templates cannot leave a thread).
   */
  source: string;
  compiled: Template[];
  /** The variables the template names at their top level (`customer`, `fact`…): what its render can depend on. */
  reads: ReadonlySet<string>;
}

export class TemplateError extends Error {
  constructor(readonly problems: string[]) {
    super(`prompt templates are invalid:\n  ${problems.join('\n  ')}`);
    this.name = 'TemplateError';
  }
}

/**
 * One engine for every template: no filesystem access from inside a template, unknown filters are errors, and the
 * limits.
 */
export const liquid = new Liquid({
  strictFilters: true,
  strictVariables: true,
  ownPropertyOnly: true,
  relativeReference: false,
  lenientIf: true,
  templates: {},
  ...TEMPLATE_LIMITS,
});
// A template is one self-contained file: tags that pull in other files are refused when it is parsed.
for (const tag of ['include', 'render', 'layout']) {
  liquid.registerTag(tag, {
    parse() {
      throw new Error(`the {% ${tag} %} tag is not available: a template is one file`);
    },
    render() {},
  });
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** The file line the Liquid body starts after: Liquid counts its lines from the body. */
const linesBefore = (fence: string) => fence.split('\n').length - (fence.endsWith('\n') ? 1 : 0);

/** Checks one template file's text; returns the template or the problems, each with its line. */
export function checkTemplate(file: string, source: string): PhrasingTemplate | string[] {
  const fence = FENCE.exec(source);
  if (!fence)
    return [`${file}:1: missing front matter (a block between "---" lines with id, version, description and kind)`];
  const bodyLine = linesBefore(fence[0]);

  let meta: unknown;
  try {
    meta = parseYaml(fence[1]!);
  } catch (e) {
    return [`${file}:2: front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`];
  }
  const parsed = FrontMatter.safeParse(meta ?? {});
  if (!parsed.success) {
    return parsed.error.issues.map((i) => {
      const key = i.code === 'unrecognized_keys' ? i.keys[0]! : String(i.path[0] ?? '');
      const at = fence[1]!.split('\n').findIndex((l) => l.startsWith(`${key}:`));
      const what =
        i.code === 'unrecognized_keys'
          ? `unknown field(s) ${i.keys.join(', ')}`
          : `${i.path.join('.') || 'front matter'}: ${i.message}`;
      return `${file}:${at >= 0 ? at + 2 : 1}: ${what}`;
    });
  }
  const body = source.slice(fence[0].length);
  let compiled: Template[];
  try {
    compiled = liquid.parse(body, file);
  } catch (e) {
    return [`${file}:${bodyLine + liquidLine(e)}: ${limitExceeded(e) ?? liquidMessage(e)}`];
  }
  const problems: string[] = [];
  // A dry run with no data finds what a template does whatever the data (a loop over a huge range, a
  // string doubled until it fills memory) at its line; what only real data sets off, the gate finds.
  // Other errors here are about the missing data, not the template.
  try {
    liquid.renderSync(compiled, {}, { strictVariables: false });
  } catch (e) {
    const limit = limitExceeded(e);
    if (limit) problems.push(`${file}:${bodyLine + liquidLine(e)}: ${limit}`);
  }
  const globals = liquid.analyzeSync(compiled).globals;
  for (const [, uses] of Object.entries(globals)) {
    for (const v of uses) {
      const name = v.toString();
      if (!isAllowed(parsed.data.kind, name)) {
        problems.push(
          `${file}:${bodyLine + v.location.row}: unknown variable "${name}" ` +
            `(a ${parsed.data.kind} template may use ${TEMPLATE_VARIABLES[parsed.data.kind].join(', ')})`,
        );
      }
    }
  }
  if (parsed.data.categories && parsed.data.kind !== 'fact') {
    problems.push(`${file}:2: "categories" is only for fact templates`);
  }
  const folder = file
    .split('/')
    .slice(0, -1)
    .find((d) => Locale.safeParse(d).success);
  if (folder && folder !== 'en' && parsed.data.locale !== folder) {
    problems.push(`${file}:2: a template under ${folder}/ says "locale: ${folder}"`);
  }
  if (parsed.data.model && !parsed.data.kind.startsWith('model-')) {
    problems.push(`${file}:2: "model" settings are only for model-system and model-user templates`);
  }
  return problems.length ? problems : { ...parsed.data, file, source, compiled, reads: new Set(Object.keys(globals)) };
}

function liquidLine(e: unknown): number {
  const m = /line:(\d+)/.exec((e as Error).message);
  return m ? Number(m[1]) : 1;
}

function liquidMessage(e: unknown): string {
  return (e as Error).message.replace(/, (line:\d+, col:\d+|file:)[\s\S]*$/, '').replace(/^[A-Za-z]*Error: /, '');
}

/**
 * Checks a whole set of templates (files as read, or sources from the store); throws one
 * TemplateError listing every problem. The model engine's kinds are required only when it will run.
 */
export function checkTemplateSet(
  entries: readonly { file: string; source: string }[],
  where: string,
  options: { model?: boolean } = {},
): PhrasingTemplate[] {
  const templates: PhrasingTemplate[] = [];
  const problems: string[] = [];
  for (const { file, source } of entries) {
    const result = checkTemplate(file, source);
    if (Array.isArray(result)) problems.push(...result);
    else templates.push(result);
  }
  const ids = new Map<string, string>();
  for (const t of templates) {
    if (ids.has(t.id)) problems.push(`${t.file}:2: id "${t.id}" is already used by ${ids.get(t.id)}`);
    ids.set(t.id, t.file);
  }
  for (const kind of [...OFFLINE_KINDS, ...(options.model ? MODEL_KINDS : [])]) {
    if (!templates.some((t) => t.kind === kind && !t.locale && (kind !== 'fact' || !t.categories))) {
      problems.push(
        `${where}: no English ${kind} template${kind === 'fact' ? ' without categories (the fallback for any fact)' : ''}`,
      );
    }
  }
  if (problems.length) throw new TemplateError(problems);
  return templates;
}

/** Every `*.liquid` file in `dir` and its subfolders, as `{ file, source }` with `file` relative to `dir`. */
export function readTemplateFiles(dir: string): { file: string; source: string }[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.liquid'))
    .sort()
    .map((f) => ({ file: f.split(path.sep).join('/'), source: readFileSync(path.join(dir, f), 'utf8') }));
}

/** Loads and checks every template file in `dir` (problems name the files as `dir/file`). */
export function loadTemplates(dir: string, options: { model?: boolean } = {}): PhrasingTemplate[] {
  return checkTemplateSet(
    readTemplateFiles(dir).map((e) => ({ ...e, file: path.join(dir, e.file) })),
    dir,
    options,
  );
}

/** Renders within the limits; going over one is a TemplateLimitError naming the file's line. */
function renderWithin(template: PhrasingTemplate, scope: object): string {
  try {
    return liquid.renderSync(template.compiled, scope);
  } catch (e) {
    const limit = limitExceeded(e);
    throw limit
      ? new TemplateLimitError(template.file, linesBefore(FENCE.exec(template.source)![0]) + liquidLine(e), limit)
      : e;
  }
}

/** Renders a phrasing template as one line of text. */
export function render(template: PhrasingTemplate, scope: object): string {
  return renderWithin(template, scope).trim().replace(/\s+/g, ' ');
}

/** Renders a model prompt, keeping its lines. */
export function renderPrompt(template: PhrasingTemplate, scope: object): string {
  return renderWithin(template, scope).trim();
}
