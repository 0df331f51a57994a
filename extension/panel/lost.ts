/**
 * When a recognised helpdesk's adapter did not find a field on a ticket page (its markup changed
 * under the selectors): the sentence the panel shows, the e-mail choices manual mode opens with, and
 * the one report per field and page view that lets the server count the miss.
 *
 * A page that is still rendering lacks things too, so a miss counts only once it has lasted
 * `settleMs` on the same ticket. A report names the adapter and the field, nothing from the page.
 */
import { ADAPTER_NAMES, type AdapterMiss, LOST_FIELD_WORDS, type LostField } from '../../server/protocol/adapters.js';
import type { TicketSnapshot } from '../shared/messages.js';
import { el } from '../../browser/dom.js';

/** Without these Candor cannot tell who the customer is or what they asked: manual mode opens. */
export const needsManual = (s: TicketSnapshot) =>
  s.missing?.some((f) => f === 'requester' || f === 'conversation') ?? false;

const listed = (words: string[]) =>
  words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;

/** "Candor's Help Scout adapter did not find the conversation on this page. …what to do now." */
export function lostSentence(s: TicketSnapshot): string {
  const fields = s.missing ?? [];
  const said = `Candor's ${ADAPTER_NAMES[s.adapter]} adapter did not find ${listed(
    fields.map((f) => LOST_FIELD_WORDS[f]),
  )} on this page.`;
  const then = needsManual(s)
    ? ' Choose the customer’s e-mail in manual mode below (or type it), and paste what they wrote if you like.'
    : ' Insert is off: use Copy and paste the reply yourself.';
  return `${said}${then} Candor has counted this for your team’s admin.`;
}

/** Manual mode's choices: the page's addresses as radio buttons that fill the e-mail field; nothing is looked up. */
export function emailChoices(emails: readonly string[], input: HTMLInputElement): HTMLElement {
  if (!emails.length)
    return el('p', {
      className: 'muted small',
      text: 'No e-mail address is visible on this page: type the customer’s.',
    });
  return el('fieldset', { className: 'email-choices' }, [
    el('legend', { text: 'E-mail addresses on this page: which is the customer’s?' }),
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
