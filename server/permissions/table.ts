/**
 * Who may do what: the one table every REST route, socket event and portal page consults
 * (DESIGN.md, "Authority"). A route names its action; nothing else decides access. A test sends
 * every route and event as every principal and compares the answers with this table, so a route or
 * event added without a line here fails it.
 *
 * A principal is established by its credential before the table is asked: a bearer token on the
 * REST API and the panel socket, the portal session cookie on the portal's pages (a token counts
 * for nothing there, a cookie for nothing on the API).
 *
 * Some actions depend on what is acted on; they have lines of their own, checked in the handler
 * once the target is known: revoking an admin's token, creating one, granting a special category.
 */
import type { ClientToServerEvents } from '../protocol/events.js';

/**
 * Token holders (the privacy officer's among them), a verified customer in the privacy portal, Candor itself (CLI,
 * demo seed), and nobody in particular.
 */
export const PRINCIPALS = ['agent', 'lead', 'admin', 'privacy', 'portal', 'system', 'anyone'] as const;
export type Principal = (typeof PRINCIPALS)[number];

const TOKENS = ['agent', 'lead', 'admin'] as const;
const LEADS = ['lead', 'admin'] as const;

export const PERMISSIONS = {
  /** Pages and assets anyone may load (they hold no customer data), the health check, a portal link's exchange. */
  'public.read': [...PRINCIPALS],
  /** `GET /me`: which role a token has (the privacy officer's too: the breach page signs in with it). */
  'session.read': [...TOKENS, 'privacy'],

  /** Open a ticket (REST or panel): the consent-filtered context and suggestions. */
  'assist.use': TOKENS,
  /** Report what was done with a suggestion shown to this panel. */
  'suggestion.outcome': TOKENS,
  /** "What the AI saw": a model prompt, while the facts in it may still be shown. */
  'model_call.read': TOKENS,
  /** Find a customer by id or e-mail (no facts, no consents). */
  'customer.find': TOKENS,

  'customer.write': ['admin', 'system'],
  'facts.write': ['admin', 'system'],
  'facts.read': ['admin'],
  'consent.read': LEADS,

  /** A grant of ordinary categories, now: the customer in the portal, or relayed from what they said in a ticket. */
  'consent.grant': ['agent', 'admin', 'portal'],
  /** A grant that covers a special category (DESIGN.md rule 4) needs the customer's own act. */
  'consent.grant_special': ['portal'],
  /** Consents given earlier in another system, brought over with their dates; recorded as an import. */
  'consent.import': ['admin', 'system'],
  'consent.withdraw': ['agent', 'admin', 'portal'],
  'customer.opt_out': ['agent', 'admin', 'portal'],
  'customer.opt_in': ['agent', 'admin', 'portal'],
  'fact.erase': ['agent', 'admin', 'portal'],
  'customer.erase': ['admin', 'portal'],
  /** "This is wrong" on a fact, and taking it back: the customer's own act (it opens a rectification request). */
  'fact.flag': ['portal'],

  /** Have a portal link mailed to the customer's address on file (the asker never sees the link). */
  'portal.link': ['agent', 'admin'],
  /** Make a one-click pause link for the customer of an open ticket, to put in a reply. */
  'pause.link': ['agent', 'admin'],
  /** Notes for the customer after a reply: they carry a pause link, so whoever may make one. */
  'notes.compose': ['agent', 'admin'],
  /** Whether customer notes are offered: every panel reads it. */
  'notes.settings_read': TOKENS,
  /** Turn customer notes off, offered, or on by default: the lead decides for the team. */
  'notes.settings_manage': LEADS,
  /**
   * Pause the personalisation of support with a pause link: whoever holds a valid one (it is checked in the
   * handler), since all it can do is stop the use of the customer's data, and its pages say nothing about them.
   */
  'customer.pause': [...PRINCIPALS],
  /** The customer's own pages: what is held, receipts, export, sign-out. */
  'portal.view': ['portal'],
  /** The demo's outbox (mail to reserved example addresses only, and only in the demo). */
  'demo.outbox': [...PRINCIPALS],

  'token.list': ['lead', 'admin', 'system'],
  'token.create': ['lead', 'admin', 'system'],
  'token.create_admin': ['admin', 'system'],
  'token.revoke': ['lead', 'admin', 'system'],
  'token.revoke_admin': ['admin', 'system'],
  'audit.read': ['lead', 'admin', 'system'],
  /**
   * A breach report: which customers' facts a compromised token or actor was shown or sent to a model, and draft
   * notices. The privacy officer's (with the insights; no agent or lead powers), and the admin's.
   */
  'breach.report': ['privacy', 'admin', 'system'],
  'outcomes.read': LEADS,
  'prompts.read': LEADS,
  'prompts.edit': LEADS,
  'recordings.read': LEADS,
  'recordings.manage': LEADS,
  /**
   * A helpdesk adapter missed a field on a page (adapter and field only): whoever uses the panel, since a
   * lead or admin working a ticket meets the same broken page.
   */
  'adapter.report_miss': TOKENS,
  /**
   * The adapters' health across the team. Leads too: it holds no customer data and no agent's name, and
   * the lead is who sees the team's panels stop working and gets the selectors fixed.
   */
  'adapter.health_read': LEADS,
  /**
   * The register of privacy requests found in tickets (kind, ticket, due date, status): leads and admins, who see
   * the deadlines run, and the privacy officer, who answers for them.
   */
  'privacy_requests.read': [...LEADS, 'privacy', 'system'],
  /** Refuse a request, with the reason the customer will be told. Fulfilling one is the customer's own act. */
  'privacy_requests.refuse': [...LEADS, 'privacy', 'system'],
  /**
   * Facts customers flagged as wrong, with their text and value, across customers; and correcting, removing or
   * keeping each. Admin only: reading facts' values and writing facts are the admin's (`facts.read`,
   * `facts.write`). The privacy officer answers for the request but holds no power over facts: they may refuse the
   * whole request above, with its reason.
   */
  'fact_flags.read': ['admin'],
  'fact_flags.resolve': ['admin'],
  /** Aggregated figures with small cells suppressed (no customer, no agent): leads, and the privacy officer. */
  'insights.read': [...LEADS, 'privacy'],

  /**
   * Teach Candor a helpdesk page and submit it for approval: whoever works in the helpdesk may (a lead or admin
   * answers tickets too). A draft reaches nobody's panel but its teacher's until an admin approves it.
   */
  'adapter.teach': TOKENS,
  /** Fetch the approved taught adapters: every panel, so a helpdesk taught once works for the whole team. */
  'adapter.use': TOKENS,
  /** The drafts and versions by site, with what each field selects: leads see what their team taught. */
  'adapter.review': LEADS,
  /**
   * Approve a draft for every panel: admin only, since an adapter decides what a panel reads from a helpdesk page
   * (and so what reaches the server), and one that kept internal notes would send them.
   */
  'adapter.approve': ['admin'],
  /** Roll a site back to an earlier approved version: the same say as approving. */
  'adapter.rollback': ['admin'],

  /**
   * Check one's own reply before sending it, and say what one did with a flag: whoever answers tickets in the panel
   * (a lead or admin working a ticket writes replies too).
   */
  'coach.check': TOKENS,
  /**
   * How often checks flagged and were followed, per agent team and kind: counts with small cells suppressed (no
   * agent), for leads, and the privacy officer as with the insights.
   */
  'coach.read': [...LEADS, 'privacy'],

  /** The help centre's articles (internal ones too): whoever works tickets reads them. */
  'articles.read': TOKENS,
  /** Add, replace, retire or import articles: the lead who owns the help centre, an admin's sync, Candor at start. */
  'articles.write': ['lead', 'admin', 'system'],
  /** How often each article was cited and what agents did with those suggestions: counts only, for leads. */
  'articles.stats': LEADS,
} as const satisfies Record<string, readonly Principal[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function permits(principal: Principal, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Principal[]).includes(principal);
}

const PRINCIPAL_NAMES: Record<Principal, string> = {
  agent: 'an agent token',
  lead: 'a lead token',
  admin: 'an admin token',
  privacy: "a privacy officer's token",
  portal: 'the customer, in the privacy portal',
  system: 'Candor itself',
  anyone: 'anyone',
};

/** Who may, in words, for an error message: "an agent or admin token". */
export function whoMay(action: Action): string {
  const names = (PERMISSIONS[action] as readonly Principal[])
    .filter((p) => p !== 'system')
    .map((p) => PRINCIPAL_NAMES[p]);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** Which action each client-to-server socket event is; the panel registers exactly these events. */
export const PANEL_EVENTS = {
  'ticket:open': 'assist.use',
  'ticket:close': 'assist.use',
  'suggestion:outcome': 'suggestion.outcome',
  'portal:link': 'portal.link',
  'pause:link': 'pause.link',
  'ticket:requests': 'assist.use',
  'request:opt-out': 'customer.opt_out',
  'adapter:miss': 'adapter.report_miss',
  'notes:setting': 'notes.settings_read',
  'reply:notes': 'notes.compose',
  'reply:check': 'coach.check',
  'reply:flag': 'coach.check',
} as const satisfies Record<keyof ClientToServerEvents, Action>;
