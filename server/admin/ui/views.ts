/** What the template page shows, built from the API's answers. Text only ever as text nodes. */
import { el, button } from '../../../browser/dom.js';
import type { Difference, PreviewTurn, Problem, TemplateVersion, VersionOutcomes, Violation } from './api.js';
import { t, when } from './words.js';

export function problemItems(problems: Problem[]): HTMLElement[] {
  if (problems.length === 0) return [el('li', { className: 'clean', text: t('admin.prompts.noProblems') })];
  return problems.map((p) => el('li', { text: t('admin.prompts.problemAt', { line: p.line, message: p.message }) }));
}

export function previewTurns(turns: PreviewTurn[]): HTMLElement[] {
  if (turns.length === 0) return [el('p', { className: 'muted', text: t('admin.prompts.noTurn') })];
  return turns.map((tn) =>
    el('div', { className: 'turn', attrs: { 'data-turn': String(tn.turn) } }, [
      el('p', { className: 'customer', text: t('admin.prompts.turn', { turn: tn.turn, text: tn.customerText }) }),
      el('p', {
        className: 'small muted',
        text: t('admin.prompts.shown', { n: tn.shown.length, withheld: tn.withheld.reduce((n, w) => n + w.count, 0) }),
      }),
      ...tn.suggestions.flatMap((s) => [
        el('p', { className: 'suggestion', text: s.text }),
        ...s.footnotes.map((f) => el('p', { className: 'footnote', text: `[${f.marker}] ${f.explanation}` })),
      ]),
      tn.suggestions.length === 0 ? el('p', { className: 'muted', text: t('admin.prompts.noSuggestion') }) : null,
      tn.modelPrompt
        ? el('details', {}, [
            el('summary', { text: t('admin.prompts.modelPrompt') }),
            el('pre', { className: 'prompt', text: `${tn.modelPrompt.system}\n\n---\n\n${tn.modelPrompt.user}` }),
          ])
        : null,
    ]),
  );
}

export function blocked(violations: Violation[]): HTMLElement {
  return el('div', { className: 'blocked', attrs: { role: 'alert' } }, [
    el('p', { text: t('admin.prompts.blocked', { n: violations.length }) }),
    el(
      'ul',
      {},
      violations.map((v) =>
        el('li', {
          text:
            v.turn === null
              ? t('admin.prompts.violationFile', {
                  session: v.sessionId,
                  file: v.file,
                  code: v.code,
                  message: v.message,
                })
              : t('admin.prompts.violationTurn', {
                  session: v.sessionId,
                  file: v.file,
                  turn: v.turn,
                  code: v.code,
                  message: v.message,
                }),
        }),
      ),
    ),
  ]);
}

export function differences(diffs: Difference[], accept: () => void): HTMLElement {
  const rows = diffs.map((d) =>
    el('tr', {}, [
      el('td', {
        text: t('admin.prompts.diffTurn', { session: d.title || d.sessionId, turn: d.turn, text: d.customerText }),
      }),
      el('td', { text: d.live.join('\n\n') || t('admin.prompts.none') }),
      el('td', { text: d.draft.join('\n\n') || t('admin.prompts.none') }),
    ]),
  );
  return el('div', { className: 'differences' }, [
    el('p', { text: t('admin.prompts.differences', { n: diffs.length }) }),
    el('table', { className: 'side-by-side' }, [
      el('thead', {}, [
        el('tr', {}, [
          el('th', { text: t('admin.prompts.sessionTurn') }),
          el('th', { text: t('admin.prompts.liveOld') }),
          el('th', { text: t('admin.prompts.draftNew') }),
        ]),
      ]),
      el('tbody', {}, rows),
    ]),
    button(t('admin.prompts.accept'), accept, 'primary'),
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
    [
      t('admin.prompts.version'),
      t('admin.prompts.when'),
      t('admin.prompts.who'),
      t('admin.prompts.messageColumn'),
      t('admin.prompts.change'),
      '',
    ].map((h) => el('th', { text: h })),
  );
  return [
    el('thead', {}, [head]),
    el(
      'tbody',
      {},
      versions.map((v) =>
        el('tr', { attrs: { 'data-version': String(v.version) } }, [
          el('td', {
            text: v.version === liveVersion ? t('admin.prompts.live', { version: v.version }) : String(v.version),
          }),
          el('td', { text: when(v.createdAt) }),
          el('td', { text: v.authorName, attrs: { title: v.author } }),
          el('td', {
            text: v.rolledBackFrom
              ? t('admin.prompts.restores', { message: v.message, version: v.rolledBackFrom })
              : v.message,
          }),
          el('td', {}, [
            v.diff
              ? el('details', {}, [
                  el('summary', { text: t('admin.prompts.diff') }),
                  el('pre', { className: 'diff', text: v.diff }),
                ])
              : el('span', { className: 'muted', text: '—' }),
          ]),
          el('td', {}, [
            v.version === liveVersion
              ? null
              : button(t('admin.prompts.rollBack', { version: v.version }), () => rollback(v.version)),
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
    [
      t('admin.prompts.version'),
      t('admin.outcomes.shown'),
      t('admin.outcomes.inserted'),
      t('admin.outcomes.edited'),
      t('admin.outcomes.copied'),
      t('admin.outcomes.dismissed'),
      '👍',
      '👎',
      t('admin.outcomes.reasons'),
    ].map((h) => el('th', { text: h })),
  );
  const body = rows.length
    ? rows.map((r) =>
        el('tr', { attrs: { 'data-version': String(r.version) } }, [
          el('td', { text: String(r.version) }),
          el('td', { text: String(r.shown) }),
          el('td', { text: String(r.inserted) }),
          el('td', {
            text: r.edited
              ? t('admin.outcomes.editSize', { edited: r.edited, size: Math.round(r.editSize ?? 0) })
              : '0',
          }),
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
            text: t('admin.outcomes.none'),
            attrs: { colspan: '9' },
          }),
        ]),
      ];
  return [el('thead', {}, [head]), el('tbody', {}, body)];
}
