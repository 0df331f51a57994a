/**
 * `candor prompts check [DIR]`: validates every template in DIR (default CANDOR_PROMPTS_DIR) as the
 * server does at start and at publish. With `candor replay`, what CI of a team's template repository runs.
 * Exit 0: clean; 1: problems; 2: usage error.
 */
import { existsSync } from 'node:fs';
import { parseConfig } from '../config.js';
import { loadTemplates, TemplateError } from '../templates/templates.js';
import { UsageError, type Io } from './io.js';

export async function promptsCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'check') throw new UsageError('expected "prompts check"');
  const model = rest.includes('--model');
  const dirs = rest.filter((a) => a !== '--model');
  if (dirs.length > 1 || dirs.some((d) => d.startsWith('--')))
    throw new UsageError(`unexpected ${dirs.slice(1).join(' ') || dirs[0]}`);
  const dir = dirs[0] ?? parseConfig().CANDOR_PROMPTS_DIR;
  if (!existsSync(dir)) throw new UsageError(`no such folder: ${dir}`);
  try {
    const templates = loadTemplates(dir, { model });
    io.out(`${templates.length} template(s) in ${dir}: no problems`);
    return 0;
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    for (const p of e.problems) io.out(p);
    io.out(`${e.problems.length} problem(s) in ${dir}`);
    return 1;
  }
}
