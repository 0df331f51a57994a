/**
 * The one-click pause at `/portal/pause/<token>` (tokens: `pause-token.ts`). Mail scanners fetch links, so the GET
 * changes nothing: it says what pausing does and offers one button. The button posts a form whose field is the HMAC
 * of the token and of a random cookie the GET set (SameSite=Strict: a page on another site cannot post with it), so
 * only a browser that opened this page can pause. The POST records a global opt-out through the one opt-out path
 * (`privacy/changes.ts`), as the customer's, through the pause link, and open panels drop the facts with its push.
 *
 * The link is harmless in anyone's hands: it can only stop the use of data, and no page here says anything about the
 * customer. A link for an erased customer is answered as any other and changes nothing.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { parse as parseCookies, serialize } from 'cookie';
import { CsrfForm } from '../protocol/portal.js';
import { pausePersonalisation, type ChangeDeps, type Changer } from '../privacy/changes.js';
import { AppError, parseInput } from '../errors.js';
import { allow } from '../web/auth.js';
import { refuseWhileBlocked } from '../web/limits.js';
import type { AttemptLimit } from '../permissions/attempts.js';
import { wordsOf } from '../i18n/translate.js';
import { fulfilledBy } from '../requests/register.js';
import { keyFor, openPauseToken } from './pause-token.js';
import { badLinkPage, confirmPage, pausedPage } from './pause-pages.js';

const COOKIE = 'candor_pause';
/** How long the page's button works once the page is open. */
const FORM_MINUTES = 60;
const BY_LINK: Changer = { principal: 'anyone', actor: 'customer', channel: 'pause-link' };

export interface PauseDeps {
  secret: string;
  changes: ChangeDeps;
  /** Changed links count against the client's address, like wrong tokens. */
  failures: AttemptLimit;
  now?: () => number;
}

const formField = (secret: string, nonce: string, token: string) =>
  createHmac('sha256', keyFor(secret, 'pause form')).update(`${nonce}\u0000${token}`).digest('base64url');

/** Whether the form's field is the one this browser's page was given, for this link. */
function fromThisPage(secret: string, req: Request, csrf: string): boolean {
  const nonce = parseCookies(req.get('cookie') ?? '')[COOKIE];
  if (!nonce) return false;
  const given = Buffer.from(csrf);
  const expected = Buffer.from(formField(secret, nonce, String(req.params.token)));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function pauseRoutes(deps: PauseDeps): express.Router {
  const now = () => deps.now?.() ?? Date.now();
  const r = express.Router();

  /** The token's customer; or, for a changed or expired link, a page saying so (and nothing else) and null. */
  async function customerOf(req: Request, res: Response): Promise<string | null> {
    const check = openPauseToken(deps.secret, String(req.params.token), now());
    if (check.ok) return check.customerId;
    if (check.why === 'tampered') await deps.failures.count(req.ip ?? '');
    res
      .status(check.why === 'expired' ? 410 : 400)
      .type('html')
      .send(badLinkPage(wordsOf(req), check.why));
    return null;
  }

  r.get('/portal/pause/:token', allow('public.read'), refuseWhileBlocked(deps.failures), async (req, res) => {
    if (!(await customerOf(req, res))) return;
    const token = String(req.params.token);
    const nonce = randomBytes(24).toString('base64url');
    res.set(
      'Set-Cookie',
      serialize(COOKIE, nonce, {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.secure,
        path: '/portal/pause',
        maxAge: FORM_MINUTES * 60,
      }),
    );
    res.type('html').send(confirmPage(wordsOf(req), token, formField(deps.secret, nonce, token)));
  });

  r.post('/portal/pause/:token', allow('customer.pause'), refuseWhileBlocked(deps.failures), async (req, res) => {
    const customerId = await customerOf(req, res);
    if (!customerId) return;
    const { csrf } = parseInput(CsrfForm, req.body ?? {});
    if (!fromThisPage(deps.secret, req, csrf))
      throw new AppError('csrf', 'this form is out of date: reload the page and try again', 403, ['csrf']);
    if (await pausePersonalisation(deps.changes, customerId, BY_LINK))
      await fulfilledBy(deps.changes.store, customerId, 'pause', BY_LINK);
    res.type('html').send(pausedPage(wordsOf(req), new Date(now())));
  });
  return r;
}
