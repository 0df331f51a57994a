/**
 * On `/admin/requests`, a correction request's flagged facts (GET /api/v1/fact-flags), each with Correct, Remove and
 * Keep as is (POST /api/v1/fact-flags/:id/resolution). Admin only: the server answers 403 to anyone else, and the page
 * then says who may. The customer's words and the fact are text, never HTML; the page's own words in its language.
 */
import { call } from './api.js';
import { el } from '../../../browser/dom.js';
import type { FactFlagItem, FactFlagResolution } from '../../protocol/fact-flags.js';
import { t, when } from './words.js';

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
  name: 'correct' | 'remove' | 'keep',
  summary: string,
  submit: string,
  fields: (id: string) => Node[],
  body: (form: HTMLFormElement) => FactFlagResolution,
  done: () => void,
) {
  const id = `${name}-${f.id}`;
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
      problem.textContent = body.error?.message ?? t('admin.serverAnswered', { status });
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
      'correct',
      t('admin.flags.correctOpen'),
      t('admin.flags.correct'),
      (id) => [
        el('label', { text: t('admin.flags.correctLabel'), attrs: { for: id } }),
        el('textarea', { text: f.fact.text, attrs: { id, name: 'text', rows: '2', maxlength: '2000' } }),
      ],
      (form) => ({ resolution: 'corrected', text: field(form, 'text') }),
      done,
    ),
    action(
      f,
      'remove',
      t('admin.flags.removeOpen'),
      t('admin.flags.remove'),
      () => [el('p', { text: t('admin.flags.removeHelp') })],
      () => ({ resolution: 'removed' }),
      done,
    ),
    action(
      f,
      'keep',
      t('admin.flags.keepOpen'),
      t('admin.flags.keep'),
      (id) => [
        el('label', { text: t('admin.requests.reason'), attrs: { for: id } }),
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
        f.note.wrong ? el('p', { text: t('admin.flags.wrong', { text: f.note.wrong }) }) : null,
        f.note.shouldSay ? el('p', { text: t('admin.flags.shouldSay', { text: f.note.shouldSay }) }) : null,
      ]
    : [el('p', { className: 'muted', text: t('admin.flags.noNote') })];
  const fact = f.fact.erased ? t('admin.flags.factErased') : f.fact.text;
  const ended = f.resolution
    ? t(`admin.flags.ended.${f.resolution}`, { at: when(f.closedAt!, 'date'), reason: f.reason ?? '' })
    : f.closedAt
      ? t('admin.flags.closedWithErasure', { at: when(f.closedAt, 'date') })
      : null;
  return el('li', { className: 'flag', attrs: { 'data-flag': f.id, 'data-state': f.resolution ?? 'open' } }, [
    el('p', {}, [el('strong', { text: `${f.categoryName}: ` }), fact]),
    ...said,
    el('p', { className: 'muted', text: t('admin.flags.flaggedOn', { at: when(f.flaggedAt, 'date') }) }),
    ended ? el('p', { className: 'resolution', text: ended }) : actions(f, done),
  ]);
}

/** The flagged facts of one request, as a row below it in the register's table. */
export function flagsRow(flags: readonly FactFlagItem[], columns: number, done: () => void) {
  return el('tr', { className: 'flags' }, [
    el('td', { attrs: { colspan: String(columns) } }, [
      el('p', { text: t('admin.flags.list', { n: flags.length }) }),
      el('ul', { className: 'flags' }, [...flags.map((f) => flagItem(f, done))]),
    ]),
  ]);
}
