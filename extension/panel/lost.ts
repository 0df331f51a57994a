/**
 * When a recognised helpdesk's adapter did not find a field on a ticket page (its markup changed
 * under the selectors): the sentence the panel shows, the e-mail choices manual mode opens with, and
 * the one report per field and page view that lets the server count the miss.
 *
 * A page that is still rendering lacks things too, so a miss counts only once it has lasted
 * `settleMs` on the same ticket. A report names the adapter and the field, nothing from the page.
 */
import { ADAPTER_NAMES, type AdapterId, type AdapterMiss, type LostField } from '../../server/protocol/adapters.js';
import type { TicketSnapshot } from '../shared/messages.js';
import { el } from '../../browser/dom.js';
import { listed, type MessageKey, t } from '../shared/i18n.js';

const FIELD_KEYS: Record<LostField, MessageKey> = {
  requester: 'lost_field_requester',
  conversation: 'lost_field_conversation',
  replyBox: 'lost_field_reply_box',
};

/** Adapters keep their names, as Options lists them; only the one named in words is said in the agent's. */
const adapterName = (id: AdapterId) => (id === 'taught' ? t('lost_adapter_taught') : ADAPTER_NAMES[id]);

/** Without these Candor cannot tell who the customer is or what they asked: manual mode opens. */
export const needsManual = (s: TicketSnapshot) =>
  s.missing?.some((f) => f === 'requester' || f === 'conversation') ?? false;

/** "Candor's Help Scout adapter did not find the conversation on this page. …what to do now." */
export function lostSentence(s: TicketSnapshot): string {
  const fields = s.missing ?? [];
  const said = t(
    'lost_not_found',
    adapterName(s.adapter),
    listed(
      fields.map((f) => t(FIELD_KEYS[f])),
      'list_or',
    ),
  );
  return [said, t(needsManual(s) ? 'lost_then_manual' : 'lost_then_copy'), t('lost_counted')].join(' ');
}

/** Manual mode's choices: the page's addresses as radio buttons that fill the e-mail field; nothing is looked up. */
export function emailChoices(emails: readonly string[], input: HTMLInputElement): HTMLElement {
  if (!emails.length)
    return el('p', {
      className: 'muted small',
      text: t('lost_no_email'),
    });
  return el('fieldset', { className: 'email-choices' }, [
    el('legend', { text: t('lost_which_email') }),
    ...emails.map((email, i) =>
      el('label', {}, [
        el('input', {
          attrs: { type: 'radio', name: 'page-email', value: email, id: `page-email-${i}` },
          on: {
            change: () => {
              input.value = email;
            },
          },
        }),
        ` ${email}`,
      ]),
    ),
  ]);
}

export interface LostWatch {
  /** Each reading of the page (null: no ticket). */
  see(snapshot: TicketSnapshot | null): void;
  /** The reading whose misses have lasted: what the panel says and reports. */
  confirmed(): TicketSnapshot | null;
  /** A page load in the tab: a new view, whose misses are reported again. */
  newPage(): void;
  /** Sends what could not be reported yet (the socket was down). */
  flush(): void;
}

export function watchLost(opts: {
  settleMs: number;
  report(miss: AdapterMiss): Promise<unknown>;
  /** The confirmed reading changed (became lost, or found again). */
  changed(): void;
}): LostWatch {
  const reported = new Set<string>();
  let pending: { key: string; snapshot: TicketSnapshot; timer: ReturnType<typeof setTimeout> } | null = null;
  let confirmed: { key: string; snapshot: TicketSnapshot } | null = null;
  const keyOf = (s: TicketSnapshot) => `${s.adapter}\u0000${s.ticketId}\u0000${(s.missing ?? []).join(',')}`;

  const flush = () => {
    if (!confirmed) return;
    const { adapter, ticketId, missing } = confirmed.snapshot;
    for (const field of missing ?? []) {
      const once = `${adapter}\u0000${ticketId}\u0000${field}`;
      if (reported.has(once)) continue;
      reported.add(once);
      opts.report({ adapter, field: field as LostField }).catch(() => reported.delete(once)); // tried again on connect
    }
  };

  return {
    see(snapshot) {
      const key = snapshot?.missing?.length ? keyOf(snapshot) : null;
      // The same misses on the same ticket: keep the latest reading (its e-mails), keep the clock running.
      const same = key && (confirmed?.key === key ? confirmed : pending?.key === key ? pending : null);
      if (same) {
        same.snapshot = snapshot!;
        return;
      }
      if (pending) clearTimeout(pending.timer);
      pending = null;
      const was = confirmed;
      confirmed = null;
      if (was) opts.changed();
      if (!key) return;
      const timer = setTimeout(() => {
        confirmed = { key, snapshot: pending!.snapshot };
        pending = null;
        opts.changed();
        flush();
      }, opts.settleMs);
      pending = { key, snapshot: snapshot!, timer };
    },
    confirmed: () => confirmed?.snapshot ?? null,
    newPage() {
      reported.clear();
      if (pending) clearTimeout(pending.timer);
      pending = null;
      confirmed = null;
    },
    flush,
  };
}
