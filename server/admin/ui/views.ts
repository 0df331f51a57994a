/** What the template page shows, built from the API's answers. Text only ever as text nodes. */
import { el, button } from '../../../browser/dom.js';
import { formatTime } from '../../format/time.js';
import { countOf } from '../../format/words.js';
import type { Difference, PreviewTurn, Problem, TemplateVersion, VersionOutcomes, Violation } from './api.js';

/** A time in the lead's own locale and time zone, through the one formatting module. */
export const when = (iso: string) => formatTime(iso, 'dateTime');

const FACTS = { one: 'fact', other: 'facts' };

export function problemItems(problems: Problem[]): HTMLElement[] {
  if (problems.length === 0) return [el('li', { className: 'clean', text: 'No problems found.' })];
  return problems.map((p) => el('li', { text: `line ${p.line}: ${p.message}` }));
}

export function previewTurns(turns: PreviewTurn[]): HTMLElement[] {
  if (turns.length === 0) return [el('p', { className: 'muted', text: 'This session has no customer turn.' })];
  return turns.map((t) =>
    el('div', { className: 'turn', attrs: { 'data-turn': String(t.turn) } }, [
      el('p', { className: 'customer', text: `Turn ${t.turn}, the customer: “${t.customerText}”` }),
      el('p', {
        className: 'small muted',
        text: `${countOf(t.shown.length, FACTS)} shown, ${t.withheld.reduce((n, w) => n + w.count, 0)} withheld`,
      }),
      ...t.suggestions.flatMap((s) => [
        el('p', { className: 'suggestion', text: s.text }),
        ...s.footnotes.map((f) => el('p', { className: 'footnote', text: `[${f.marker}] ${f.explanation}` })),
      ]),
      t.suggestions.length === 0 ? el('p', { className: 'muted', text: 'No suggestion for this turn.' }) : null,
      t.modelPrompt
        ? el('details', {}, [
            el('summary', { text: 'The prompt as the model would get it (masked)' }),
            el('pre', { className: 'prompt', text: `${t.modelPrompt.system}\n\n---\n\n${t.modelPrompt.user}` }),
          ])
        : null,
    ]),
  );
}

export function blocked(violations: Violation[]): HTMLElement {
  return el('div', { className: 'blocked', attrs: { role: 'alert' } }, [
    el('p', {
      text:
        `Not published: the draft breaks the rules in ` +
        `${countOf(violations.length, { one: 'place', other: 'places' })}.`,
    }),
    el(
      'ul',
      {},
      violations.map((v) =>
        el('li', {
          text:
            `${v.sessionId} (${v.file}), ${v.turn === null ? 'the file' : `turn ${v.turn}`}: ` +
            `${v.code}: ${v.message}`,
        }),
      ),
    ),
  ]);
}

export function differences(diffs: Difference[], accept: () => void): HTMLElement {
  const rows = diffs.map((d) =>
    el('tr', {}, [
      el('td', { text: `${d.title || d.sessionId}, turn ${d.turn}: “${d.customerText}”` }),
      el('td', { text: d.live.join('\n\n') || '(none)' }),
      el('td', { text: d.draft.join('\n\n') || '(none)' }),
    ]),
  );
  return el('div', { className: 'differences' }, [
    el('p', {
      text:
        `No rule is broken, but the suggestions change in ` +
        `${countOf(diffs.length, { one: 'turn', other: 'turns' })}. Check them before you publish.`,
    }),
    el('table', { className: 'side-by-side' }, [
      el('thead', {}, [
        el('tr', {}, [
          el('th', { text: 'Session and turn' }),
          el('th', { text: 'Live version (no longer suggested)' }),
          el('th', { text: 'Your draft (new)' }),
        ]),
      ]),
      el('tbody', {}, rows),
    ]),
    button('Accept these differences and publish', accept, 'primary'),
  ]);
}

export function versionRows(
  versions: TemplateVersion[],
  liveVersion: number,
  rollback: (v: number) => void,
): HTMLElement[] {
  const head = el(
    'tr',
    {},
    ['Version', 'When', 'Who', 'Message', 'Change', ''].map((h) => el('th', { text: h })),
  );
  return [
    el('thead', {}, [head]),
    el(
      'tbody',
      {},
      versions.map((v) =>
        el('tr', { attrs: { 'data-version': String(v.version) } }, [
          el('td', { text: `${v.version}${v.version === liveVersion ? ' (live)' : ''}` }),
          el('td', { text: when(v.createdAt) }),
          el('td', { text: v.authorName, attrs: { title: v.author } }),
          el('td', { text: v.rolledBackFrom ? `${v.message} (restores version ${v.rolledBackFrom})` : v.message }),
          el('td', {}, [
            v.diff
              ? el('details', {}, [el('summary', { text: 'diff' }), el('pre', { className: 'diff', text: v.diff })])
              : el('span', { className: 'muted', text: '—' }),
          ]),
          el('td', {}, [
            v.version === liveVersion ? null : button(`Roll back to version ${v.version}`, () => rollback(v.version)),
          ]),
        ]),
      ),
    ),
  ];
}

export function outcomeRows(rows: VersionOutcomes[]): HTMLElement[] {
  const head = el(
    'tr',
    {},
    ['Version', 'Shown', 'Inserted as-is', 'Edited (mean edit size)', 'Copied', 'Dismissed', '👍', '👎', 'Reasons'].map(
      (h) => el('th', { text: h }),
    ),
  );
  const body = rows.length
    ? rows.map((r) =>
        el('tr', { attrs: { 'data-version': String(r.version) } }, [
          el('td', { text: String(r.version) }),
          el('td', { text: String(r.shown) }),
          el('td', { text: String(r.inserted) }),
          el('td', { text: r.edited ? `${r.edited} (${Math.round(r.editSize ?? 0)} chars)` : '0' }),
          el('td', { text: String(r.copied) }),
          el('td', { text: String(r.dismissed) }),
          el('td', { text: String(r.up) }),
          el('td', { text: String(r.down) }),
          el('td', { text: r.reasons.join('; ') }),
        ]),
      )
    : [
        el('tr', {}, [
          el('td', {
            text: 'No suggestion from this template has been shown to an agent yet.',
            attrs: { colspan: '9' },
          }),
        ]),
      ];
  return [el('thead', {}, [head]), el('tbody', {}, body)];
}
