/**
 * A breach answered from the audit log: which customers' facts a compromised token or actor was shown or sent to a
 * model in a window, the 72 hours the GDPR gives for notifying the supervisory authority (counted from the report,
 * at the server's clock), and a draft notice per customer. The report is itself audited, with counts only.
 */
import type { Store, TokenRecord } from '../store/types.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { Phrasing } from '../templates/phrasing.js';
import type { BreachBody, BreachReport } from '../protocol/breach.js';
import { AppError } from '../errors.js';
import { timeLeft } from '../format/deadline.js';
import { exposureOf } from './exposure.js';
import { draftNotices } from './notices.js';

export interface BreachDeps {
  store: Store;
  taxonomy: Taxonomy;
  phrasing: Phrasing;
  controllerName: string;
  now?: () => number;
}

const NOTIFY_WITHIN_MS = 72 * 3600_000;

const invalid = (field: string, message: string) => new AppError('invalid_input', `${field}: ${message}`, 400, [field]);

/** The principal as the log names it; a token is found whether or not it was revoked. */
async function subjectOf(store: Store, body: BreachBody): Promise<BreachReport['subject']> {
  const tokens = await store.tokens.list();
  const describe = (actor: string, t: TokenRecord | undefined) => ({
    actor,
    tokenId: t?.id ?? null,
    name: t?.name ?? null,
    revokedAt: t?.revokedAt ?? null,
  });
  if (body.actor !== undefined)
    return describe(
      body.actor,
      tokens.find((t) => body.actor === `${t.role}:${t.id}`),
    );
  const token = tokens.find((t) => t.id === body.tokenId);
  if (!token) throw new AppError('token_not_found', `tokenId: no token with id "${body.tokenId}"`, 404, ['tokenId']);
  return describe(`${token.role}:${token.id}`, token);
}

/** The window, checked against the server's clock: nothing after now, and from before until. */
function windowOf(body: BreachBody, now: number): BreachReport['window'] {
  const until = body.until ?? new Date(now).toISOString();
  if (Date.parse(until) > now) throw invalid('until', 'lies in the future (by the server clock); leave it out for now');
  if (Date.parse(body.from) > now) throw invalid('from', 'lies in the future (by the server clock)');
  if (body.from >= until) throw invalid('from', 'must be before until');
  return { from: body.from, until };
}

export async function reportBreach(deps: BreachDeps, body: BreachBody, reportedBy: string): Promise<BreachReport> {
  const now = deps.now?.() ?? Date.now();
  const window = windowOf(body, now);
  const subject = await subjectOf(deps.store, body);
  const customers = await exposureOf(deps.store, deps.taxonomy, { actor: subject.actor, ...window });
  const { audit } = await deps.store.retention.oldest();
  const logStartsAt = audit?.pruned ? audit.at : null;
  const drafts = draftNotices(deps.phrasing, deps.controllerName, customers, window);
  const detectedAt = new Date(now).toISOString();
  const deadline = new Date(now + NOTIFY_WITHIN_MS).toISOString();
  const [auditSeq] = await deps.store.audit.append([
    {
      kind: 'breach.reported',
      actor: reportedBy,
      customerId: null,
      payload: {
        subject: subject.actor,
        ...window,
        detectedAt,
        deadline,
        customers: customers.length,
        erasedCustomers: customers.filter((c) => c.erased).length,
        facts: customers.reduce((n, c) => n + c.facts, 0),
        notices: drafts.notices.length,
        logStartsAt,
      },
    },
  ]);
  return {
    subject,
    window,
    detectedAt,
    deadline,
    timeLeft: timeLeft(deadline, now),
    customers,
    ...drafts,
    logStartsAt,
    auditSeq: auditSeq!,
  };
}
