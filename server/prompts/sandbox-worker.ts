/** The worker of sandbox.ts: compiles the templates it was sent, runs the gate or the preview, and posts the answer. */
import { parentPort, workerData } from 'node:worker_threads';
import { runGate } from './gate.js';
import { TemplateLimitError } from '../templates/limits.js';
import { previewSession } from './preview.js';
import { settingsFrom, type Answer, type Job } from './sandbox.js';

const job = workerData as Job;
const answer = (a: Answer) => parentPort!.postMessage(a);

try {
  answer({
    result:
      job.run === 'gate'
        ? await runGate(job.gateDir, settingsFrom(job.live), settingsFrom(job.draft))
        : await previewSession(job.file, settingsFrom(job.draft), job.withModelPrompt),
  });
} catch (e) {
  // Any other error reaches the server as the worker's 'error' event.
  if (!(e instanceof TemplateLimitError)) throw e;
  answer({ limit: { file: e.file, line: e.line, limit: e.limit, where: e.where } });
}
