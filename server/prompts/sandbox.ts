/**
 * A lead's draft is replayed (the gate, a preview) in a worker thread with a time budget: however
 * long the draft takes, the server keeps answering, and a run over budget is stopped. The worker is
 * sent plain data (compiled templates cannot leave a thread, so it compiles the sources again) and
 * answers plain results. One worker per run, terminated when the run ends either way.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AssistSettings } from '../assist/assist.js';
import { AppError } from '../errors.js';
import { withTemplates, type GateResult } from './gate.js';
import { phrasingFrom } from '../templates/phrasing.js';
import type { PreviewTurn } from './preview.js';
import type { PromptsDeps } from './publish.js';
import { checkTemplateSet, type PhrasingTemplate } from '../templates/templates.js';

/** Settings as a worker receives them: the templates as their files' text. */
type PlainSettings = Omit<AssistSettings, 'phrasing'> & { templates: { file: string; source: string }[] };

export type Job =
  | { run: 'gate'; gateDir: string; live: PlainSettings; draft: PlainSettings }
  | { run: 'preview'; file: string; draft: PlainSettings; withModelPrompt: boolean };

/** What a worker answers: the result, or the template limit a render went over and where. */
export type Answer =
  | { result: unknown }
  | { limit: { file: string; line: number; limit: string; where?: { sessionId: string; turn: number } } };

type Deps = Pick<PromptsDeps, 'settings' | 'gateDir' | 'budgetMs'>;

const plain = ({ phrasing, ...rest }: AssistSettings): PlainSettings => ({
  ...rest,
  templates: phrasing.templates.map(({ file, source }) => ({ file, source })),
});

/** The worker's side of `plain`. */
export const settingsFrom = ({ templates, ...rest }: PlainSettings): AssistSettings => ({
  ...rest,
  phrasing: phrasingFrom(checkTemplateSet(templates, 'the templates sent to the worker')),
});

/** `runGate` with the live settings and the draft set, in a worker. */
export const gateInWorker = (deps: Deps, draft: readonly PhrasingTemplate[]) =>
  inWorker<GateResult>(
    {
      run: 'gate',
      gateDir: deps.gateDir,
      live: plain(deps.settings),
      draft: plain(withTemplates(deps.settings, draft)),
    },
    deps.budgetMs,
  );

/** `previewSession` of one recorded session with the draft set, in a worker. */
export const previewInWorker = (
  deps: Deps,
  file: string,
  draft: readonly PhrasingTemplate[],
  withModelPrompt: boolean,
) =>
  inWorker<PreviewTurn[]>(
    { run: 'preview', file, draft: plain(withTemplates(deps.settings, draft)), withModelPrompt },
    deps.budgetMs,
  );

// The worker is this module's sibling in the same form: `.ts` under tsx and vitest, `.js` once compiled.
const EXT = path.extname(fileURLToPath(import.meta.url));
const WORKER = new URL(`./sandbox-worker${EXT}`, import.meta.url);

function start(job: Job): Worker {
  if (EXT !== '.ts') return new Worker(WORKER, { workerData: job });
  // Node 20 applies no loader given in a worker's execArgv (nodejs/node#47747, tsx#354), and a worker
  // started from vitest has none at all: the worker registers tsx's loader itself, then loads the file.
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); });`,
    { eval: true, workerData: job },
  );
}

async function inWorker<T>(job: Job, budgetMs: number): Promise<T> {
  const worker = start(job);
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<T>((resolve, reject) => {
      timer = setTimeout(() => reject(overBudget(job, budgetMs)), budgetMs);
      worker.once('message', (answer: Answer) =>
        'result' in answer ? resolve(answer.result as T) : reject(overLimit(answer.limit)),
      );
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the template worker stopped (code ${code}) without an answer`)));
    });
  } finally {
    clearTimeout(timer);
    // Answered, failed or out of time: the thread goes, so nothing of a draft's run outlives its answer.
    await worker.terminate();
  }
}

function overBudget(job: Job, budgetMs: number): AppError {
  const what =
    job.run === 'gate'
      ? 'checking the draft against the recorded sessions'
      : 'previewing the draft on the recorded session';
  return new AppError(
    'template_time_budget',
    `${what} took longer than ${budgetMs / 1000} s, the time budget for a ` +
      `draft; look for a loop that runs long with real data (an admin can ` +
      `raise CANDOR_TEMPLATE_BUDGET_MS)`,
    422,
    ['source'],
  );
}

function overLimit({ file, line, limit, where }: Extract<Answer, { limit: unknown }>['limit']): AppError {
  const at = where ? ` in recorded session "${where.sessionId}", turn ${where.turn}` : '';
  return new AppError('template_limit', `${limit}: ${file} line ${line}${at}`, 422, ['source'], {
    file,
    line,
    ...where,
  });
}
