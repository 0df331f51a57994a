/**
 * The customer's privacy portal at `/portal`. A customer asks for a link with their address (or an
 * agent asks on their behalf); it is mailed to the address on file. The signed link
 * (`/portal/l/<token>`) is exchanged once for a session cookie and a redirect, so the token leaves
 * the address bar and the history. The session names the customer: no route takes a customer id,
 * and bearer tokens count for nothing here. Every change goes through `privacy/changes.ts`, the
 * same path as the REST API, so open side panels get it within the same push.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { ROOT } from '../config.js';
import express, { type NextFunction, type Request, type Response } from 'express';
import { parse as parseCookies, serialize } from 'cookie';
import type { z } from 'zod';
import { CsrfForm, EraseForm, FactFlagForm, LinkRequestForm } from '../protocol/portal.js';
import { Id } from '../protocol/domain.js';
import type { AssistSettings } from '../assist/assist.js';
import type { PortalSession, Store } from '../store/types.js';
import {
  eraseCustomer,
  grantConsent,
  recordFlag,
  withdrawConsent,
  type ChangeDeps,
  type Changer,
} from '../privacy/changes.js';
import { AppError, parseInput } from '../errors.js';
import { allow } from '../web/auth.js';
import { refuseWhileBlocked } from '../web/limits.js';
import type { AttemptLimit } from '../permissions/attempts.js';
import type { Logger } from '../log.js';
import { checkLink } from './links.js';
import { holdings } from './holdings.js';
import { consentReceipts, type Controller } from './receipts.js';
import { recipientsFor, type Recipient } from './recipients.js';
import { recordedBy } from './authority.js';
import type { Key } from '../i18n/catalogue.js';
import { wordsOf, type Words } from '../i18n/translate.js';
import { erasePage, messagePage, portalPage, sentPage, startPage, usedLinkPage } from './pages.js';
import { exportFor } from './export.js';
import { requestPortalLink, type LinkDeps } from './issue.js';
import { pauseRoutes } from './pause.js';
import { fulfilledBy } from '../requests/register.js';
import { dueAt } from '../requests/deadline.js';
import { categoryName } from '../taxonomy/taxonomy.js';
import { ruleOf } from '../protocol/requests.js';

const COOKIE = 'candor_portal';
const PUBLIC_DIR = path.join(ROOT, 'server/portal/public');
const CUSTOMER: Changer = { principal: 'portal', actor: 'customer', channel: 'portal' };

export interface PortalDeps {
  store: Store;
  settings: AssistSettings;
  changes: ChangeDeps;
  links: LinkDeps;
  secret: string;
  sessionMinutes: number;
  controller: Controller;
  /** Who customers' data goes to: the register, with the model provider when a model is used. */
  recipients: readonly Recipient[];
  /** Failed link exchanges count against the client's address, like wrong tokens. */
  failures: AttemptLimit;
  /** How many links one address (client or e-mail) may ask for in a quarter of an hour. */
  requests: AttemptLimit;
  log: Logger;
  now?: () => number;
}

declare module 'express-serve-static-core' {
  interface Request {
    portal?: PortalSession & { hash: string };
  }
}

const FLASH: Record<string, Key> = {
  withdrawn: 'flash.withdrawn',
  granted: 'flash.granted',
  opted_out: 'flash.opted_out',
  opted_in: 'flash.opted_in',
  flagged: 'flash.flagged',
  unflagged: 'flash.unflagged',
};

/** How many facts a customer may flag in a day: each opens an entry an admin must look at. */
const FLAGS_A_DAY = 20;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function portalRoutes(deps: PortalDeps): express.Router {
  const { store, changes } = deps;
  const now = () => deps.now?.() ?? Date.now();
  const r = express.Router();
  r.use('/portal', (_req, res, next) => {
    // Nothing here may be cached or framed: it is one person's data.
    res.set({ 'Cache-Control': 'no-store', 'X-Frame-Options': 'DENY' });
    next();
  });
  r.use('/portal/assets', express.static(PUBLIC_DIR, { index: false, redirect: false }));
  r.use('/portal', express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 10 }));

  /** A page that says why not, in the reader's words; `text` is a message's key, or text already in them. */
  const refuse = (req: Request, res: Response, status: number, title: Key, text: Key | { said: string }) => {
    const w = wordsOf(req);
    res
      .status(status)
      .type('html')
      .send(messagePage(w, w.t(title), typeof text === 'string' ? w.t(text) : text.said));
  };
  const failed = async (req: Request) => deps.failures.count(req.ip ?? '');

  r.get('/portal/l/:token', allow('public.read'), refuseWhileBlocked(deps.failures), async (req, res) => {
    const check = checkLink(deps.secret, String(req.params.token), now());
    if (!check.ok && check.why === 'tampered') {
      await failed(req);
      return refuse(req, res, 400, 'link.tampered.title', 'link.tampered.text');
    }
    if (!check.ok) {
      const w = wordsOf(req);
      return refuse(req, res, 410, 'link.expired.title', {
        said: w.t('link.expired.text', { at: w.time(check.expiredAt) }),
      });
    }
    const spent = await store.portal.spendLink(check.nonce, new Date(now()).toISOString());
    if (spent !== 'unknown' && spent !== 'used') {
      const cookie = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now() + deps.sessionMinutes * 60_000).toISOString();
      await store.portal.openSession(sha256(cookie), {
        customerId: spent.customerId,
        csrf: randomBytes(24).toString('base64url'),
        expiresAt,
      });
      // Lax, not Strict: the link arrives from a mail client, and a Strict cookie would not follow the redirect.
      res.set(
        'Set-Cookie',
        serialize(COOKIE, cookie, {
          httpOnly: true,
          sameSite: 'lax',
          secure: req.secure,
          path: '/portal',
          maxAge: deps.sessionMinutes * 60,
        }),
      );
      return res.redirect(303, '/portal');
    }
    await failed(req);
    if (spent === 'unknown') return refuse(req, res, 400, 'link.tampered.title', 'link.unknown.text');
    res
      .status(410)
      .type('html')
      .send(usedLinkPage(wordsOf(req), deps.controller));
  });

  // Asking for a link: the same answer whether or not the address is known, and the mail goes in
  // the background, so neither the page nor its timing tells who is a customer.
  r.get(
    '/portal/start',
    allow('public.read'),
    (req, res) => void res.type('html').send(startPage(wordsOf(req), { controller: deps.controller.name })),
  );
  r.post('/portal/start', allow('public.read'), refuseWhileBlocked(deps.requests), async (req, res) => {
    const { email } = parseInput(LinkRequestForm, req.body ?? {});
    const address = email.toLowerCase();
    const blocked = await deps.requests.blockedFor(address);
    await Promise.all([deps.requests.count(req.ip ?? ''), deps.requests.count(address)]);
    if (!blocked)
      void requestPortalLink(deps.links, email).catch((e: AppError | Error) =>
        deps.log.warn('portal link not sent', { code: (e as AppError).code ?? e.name }),
      );
    res.type('html').send(sentPage(wordsOf(req), deps.controller.name));
  });

  async function session(req: Request, res: Response, next: NextFunction) {
    const value = parseCookies(req.get('cookie') ?? '')[COOKIE];
    const hash = value ? sha256(value) : null;
    const found = hash ? await store.portal.session(hash, new Date(now()).toISOString()) : null;
    if (!found || !hash) {
      return void res
        .status(401)
        .type('html')
        .send(startPage(wordsOf(req), { controller: deps.controller.name, why: wordsOf(req).t('start.ended') }));
    }
    req.portal = { ...found, hash };
    req.caller = { kind: 'portal', actor: 'customer' };
    next();
  }

  /** A form's fields, with its CSRF field checked against the session's. */
  function form<S extends z.ZodType<{ csrf: string }>>(schema: S, req: Request): z.output<S> {
    const body = parseInput(schema, req.body ?? {});
    const given = Buffer.from(body.csrf);
    const expected = Buffer.from(req.portal!.csrf);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new AppError('csrf', 'this form is out of date: reload the page and try again', 403, ['csrf']);
    return body;
  }

  async function snapshotOf(req: Request) {
    const snap = await store.customers.snapshot(req.portal!.customerId);
    if (!snap) throw new AppError('customer_not_found', 'the customer was removed', 404);
    return snap;
  }

  /** A `Sec-GPC: 1` request records the signal once; it works like an opt-out that cannot be undone here. */
  async function honourGpc(req: Request, snap: Awaited<ReturnType<typeof snapshotOf>>) {
    if (req.get('sec-gpc') !== '1' || snap.flags.gpc || snap.erasedAt) return false;
    snap.flags = await recordFlag(changes, snap.customer.id, 'gpc', { ...CUSTOMER, channel: 'portal-gpc' });
    return true;
  }

  const receiptsOf = async (customerId: string) => {
    const flags = (
      await Promise.all(
        (['customer.opted_out', 'customer.opted_in', 'customer.gpc'] as const).map((kind) =>
          store.audit.list({ customerId, kind, limit: 1000 }),
        ),
      )
    ).flat();
    return consentReceipts({
      customerId,
      history: await store.consents.history(customerId),
      flags,
      controller: deps.controller,
      taxonomy: deps.settings.taxonomy,
      purpose: deps.settings.rules.purpose,
      withdrawAt: `${deps.links.base()}/portal`,
      recipients: deps.recipients.map((x) => x.name),
    });
  };
  const recipientsOf = (snap: Awaited<ReturnType<typeof snapshotOf>>) =>
    recipientsFor(store, deps.recipients, deps.settings.taxonomy, snap);

  /** Who recorded each consent as it stands: its latest grant's record. */
  async function recordedByOf(customerId: string, w: Words) {
    const out = new Map<string, string>();
    for (const h of await store.consents.history(customerId))
      if (h.kind === 'granted') out.set(h.consentId, recordedBy(h.evidence, h.channel, w));
    return out;
  }

  r.get('/portal', session, allow('portal.view'), async (req, res) => {
    const snap = await snapshotOf(req);
    const gpcNow = (await honourGpc(req, snap)) || req.get('sec-gpc') === '1';
    const done = typeof req.query.done === 'string' ? (FLASH[req.query.done] ?? null) : null;
    const words = wordsOf(req);
    res.type('html').send(
      portalPage({
        displayName: snap.customer.displayName,
        controller: deps.controller.name,
        controllerEmail: deps.controller.email,
        holdings: holdings(snap, deps.settings.rules, deps.settings.taxonomy, now(), words),
        words,
        optedOut: snap.flags.optedOut,
        gpc: snap.flags.gpc,
        gpcNow,
        receipts: await receiptsOf(snap.customer.id),
        recipients: await recipientsOf(snap),
        recordedBy: await recordedByOf(snap.customer.id, words),
        csrf: req.portal!.csrf,
        flagged: new Map((await store.factFlags.open(snap.customer.id)).map((f) => [f.factId, f.flaggedAt])),
        answers: (await store.factFlags.recent(snap.customer.id)).map((a) => ({
          ...a,
          categoryName: categoryName(deps.settings.taxonomy, a.category),
        })),
        flash: done,
      }),
    );
  });

  async function ownConsent(req: Request) {
    const snap = await snapshotOf(req);
    const consentId = parseInput(Id, req.params.consentId, ['params', 'consentId']);
    const current = snap.consents.find((k) => k.id === consentId);
    if (!current)
      throw new AppError('consent_not_found', 'you have no consent with this id', 404, ['params', 'consentId']);
    return current;
  }

  r.post('/portal/consents/:consentId/withdraw', session, allow('consent.withdraw'), async (req, res) => {
    form(CsrfForm, req);
    await withdrawConsent(changes, req.portal!.customerId, await ownConsent(req), CUSTOMER);
    await fulfilledBy(store, req.portal!.customerId, 'withdrawal', CUSTOMER);
    res.redirect(303, '/portal?done=withdrawn');
  });

  r.post('/portal/consents/:consentId/grant', session, allow('consent.grant'), async (req, res) => {
    form(CsrfForm, req);
    const { withdrawnAt: _w, at: _a, ...consent } = await ownConsent(req);
    // Given again now, by the customer; an end date already past would make the new grant void.
    const expiresAt = consent.expiresAt && Date.parse(consent.expiresAt) > now() ? consent.expiresAt : null;
    await grantConsent(
      changes,
      req.portal!.customerId,
      { ...consent, status: 'granted', source: 'privacy portal', expiresAt },
      CUSTOMER,
    );
    res.redirect(303, '/portal?done=granted');
  });

  r.post('/portal/opt-out', session, allow('customer.opt_out'), async (req, res) => {
    form(CsrfForm, req);
    await recordFlag(changes, req.portal!.customerId, 'opted_out', CUSTOMER);
    await fulfilledBy(store, req.portal!.customerId, 'opt_out', CUSTOMER);
    res.redirect(303, '/portal?done=opted_out');
  });

  r.post('/portal/opt-in', session, allow('customer.opt_in'), async (req, res) => {
    form(CsrfForm, req);
    await recordFlag(changes, req.portal!.customerId, 'opted_in', CUSTOMER);
    res.redirect(303, '/portal?done=opted_in');
  });

  /** A fact id from the path: only ever looked up among the session customer's own facts. */
  const factIdOf = (req: Request) => parseInput(Id, req.params.factId, ['params', 'factId']);
  const rule = ruleOf(deps.controller.jurisdiction) ?? 'gdpr';

  r.post('/portal/facts/:factId/flag', session, allow('fact.flag'), async (req, res) => {
    const { wrong = '', shouldSay = '' } = form(FactFlagForm, req);
    const at = new Date(now()).toISOString();
    // The request is in the language the page was read in: the languages the detector knows are the pages' ones.
    const lang = wordsOf(req).lang;
    const flag = await store.factFlags.raise(
      req.portal!.customerId,
      factIdOf(req),
      wrong || shouldSay ? { wrong, shouldSay } : null,
      { lang, rule, receivedAt: at, dueAt: dueAt(at, rule) },
      FLAGS_A_DAY,
      CUSTOMER,
    );
    if (flag === 'no_fact')
      throw new AppError('fact_not_found', 'there is no such fact among what we hold about you', 404, [
        'params',
        'factId',
      ]);
    if (flag === 'flagged_already')
      throw new AppError('flagged_already', 'you told us already that this is wrong', 409, ['params', 'factId']);
    if (flag === 'too_many')
      throw new AppError(
        'too_many_flags',
        'you have told us about many items today: please write to us instead, or try again tomorrow',
        429,
      );
    res.redirect(303, '/portal?done=flagged');
  });

  r.post('/portal/facts/:factId/unflag', session, allow('fact.flag'), async (req, res) => {
    form(CsrfForm, req);
    const at = new Date(now()).toISOString();
    if (!(await store.factFlags.withdraw(req.portal!.customerId, factIdOf(req), at, CUSTOMER)))
      throw new AppError('flag_not_found', 'you have not told us this fact is wrong', 404, ['params', 'factId']);
    res.redirect(303, '/portal?done=unflagged');
  });

  r.get('/portal/export', session, allow('portal.view'), async (req, res) => {
    const snap = await snapshotOf(req);
    const body = await exportFor(
      store,
      snap,
      holdings(snap, deps.settings.rules, deps.settings.taxonomy, now()),
      await receiptsOf(snap.customer.id),
      await recipientsOf(snap),
    );
    await fulfilledBy(store, snap.customer.id, 'export', CUSTOMER);
    res
      .set('Content-Disposition', `attachment; filename="my-data-${snap.customer.id}.json"`)
      .type('application/json')
      .send(`${JSON.stringify(body, null, 2)}\n`);
  });

  r.get('/portal/receipts/:receiptId', session, allow('portal.view'), async (req, res) => {
    const receipt = (await receiptsOf(req.portal!.customerId)).find((x) => x.consentReceiptID === req.params.receiptId);
    if (!receipt) return refuse(req, res, 404, 'receipt.none.title', 'receipt.none.text');
    res
      .set('Content-Disposition', `attachment; filename="${receipt.consentReceiptID}.json"`)
      .type('application/json')
      .send(`${JSON.stringify(receipt, null, 2)}\n`);
  });

  r.get('/portal/erase', session, allow('portal.view'), async (req, res) => {
    const snap = await snapshotOf(req);
    res.type('html').send(
      erasePage(wordsOf(req), req.portal!.csrf, {
        facts: snap.facts.filter((f) => !f.erased).length,
        consents: snap.consents.length,
      }),
    );
  });

  const forgetCookie = (res: Response) =>
    res.set('Set-Cookie', serialize(COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/portal', maxAge: 0 }));

  // Erasure ends every portal session of the customer too, so this visit ends with the answer.
  r.post('/portal/erase', session, allow('customer.erase'), async (req, res) => {
    form(EraseForm, req);
    const erasure = await eraseCustomer(changes, req.portal!.customerId, CUSTOMER);
    await fulfilledBy(store, req.portal!.customerId, 'erasure', CUSTOMER);
    forgetCookie(res);
    const w = wordsOf(req);
    refuse(req, res, 200, 'erase.done.title', { said: w.t('erase.done.text', { at: w.time(erasure!.erasedAt) }) });
  });

  r.post('/portal/sign-out', session, allow('portal.view'), async (req, res) => {
    form(CsrfForm, req);
    await store.portal.endSession(req.portal!.hash);
    forgetCookie(res);
    refuse(req, res, 200, 'signedOut.title', 'signedOut.text');
  });

  r.use(pauseRoutes(deps));

  // A form error is answered as a page, with the field and what was expected (never the value sent).
  r.use('/portal', (err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!(err instanceof AppError)) return next(err);
    if (err.status === 429) res.set('Retry-After', String(err.toJSON().retryAfter ?? 60));
    // The field and what was expected stay in English: they name the form's fields.
    refuse(req, res, err.status, 'failed.title', { said: `${err.message}.` });
  });
  return r;
}
