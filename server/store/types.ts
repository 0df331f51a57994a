/**
 * What the rest of Candor asks of storage. Only `store/` knows which database answers; the policy,
 * the routes and the socket handlers see these functions and plain objects. Methods are async so a
 * networked database can stand behind the same interface.
 */
import type { Consent, ConsentEvidence, Customer, CustomerFlags, Fact, Role } from '../protocol/domain.js';
import type { ConsentRecord, ConsentState } from '../consent/ledger.js';
import type { AuditDraft, AuditEntry, AuditKind, VerifyResult } from '../audit/chain.js';
import type { AdapterHealth, AdapterMiss } from '../protocol/adapters.js';
import type { FlagKind as CoachFlagKind } from '../protocol/coach.js';
import type { DetectedRequest, PrivacyRequest, RequestKind, DeadlineRule } from '../protocol/requests.js';
import type { TaughtAdapterBody, TaughtDraftView, TaughtVersionView } from '../protocol/taught.js';
import type { Article, ArticleStats } from '../protocol/articles.js';
import type { FactFlagQuery, FactFlagResolution, FactFlagView, Resolution } from '../protocol/fact-flags.js';

/** A fact as stored: erased facts stay as tombstones, without text or value. */
export type StoredFact = Fact & { erased?: boolean };

/** Who recorded a change, through which channel (`api`, `chat`, `portal`, …), and the ticket it was relayed from. */
export interface ChangeMeta {
  actor: string;
  channel: string;
  ticketId?: string | undefined;
}

/**
 * A consent change also records who asserted it: the customer, an agent or admin relaying, an import (naming its
 * system), Candor.
 */
export interface ConsentMeta extends ChangeMeta {
  by: ConsentEvidence['by'];
  system?: string | undefined;
}

export interface CustomerSnapshot {
  customer: Customer;
  flags: CustomerFlags;
  facts: StoredFact[];
  consents: ConsentState[];
  /** When the customer had their data erased; null while it is held. */
  erasedAt: string | null;
}

/** What erasing a customer removed from the store, and what the caller must still clear outside it. */
export interface CustomerErasure {
  erasedAt: string;
  /** Facts whose text and value were removed now (none when the customer was erased before). */
  factIds: string[];
  /** Recording files of the customer's sessions, to delete (the store only knows their ids). */
  recordings: string[];
}

/** A portal link as issued: the nonce is what the signed link carries; it can be spent once. */
export interface PortalLink {
  nonce: string;
  customerId: string;
  expiresAt: string;
}

export interface PortalSession {
  customerId: string;
  /** Sent back with every form, so another site cannot post on the customer's behalf. */
  csrf: string;
  expiresAt: string;
}

export interface ConsentHistoryEntry {
  seq: number;
  kind: ConsentRecord['kind'];
  consentId: string;
  consent: Consent | null;
  at: string;
  actor: string;
  channel: string;
  evidence: ConsentEvidence;
  recordedAt: string;
}

export type FlagKind = 'opted_out' | 'opted_in' | 'gpc';

export interface TokenRecord {
  id: string;
  name: string;
  role: Role;
  /** The agent team it belongs to; null for none ("No team" on the coach's page). */
  team: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** One token's coach counts of one kind over a period, with its team: what the coach's report adds up. */
export interface CoachTokenCounts {
  tokenId: string;
  team: string | null;
  kind: CoachFlagKind;
  checks: number;
  flagged: number;
  followed: number;
  ignored: number;
}

export interface AuditFilter {
  customerId?: string;
  actor?: string;
  kind?: AuditKind;
  since?: string;
  until?: string;
  /** Only entries before this one: the next page of a read newest first. */
  beforeSeq?: number;
  limit?: number;
}

export type RetentionKind = 'audit' | 'recordings' | 'outcomes' | 'portal';
export type RetentionCutoffs = Partial<Record<RetentionKind, string>>;

/** What an agent did with one suggestion (see `SuggestionOutcome`), as kept for the team lead. */
export interface OutcomeRecord {
  seq: number;
  at: string;
  actor: string;
  ticketId: string;
  customerId: string;
  suggestionId: string;
  template: { id: string; version: number };
  engine: 'offline' | 'openai';
  action: 'inserted' | 'copied' | 'edited' | 'dismissed' | 'rated';
  /** For an edit: the text as inserted, PII masked, and how many characters changed. */
  edit: { text: string; distance: number } | null;
  rating: 'up' | 'down' | null;
  /** The agent's reason for a rating, PII masked. */
  reason: string | null;
}

export interface OutcomeFilter {
  templateId?: string;
  since?: string;
  until?: string;
  limit?: number;
}

/**
 * What the insights count, without values or free text: who (an id, only to count distinct customers), which kind,
 * when. Consent records are every one recorded before `until` (a withdrawal or expiry needs the grant before it);
 * the rest fall in [from, until).
 */
export interface InsightEvents {
  consents: { customerId: string; record: ConsentRecord }[];
  /** `byCustomer`: the customer's own act (portal, pause link, GPC), not one relayed for them. */
  flags: { customerId: string; kind: FlagKind; at: string; byCustomer: boolean }[];
  erasures: { customerId: string; at: string }[];
  modelCalls: { customerId: string; at: string }[];
  outcomes: { customerId: string; at: string; action: OutcomeRecord['action']; rating: OutcomeRecord['rating'] }[];
}

/** One published version of a template: immutable once written. */
export interface TemplateVersionRecord {
  templateId: string;
  version: number;
  /** Its path under prompts/ (for export and import), with `/` separators. */
  file: string;
  source: string;
  author: string;
  message: string;
  /** Unified diff from the version before; '' for the first. */
  diff: string;
  rolledBackFrom: number | null;
  createdAt: string;
}

export interface Store {
  customers: {
    upsert(c: Customer, meta: ChangeMeta): Promise<'created' | 'updated'>;
    get(id: string): Promise<Customer | null>;
    /** Whether a customer has this id (erased or not), read without opening their name or e-mail. */
    exists(id: string): Promise<boolean>;
    findByEmail(email: string): Promise<Customer | null>;
    /** Everything the policy needs about one customer, read in one transaction. */
    snapshot(id: string): Promise<CustomerSnapshot | null>;
    recordFlag(id: string, kind: FlagKind, at: string, meta: ChangeMeta): Promise<CustomerFlags>;
    /**
     * Erasure at the customer's request, in one transaction: every fact's text, value and source,
     * the name and e-mail, the texts and ticket ids of suggestion outcomes, the sealed parts of
     * audit entries (prompts, ticket ids), portal links and sessions; consent records stay (they
     * prove what was allowed) without their free text (source, ticket). Null: no such customer.
     */
    erase(id: string, at: string, meta: ChangeMeta): Promise<CustomerErasure | null>;
  };
  /** Which customer each recording file belongs to. */
  recordings: {
    own(recordingId: string, customerId: string): Promise<void>;
    ofCustomer(customerId: string): Promise<string[]>;
    /** The customer a recording holds; null when unknown. */
    owner(recordingId: string): Promise<string | null>;
    /** Whether recordings are sealed: the store encrypts customers' values (the default). */
    readonly sealing: boolean;
    /** A recording's text sealed under its customer's data key. */
    seal(customerId: string, text: string): Promise<string>;
    /** The text again; null once the customer's key is destroyed (they were erased). */
    open(sealed: string): Promise<string | null>;
  };
  portal: {
    /** Keeps an issued link with its `portal.link_created` audit entry. */
    issueLink(link: PortalLink, meta: ChangeMeta): Promise<void>;
    /** Spends a link once: the link's customer the first time; 'used' after; 'unknown' for a nonce never issued. */
    spendLink(nonce: string, at: string): Promise<{ customerId: string } | 'used' | 'unknown'>;
    /** `hash` is the sha256 of the cookie value; writes the `portal.opened` audit entry. */
    openSession(hash: string, session: PortalSession): Promise<void>;
    /** The live session for a cookie hash, or null when unknown or expired at `now`. */
    session(hash: string, now: string): Promise<PortalSession | null>;
    endSession(hash: string): Promise<void>;
  };
  facts: {
    /** Inserts or updates many facts in one transaction; refuses ids that were erased. */
    upsertMany(customerId: string, facts: Fact[], meta: ChangeMeta): Promise<{ created: number; updated: number }>;
    /**
     * Removes text and value (and the sealed audit parts that carried the fact), keeps a tombstone. Null when there is
     * no such fact.
     */
    erase(customerId: string, factId: string, at: string, meta: ChangeMeta): Promise<{ category: string } | null>;
  };
  consents: {
    /** Appends grants, denials or withdrawals, each with its audit entry, in one transaction. */
    append(customerId: string, records: readonly ConsentRecord[], meta: ConsentMeta): Promise<void>;
    history(customerId: string): Promise<ConsentHistoryEntry[]>;
  };
  tokens: {
    create(
      name: string,
      role: Role,
      meta: ChangeMeta,
      team?: string | null,
    ): Promise<{ record: TokenRecord; token: string }>;
    /** The live token record for a presented bearer token, or null. */
    authenticate(token: string): Promise<TokenRecord | null>;
    revoke(id: string, meta: ChangeMeta): Promise<TokenRecord | null>;
    list(): Promise<TokenRecord[]>;
  };
  outcomes: {
    record(o: Omit<OutcomeRecord, 'seq' | 'at'>): Promise<OutcomeRecord>;
    /** Newest first. */
    list(filter: OutcomeFilter): Promise<OutcomeRecord[]>;
  };
  templates: {
    /** The live (highest) version of every template. */
    live(): Promise<TemplateVersionRecord[]>;
    /** Newest first. */
    history(templateId: string): Promise<TemplateVersionRecord[]>;
    get(templateId: string, version: number): Promise<TemplateVersionRecord | null>;
    /**
     * Writes `v.version` (one above the live version) with its `template.published` audit entry in one transaction;
     * null when that number is not next (another publish took it first).
     */
    publish(v: Omit<TemplateVersionRecord, 'createdAt'>): Promise<TemplateVersionRecord | null>;
    /**
     * One more shown suggestion for each `{ id, version }` listed, the audit entries that record
     * those suggestions (and the view they came with), and the article versions they cited, in one
     * transaction: one commit for an opened ticket. Answers the entries' sequence numbers.
     */
    recordShown(
      items: readonly { id: string; version: number }[],
      drafts: AuditDraft[],
      uses?: readonly ArticleUse[],
    ): Promise<number[]>;
    /** How many suggestions each version of a template has put in front of an agent. */
    shown(templateId: string): Promise<{ version: number; shown: number }[]>;
  };
  /** Settings a lead changes at run time (e.g. recording), as JSON values. */
  settings: {
    /** The value, or null when it was never set. */
    get(key: string): Promise<unknown>;
    /** Writes it with its `settings.changed` audit entry in one transaction. */
    set(key: string, value: unknown, meta: ChangeMeta): Promise<void>;
  };
  /** Adapters agents taught (selectors only): drafts, and the versions an admin approved, per site. */
  taught: {
    /** Keeps a draft with its `adapter.submitted` audit entry. */
    submit(d: TaughtAdapterBody, meta: ChangeMeta): Promise<TaughtDraftView>;
    /** Newest first. */
    drafts(): Promise<TaughtDraftView[]>;
    /** By site, newest version first. */
    versions(site?: string): Promise<TaughtVersionView[]>;
    /** Each site's live (highest) version. */
    live(site?: string): Promise<TaughtVersionView[]>;
    /**
     * Makes the draft the site's next version, with its `adapter.approved` audit entry. Refused (naming the field)
     * when internal notes are not left out; 'conflict' when another approval took the number first.
     */
    approve(
      draftId: number,
      meta: ChangeMeta,
    ): Promise<TaughtVersionView | 'unknown' | 'already_approved' | 'conflict' | { refused: string }>;
    /** A new version restoring `version`'s selectors (`adapter.rolled_back`); null when there is no such version. */
    rollback(site: string, version: number, meta: ChangeMeta): Promise<TaughtVersionView | null | 'conflict'>;
  };
  audit: {
    /** Appends in one transaction; answers the new entries' sequence numbers. */
    append(drafts: AuditDraft[]): Promise<number[]>;
    get(seq: number): Promise<AuditEntry | null>;
    list(filter: AuditFilter): Promise<AuditEntry[]>;
    verify(): Promise<VerifyResult>;
  };
  /** Fields helpdesk adapters did not find on ticket pages: adapter, field and counts only. */
  adapterMisses: {
    /** One more miss of `field` by `adapter`, on the server's day of `at` (the server's clock). */
    record(miss: AdapterMiss, at?: Date): Promise<void>;
    /** Per adapter and field ever missed: the last miss, and counts for `now`'s day and the 7 days ending on it. */
    health(now?: Date): Promise<AdapterHealth>;
  };
  insights: {
    /** The events in [from, until) the aggregated figures are counted from (ISO times). */
    events(from: string, until: string): Promise<InsightEvents>;
  };
  /** The reply coach: counts per token, flag kind and server day (UTC), never text. */
  coach: {
    /** One check with its flags counted by kind, and its audit entry, in one transaction. */
    recordCheck(tokenId: string, flagged: Record<CoachFlagKind, number>, audit: AuditDraft, at?: Date): Promise<void>;
    /** A flag the agent applied or ignored. */
    recordOutcome(tokenId: string, kind: CoachFlagKind, action: 'applied' | 'ignored', at?: Date): Promise<void>;
    /**
     * The counts from day `from` (YYYY-MM-DD) on, or all of them when null, summed per token and kind with the
     * token's team: what the report (insights/coach.ts) adds up per team and suppresses. Never answered as is.
     */
    counts(from: string | null): Promise<CoachTokenCounts[]>;
  };
  /** Customers' data keys (store/keys.ts). */
  keys: {
    /** Drops a customer's key from this server's memory: another server erased them and destroyed it. */
    forget(customerId: string): void;
  };
  /** What retention removes (retention/), a batch of at most a few thousand rows a call. */
  retention: {
    /** Takes or renews the one lease on runs until `until`; false while another holder has it (at `now`). */
    lease(holder: string, until: string, now: string): Promise<boolean>;
    release(holder: string): Promise<void>;
    /** How many records of each kind in rows alone are older than its cutoff (ISO time; absent: kept forever). */
    due(cutoffs: RetentionCutoffs): Promise<Record<Exclude<RetentionKind, 'recordings'>, number>>;
    /**
     * Chains an `audit.checkpoint` for the entries older than `before` (unless the newest checkpoint covers them
     * already); answers the seq through which entries are to go, null when none are due.
     */
    checkpointAudit(before: string): Promise<number | null>;
    /** Deletes the oldest entries up to `throughSeq`, one batch; answers how many. */
    deleteAudit(throughSeq: number): Promise<number>;
    deleteOutcomes(before: string): Promise<number>;
    /** Portal links and sessions that expired before `before`. */
    deletePortal(before: string): Promise<number>;
    /** Recordings made before `before`, by id after `after` (a page). */
    recordingsBefore(before: string, after: string): Promise<string[]>;
    forgetRecordings(ids: readonly string[]): Promise<number>;
    /** Where the audit log (and whether retention pruned it) and the outcomes start; null when empty. */
    oldest(): Promise<{ audit: { at: string; pruned: boolean } | null; outcomes: string | null }>;
  };
  /** Help-centre articles, shared by every server on the store, with a full-text index in each database's own way. */
  articles: {
    /** Adds or replaces articles (one `article.updated` audit entry each), in one transaction; answers what changed. */
    upsert(articles: readonly Article[], meta: ChangeMeta): Promise<{ created: string[]; updated: string[] }>;
    /** Retires articles (`article.retired`); answers the ids that existed. */
    retire(ids: readonly string[], meta: ChangeMeta): Promise<string[]>;
    get(id: string): Promise<Article | null>;
    /** Every article, by id. */
    list(): Promise<Article[]>;
    /**
     * The articles matching any term of any part, best first: each part's full-text rank (BM25 on SQLite,
     * `ts_rank` on PostgreSQL) times its weight, summed. Terms are words (letters and digits); each article is
     * matched in its own language's configuration.
     */
    search(query: ArticleQuery): Promise<{ article: Article; score: number }[]>;
    /** Which article version each shown suggestion cited (ids only). */
    recordUses(uses: readonly ArticleUse[]): Promise<void>;
    /** Per article ever cited: how often, at which versions, and what agents did with those suggestions. */
    stats(): Promise<ArticleStats>;
  };
  /** The register of privacy requests found in tickets, tracked to their deadline. */
  requests: {
    /**
     * Registers a request found in a ticket, with its audit entry; null when the ticket's request of that kind is
     * registered already (a ticket is opened many times).
     */
    receive(r: NewPrivacyRequest, meta: ChangeMeta): Promise<PrivacyRequest | null>;
    ofTicket(ticketId: string): Promise<PrivacyRequest[]>;
    get(id: string): Promise<PrivacyRequest | null>;
    /** By due date, soonest first; `overdue`: only open ones due before `now` (or, false, none of those). */
    list(f: {
      status?: PrivacyRequest['status'] | undefined;
      overdue?: boolean | undefined;
      now: string;
    }): Promise<PrivacyRequest[]>;
    /**
     * The customer did what their open requests of these kinds asked, in the portal: each is closed as fulfilled,
     * audited. An erasure also drops the ticket ids the register held for them.
     */
    fulfil(
      customerId: string,
      kinds: readonly RequestKind[],
      how: string,
      at: string,
      meta: ChangeMeta,
    ): Promise<PrivacyRequest[]>;
    /** Closes an open request as refused, with the reason; 'closed' when it is no longer open, null when unknown. */
    refuse(id: string, reason: string, at: string, meta: ChangeMeta): Promise<PrivacyRequest | 'closed' | null>;
  };
  /** Facts the customer flagged as wrong in the portal, each joined to a rectification request. */
  factFlags: {
    /**
     * Flags one of the customer's live facts, audited, and opens a rectification request for it or joins the
     * customer's open one (from a ticket or an earlier flag), so it is counted once. Refused, with no change, for a
     * fact the customer does not have, one flagged already, or past `limit` flags in the last day.
     */
    raise(
      customerId: string,
      factId: string,
      note: FlagNote | null,
      request: Pick<NewPrivacyRequest, 'lang' | 'receivedAt' | 'dueAt' | 'rule'>,
      limit: number,
      meta: ChangeMeta,
    ): Promise<FactFlag | 'no_fact' | 'flagged_already' | 'too_many'>;
    /** The customer takes an open flag back, audited; null when the fact has none. */
    withdraw(customerId: string, factId: string, at: string, meta: ChangeMeta): Promise<FactFlag | null>;
    /** The customer's open flags (neither withdrawn nor closed), with their notes opened. */
    open(customerId: string): Promise<FactFlag[]>;
    /**
     * An admin resolves an open flag, in one transaction with its audit entries: corrects the fact, erases it (the
     * one erasure of a fact), or keeps it with a reason for the customer. The flag closes; once its request has no
     * open flag left, a request opened by flags alone (or any, with `closeRequest`) is fulfilled, or refused when
     * every flag was kept. 'closed' for a flag withdrawn or resolved before, 'fact_erased' to correct an erased fact.
     */
    resolve(
      customerId: string,
      flagId: string,
      resolution: FactFlagResolution,
      at: string,
      meta: ChangeMeta,
    ): Promise<FlagResolved | 'not_found' | 'closed' | 'fact_erased'>;
    /** Flags across customers for an admin, oldest first: the customer's name, the fact now, the note opened. */
    list(f: FactFlagQuery): Promise<FactFlagView[]>;
    /** One flag by id, withdrawn ones too (so resolving one is answered as a conflict, not as unknown). */
    find(flagId: string): Promise<FactFlagView | null>;
    /** The customer's flags an admin resolved, latest first, for the portal to say what became of each. */
    recent(customerId: string): Promise<ResolvedFlag[]>;
  };
  /** Resolves once every pending write is done and the connection is closed. */
  close(): Promise<void>;
}

/** What the customer says is wrong about a fact, and what it should say; either may be empty. */
export interface FlagNote {
  wrong: string;
  shouldSay: string;
}

/** What resolving a flag changed: the request as it stands after, and the category of a fact it erased. */
export interface FlagResolved {
  flagId: string;
  factId: string;
  resolution: Resolution;
  request: PrivacyRequest;
  erased: { category: string } | null;
}

/** A flag as the customer's portal shows its end: which fact, and how it was resolved (with why, when kept). */
export interface ResolvedFlag {
  id: string;
  factId: string;
  category: string;
  resolution: Resolution;
  reason: string | null;
  flaggedAt: string;
  closedAt: string;
}

export interface FactFlag {
  id: string;
  factId: string;
  requestId: string;
  flaggedAt: string;
  note: FlagNote | null;
}

/** A search over the articles: weighted parts (the latest customer message weighing most), and how many to answer. */
export interface ArticleQuery {
  parts: readonly { terms: readonly string[]; weight: number }[];
  limit: number;
}

/** A shown suggestion cited this version of an article (ids only). */
export interface ArticleUse {
  articleId: string;
  updated: string;
  suggestionId: string;
}

export interface NewPrivacyRequest extends Pick<DetectedRequest, 'kind' | 'lang'> {
  /** Null for a request made in the portal (a fact flagged as wrong). */
  ticketId: string | null;
  customerId: string;
  receivedAt: string;
  dueAt: string;
  rule: DeadlineRule;
}
