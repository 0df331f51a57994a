/**
 * The card a ticket's privacy requests get: what the customer asked, in words, when it arrived and when it is due,
 * and the next step — a portal link (access, erasure and correction are the customer's own acts there) or, for an
 * opt-out, recording it at once with the ticket as evidence. Closed requests say how they ended.
 */
import type { PrivacyRequest, RequestKind } from '../../server/protocol/requests.js';
import type { Role } from '../../server/protocol/domain.js';
import { type Action, PRINCIPALS, type Principal, permits } from '../../server/permissions/table.js';
import { formatTime } from '../../server/format/time.js';
import { button, el } from '../../browser/dom.js';
import { listed, type MessageKey, plural, t, uiLocale } from '../shared/i18n.js';

/** The panel's own words for what was asked (the server's English ones serve its pages and mails). */
const KIND_KEYS: Record<RequestKind, MessageKey> = {
  access: 'req_kind_access',
  erasure: 'req_kind_erasure',
  rectification: 'req_kind_rectification',
  opt_out: 'req_kind_opt_out',
};

const WHO_KEYS: Record<Exclude<Principal, 'system'>, MessageKey> = {
  agent: 'who_agent',
  lead: 'who_lead',
  admin: 'who_admin',
  privacy: 'who_privacy',
  portal: 'who_portal',
  anyone: 'who_anyone',
};

/** Who may take the step, as the permissions table says, in the agent's language. */
const whoMay = (action: Action) =>
  listed(
    PRINCIPALS.flatMap((p) => (p !== 'system' && permits(p, action) ? [t(WHO_KEYS[p])] : [])),
    'list_or',
  );

const day = (iso: string) => formatTime(iso, 'date', { locale: uiLocale });

export interface RequestActions {
  sendPortalLink(): void;
  recordOptOut(r: PrivacyRequest): void;
  /** The panel's token role, once known: a step the server would refuse it is not offered, and the card says why. */
  role: Role | null;
  /** What happened last (a link sent, an opt-out recorded, or why not). */
  status: string;
}

function nextStep(r: PrivacyRequest, actions: RequestActions) {
  if (r.status !== 'open') {
    const closed = t(r.status === 'fulfilled' ? 'req_fulfilled_on' : 'req_refused_on', day(r.closedAt ?? r.dueAt));
    return el('p', { className: 'muted', text: r.outcome ? t('labelled', closed, r.outcome) : closed });
  }
  const action = r.kind === 'opt_out' ? 'customer.opt_out' : 'portal.link';
  if (actions.role && !permits(actions.role, action))
    return el('p', {
      className: 'muted request-not-yours',
      text: t(r.kind === 'opt_out' ? 'req_optout_needs' : 'req_link_needs', whoMay(action)),
    });
  return r.kind === 'opt_out'
    ? button(t('req_record_optout'), () => actions.recordOptOut(r), 'small', {
        'data-request-id': r.id,
        title: t('req_record_optout_title'),
      })
    : button(t('req_send_link'), () => actions.sendPortalLink(), 'small', {
        'data-request-id': r.id,
        title: t('req_send_link_title'),
      });
}

export function renderRequests(requests: readonly PrivacyRequest[], actions: RequestActions) {
  if (!requests.length) return null;
  return el('section', { className: 'requests', attrs: { 'aria-labelledby': 'requests-title' } }, [
    el('h2', {
      text: plural('req_title', requests.length),
      attrs: { id: 'requests-title' },
    }),
    el(
      'ul',
      {},
      requests.map((r) =>
        el('li', { className: 'request', attrs: { 'data-kind': r.kind, 'data-status': r.status } }, [
          el('p', { className: 'request-asked', text: t(KIND_KEYS[r.kind]) }),
          el('p', {
            className: 'request-dates',
            text: t('req_dates', day(r.receivedAt), day(r.dueAt)),
          }),
          nextStep(r, actions),
        ]),
      ),
    ),
    actions.status && el('p', { className: 'muted', text: actions.status, attrs: { role: 'status' } }),
  ]);
}
