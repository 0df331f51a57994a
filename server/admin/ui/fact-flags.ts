/**
 * On `/admin/requests`, a correction request's flagged facts (GET /api/v1/fact-flags), each with Correct, Remove and
 * Keep as is (POST /api/v1/fact-flags/:id/resolution). Admin only: the server answers 403 to anyone else, and the page
 * then says who may. The customer's words and the fact are text, never HTML.
 */
import { call } from './api.js';
import { el } from '../../../browser/dom.js';
import { formatTime } from '../../format/time.js';
import type { FactFlagItem, FactFlagResolution } from '../../protocol/fact-flags.js';

const ENDED = {
  corrected: 'Corrected',
  removed: 'Removed',
  kept: 'Kept as it was',
} as const;

/** Flags by request, open and resolved; null when this token may not see them (only an admin may). */
export async function flagsByRequest(): Promise<Map<string, FactFlagItem[]> | null> {
  const answers = await Promise.all(
    (['open', 'closed'] as const).map((status) =>
      call<{ flags: FactFlagItem[] }>('GET', `/fact-flags?status=${status}`),
    ),
  );
  if (answers.some((a) => a.status !== 200)) return null;
  const byRequest = new Map<string, FactFlagItem[]>();
  for (const f of answers.flatMap((a) => a.body.flags).sort((a, b) => a.flaggedAt.localeCompare(b.flaggedAt)))
    byRequest.set(f.requestId, [...(byRequest.get(f.requestId) ?? []), f]);
  return byRequest;
}

/** One form of a flag: its fields, a submit button, and where the server's answer shows when it refuses. */
function action(
  f: FactFlagItem,
  summary: string,
  submit: string,
  fields: (id: string) => Node[],
  body: (form: HTMLFormElement) => FactFlagResolution,
  done: () => void,
) {
  const id = `${summary.replace(/\W+/g, '-').toLowerCase()}${f.id}`;
  const problem = el('p', { className: 'error', attrs: { role: 'alert', id: `${id}-error` } });
  const form = el('form', { className: 'resolve', attrs: { novalidate: '', 'aria-describedby': `${id}-error` } }, [
    ...fields(id),
    el('button', { text: submit, attrs: { type: 'submit' } }),
    problem,
  ]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void call('POST', `/fact-flags/${encodeURIComponent(f.id)}/resolution`, body(form)).then(({ status, body }) => {
      if (status === 200) return done();
      problem.textContent = body.error?.message ?? `The server answered ${status}.`;
    });
  });
  return el('details', {}, [el('summary', { text: summary }), form]);
}

const field = (form: HTMLFormElement, name: string) =>
  (form.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLTextAreaElement).value;

function actions(f: FactFlagItem, done: () => void) {
  return el('div', { className: 'flag-actions' }, [
    action(
      f,
      'Correct…',
      'Save the correction',
      (id) => [
        el('label', { text: 'The fact should read', attrs: { for: id } }),
        el('textarea', { text: f.fact.text, attrs: { id, name: 'text', rows: '2', maxlength: '2000' } }),
      ],
      (form) => ({ resolution: 'corrected', text: field(form, 'text') }),
      done,
    ),
    action(
      f,
      'Remove…',
      'Remove the fact',
      () => [el('p', { text: 'This erases the fact for good, as if the customer had erased it.' })],
      () => ({ resolution: 'removed' }),
      done,
    ),
    action(
      f,
      'Keep as is…',
      'Keep as is',
      (id) => [
        el('label', { text: 'Reason told to the customer', attrs: { for: id } }),
        el('input', { attrs: { id, name: 'reason', type: 'text', maxlength: '2000' } }),
      ],
      (form) => ({ resolution: 'kept', reason: field(form, 'reason') }),
      done,
    ),
  ]);
}

function flagItem(f: FactFlagItem, done: () => void) {
  const said = f.note
    ? [
        f.note.wrong ? el('p', { text: `What is wrong, in the customer's words: ${f.note.wrong}` }) : null,
        f.note.shouldSay ? el('p', { text: `What it should say: ${f.note.shouldSay}` }) : null,
      ]
    : [el('p', { className: 'muted', text: 'The customer left no note.' })];
  const fact = f.fact.erased ? 'This fact was erased.' : f.fact.text;
  const ended = f.resolution
    ? `${ENDED[f.resolution]} on ${formatTime(f.closedAt!, 'date')}${f.reason ? `: ${f.reason}` : '.'}`
    : f.closedAt
      ? `Closed with the customer's erasure on ${formatTime(f.closedAt, 'date')}.`
      : null;
  return el('li', { className: 'flag', attrs: { 'data-flag': f.id, 'data-state': f.resolution ?? 'open' } }, [
    el('p', {}, [el('strong', { text: `${f.categoryName}: ` }), fact]),
    ...said,
    el('p', { className: 'muted', text: `Flagged on ${formatTime(f.flaggedAt, 'date')}` }),
    ended ? el('p', { className: 'resolution', text: ended }) : actions(f, done),
  ]);
}

/** The flagged facts of one request, as a row below it in the register's table. */
export function flagsRow(flags: readonly FactFlagItem[], columns: number, done: () => void) {
  return el('tr', { className: 'flags' }, [
    el('td', { attrs: { colspan: String(columns) } }, [
      el('p', { text: `Facts the customer flagged as wrong (${flags.length}):` }),
      el('ul', { className: 'flags' }, [...flags.map((f) => flagItem(f, done))]),
    ]),
  ]);
}
