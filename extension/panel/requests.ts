/**
 * The card a ticket's privacy requests get: what the customer asked, in words, when it arrived and when it is due,
 * and the next step — a portal link (access, erasure and correction are the customer's own acts there) or, for an
 * opt-out, recording it at once with the ticket as evidence. Closed requests say how they ended.
 */
import type { PrivacyRequest } from '../../server/protocol/requests.js';
import type { Role } from '../../server/protocol/domain.js';
import { permits, whoMay } from '../../server/permissions/table.js';
import { KIND_WORDS, STATUS_WORDS } from '../../server/format/requests.js';
import { formatTime } from '../../server/format/time.js';
import { button, el } from '../../browser/dom.js';

export interface RequestActions {
  sendPortalLink(): void;
  recordOptOut(r: PrivacyRequest): void;
  /** The panel's token role, once known: a step the server would refuse it is not offered, and the card says why. */
  role: Role | null;
  /** What happened last (a link sent, an opt-out recorded, or why not). */
  status: string;
}

function nextStep(r: PrivacyRequest, actions: RequestActions) {
  if (r.status !== 'open')
    return el('p', {
      className: 'muted',
      text: `${STATUS_WORDS[r.status]} on ${formatTime(r.closedAt ?? r.dueAt, 'date')}${r.outcome ? `: ${r.outcome}` : ''}`,
    });
  const action = r.kind === 'opt_out' ? 'customer.opt_out' : 'portal.link';
  if (actions.role && !permits(actions.role, action))
    return el('p', {
      className: 'muted request-not-yours',
      text: `${r.kind === 'opt_out' ? 'Recording the opt-out' : 'Sending a portal link'} needs ${whoMay(action)}.`,
    });
  return r.kind === 'opt_out'
    ? button('Record the opt-out', () => actions.recordOptOut(r), 'small', {
        'data-request-id': r.id,
        title: 'Candor records the opt-out now, with this ticket as the evidence the customer asked for it',
      })
    : button('Send a portal link', () => actions.sendPortalLink(), 'small', {
        'data-request-id': r.id,
        title: 'Candor mails the customer a link to their privacy page, where they do this themselves',
      });
}

export function renderRequests(requests: readonly PrivacyRequest[], actions: RequestActions) {
  if (!requests.length) return null;
  return el('section', { className: 'requests', attrs: { 'aria-labelledby': 'requests-title' } }, [
    el('h2', {
      text: requests.length === 1 ? 'Privacy request' : 'Privacy requests',
      attrs: { id: 'requests-title' },
    }),
    el(
      'ul',
      {},
      requests.map((r) =>
        el('li', { className: 'request', attrs: { 'data-kind': r.kind, 'data-status': r.status } }, [
          el('p', { className: 'request-asked', text: KIND_WORDS[r.kind].card }),
          el('p', {
            className: 'request-dates',
            text: `Arrived ${formatTime(r.receivedAt, 'date')} · due ${formatTime(r.dueAt, 'date')}`,
          }),
          nextStep(r, actions),
        ]),
      ),
    ),
    actions.status && el('p', { className: 'muted', text: actions.status, attrs: { role: 'status' } }),
  ]);
}
