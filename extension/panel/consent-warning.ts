/**
 * Inserted text follows consent. The panel remembers, per ticket, what the agent inserted and the
 * facts each sentence used (`inserted.ts`), in memory and in the host's session storage, so a panel
 * opened again still knows. Every view of the ticket (opened, reconnected, pushed after a
 * withdrawal, opt-out or erasure) is checked against it; a sentence whose fact was taken away is
 * named in a warning with **Remove from reply**, which asks the page to take exactly those
 * sentences out of the reply box and reports what happened. Candor never sends.
 */
import type { AssistView, Suggestion } from '../../server/protocol/assist.js';
import type { Notice } from '../../server/protocol/events.js';
import { button, el } from '../../browser/dom.js';
import { type Affected, type Insertion, insertion, quoted, takenAway, without } from './inserted.js';
import type { PanelHost } from './host.js';
import { plural, t } from '../shared/i18n.js';

const KEY = 'candorInserted';
type Stored = Record<string, Insertion[]>;

interface Warning {
  affected: Affected[];
  status: string;
  busy: boolean;
}

const keyOf = (a: Affected) => `${a.suggestionId}\n${a.sentence}`;

export function mountConsentWarning(
  box: HTMLElement,
  tabId: () => number | null,
  host: Pick<PanelHost, 'removeFrom' | 'session'>,
) {
  let inserted: Stored = {};
  const warnings = new Map<string, Warning>();
  let current: string | null = null;
  let holdFocus = false;
  const ready = host.session
    .get(KEY)
    .then((stored) => {
      if (stored && typeof stored === 'object') inserted = { ...(stored as Stored), ...inserted };
    })
    .catch(() => undefined);

  const save = () => host.session.set(KEY, inserted).catch(() => undefined);

  function forget(ticketId: string, gone: Affected[]) {
    const left = without(inserted[ticketId] ?? [], gone);
    if (left.length) inserted[ticketId] = left;
    else delete inserted[ticketId];
    void save();
  }

  async function remove(ticketId: string) {
    const w = warnings.get(ticketId);
    const tab = tabId();
    if (!w || w.busy) return;
    if (tab === null) {
      w.status = t('warn_no_tab');
      return paint();
    }
    w.busy = true;
    w.status = t('warn_removing');
    holdFocus = box.contains(document.activeElement); // its buttons are disabled meanwhile
    paint();
    const result = await host.removeFrom(
      tab,
      w.affected.map((a) => a.sentence),
    );
    const removed = new Set(result.removed);
    forget(
      ticketId,
      w.affected.filter((a) => removed.has(a.sentence)),
    );
    w.affected = w.affected.filter((a) => !removed.has(a.sentence));
    const n = result.removed.length;
    const done = n ? [plural('warn_removed', n)] : [];
    const failed = result.left.map((l) => t('warn_not_removed', quoted(l.sentence), t(l.reason)));
    w.status = [...done, ...failed].join(' ') || t('warn_nothing_left');
    w.busy = false;
    paint();
    holdFocus = false;
  }

  function keep(ticketId: string) {
    const w = warnings.get(ticketId);
    if (!w) return;
    forget(ticketId, w.affected);
    warnings.delete(ticketId);
    paint();
  }

  function banner(ticketId: string, w: Warning) {
    if (!w.affected.length)
      return el('p', { className: 'inserted-done', text: w.status, attrs: { role: 'status' } }, [
        ' ',
        button(
          t('warn_ok'),
          () => {
            warnings.delete(ticketId);
            paint();
          },
          'small',
        ),
      ]);
    const reasons = [...new Set(w.affected.flatMap((a) => a.reasons))];
    return el('section', { className: 'inserted-warning', attrs: { role: 'alert', 'aria-labelledby': 'iw-title' } }, [
      el('h2', { attrs: { id: 'iw-title' }, text: t('warn_title') }),
      el('p', { text: t('warn_still_holds', reasons.join('. ')) }),
      el(
        'ul',
        {},
        w.affected.map((a) => el('li', { className: 'inserted-sentence', text: quoted(a.sentence) })),
      ),
      el('div', { className: 'actions' }, [
        button(t('warn_remove'), () => void remove(ticketId), 'primary', w.busy ? { disabled: '' } : {}),
        button(t('warn_keep'), () => keep(ticketId), '', w.busy ? { disabled: '' } : {}),
      ]),
      el('p', { className: 'status', text: w.status }),
    ]);
  }

  /** Re-renders the banner; focus that was in it stays in it (on its first button) rather than falling to the page. */
  function paint() {
    const focused = holdFocus || box.contains(document.activeElement);
    const w = current === null ? undefined : warnings.get(current);
    box.replaceChildren(...(w && current !== null ? [banner(current, w)] : []));
    if (focused) box.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
  }

  return {
    /** After an Insert: the sentences of `text` (markers and all, as the agent inserted it) that use facts. */
    record(view: AssistView, s: Suggestion, text: string, asInserted?: (text: string) => string) {
      const ins = insertion(s.id, text, s.footnotes, view.context.shown, new Date().toISOString(), asInserted);
      if (!ins) return;
      inserted[view.ticketId] = [...(inserted[view.ticketId] ?? []), ins];
      void save();
    },
    /** Every view of the ticket, with the notice that came with a push: warns at once when a fact was taken away. */
    async check(view: AssistView, notice?: Notice) {
      await ready;
      current = view.ticketId;
      const found = takenAway(inserted[view.ticketId] ?? [], view.context, notice);
      const w = warnings.get(view.ticketId);
      const known = new Set(w?.affected.map(keyOf) ?? []);
      const fresh = found.filter((a) => !known.has(keyOf(a)));
      if (fresh.length) {
        warnings.set(view.ticketId, { affected: [...(w?.affected ?? []), ...fresh], status: '', busy: false });
        paint();
      } else if (!w) paint();
    },
    /** The ticket the panel shows now (null: none): only its warning is shown. */
    follow(ticketId: string | null) {
      if (ticketId === current) return;
      current = ticketId;
      paint();
    },
  };
}
