/**
 * The portal's pages, rendered on the server: plain forms and links, so they work without
 * JavaScript, with a keyboard, with a screen reader and on a phone.
 */
import { html, say, when, type Html } from './html.js';
import type { HeldConsent, HeldFact, Holdings } from './holdings.js';
import type { ConsentReceipt } from './receipts.js';
import type { RecipientShown } from './recipients.js';
import { recipientsSection } from './recipients-section.js';
import { wordsFor, type Words } from '../i18n/translate.js';
import type { Key } from '../i18n/catalogue.js';

export function page(w: Words, title: string, body: Html): string {
  return html`<!doctype html>
<html lang="${w.lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${title}</title>
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/portal/assets/portal.css">
</head>
<body>
  <main>
${body}
  </main>
</body>
</html>
`.text;
}

/** A page that explains why the portal cannot open, and what to do. */
export const messagePage = (w: Words, title: string, text: string | Html) =>
  page(w, title, html`<h1>${title}</h1><p class="lead">${text}</p>`);

const csrfField = (csrf: string) => html`<input type="hidden" name="csrf" value="${csrf}">`;

function consentCard(
  k: HeldConsent,
  csrf: string,
  receipt: ConsentReceipt | undefined,
  recorded: string | undefined,
  w: Words,
): Html {
  const at = (iso: string) => when(iso, w.locale);
  const on = k.state === 'active' ? 'on' : 'off';
  const state = html`<strong class="state ${on}">${w.t(`state.${k.state}`)}</strong>`;
  const since = { active: k.at, withdrawn: k.withdrawnAt ?? k.at, expired: k.expiresAt ?? k.at, denied: k.at }[k.state];
  const allowed = k.state === 'active';
  const ends = k.expiresAt && allowed ? html` ${say(w, 'consent.ends', { at: at(k.expiresAt) })}` : '';
  const receiptLink = receipt
    ? html`<p class="small">
    <a href="/portal/receipts/${receipt.consentReceiptID}" download>${w.t('consent.receipt')}</a></p>`
    : '';
  return html`<li class="card consent" data-consent="${k.id}">
  <h3>${k.allows}</h3>
  <p>${say(w, 'consent.given', { state: say(w, `consent.${k.state}`, { state, at: at(since) }), source: k.source })}${ends}</p>
  ${recorded ? html`<p class="small recorded-by">${recorded}.</p>` : ''}
  <form method="post" action="/portal/consents/${encodeURIComponent(k.id)}/${allowed ? 'withdraw' : 'grant'}">
    ${csrfField(csrf)}
    <button type="submit" class="${allowed ? 'secondary' : ''}">${w.t(allowed ? 'consent.withdraw' : 'consent.grant')}</button>
  </form>
  ${receiptLink}
</li>`;
}

/** How an admin answered a fact the customer flagged as wrong, for the portal to tell them. */
export interface FlagAnswer {
  factId: string;
  resolution: 'corrected' | 'removed' | 'kept';
  /** Told to the customer when the fact was kept. */
  reason: string | null;
  closedAt: string;
  categoryName: string;
}

/** What was done about the fact's last flag, if anything. */
function answerOf(a: FlagAnswer | undefined, w: Words): Html | string {
  if (!a || a.resolution === 'removed') return '';
  const at = when(a.closedAt, w.locale, 'date');
  return a.resolution === 'corrected'
    ? html`<p class="flag-answer">${say(w, 'flag.corrected', { at })}</p>`
    : html`<p class="flag-answer">${say(w, 'flag.kept', { at, reason: a.reason ?? '' })}</p>`;
}

/**
 * "This is wrong" on a fact: a short form; once sent, the date it was sent and a way to take it back; once answered,
 * what was done, and the form again.
 */
function flagPart(f: HeldFact, flaggedAt: string | undefined, answer: FlagAnswer | undefined, csrf: string, w: Words) {
  const action = `/portal/facts/${encodeURIComponent(f.id)}`;
  if (flaggedAt)
    return html`<p class="flagged">${say(w, 'flag.flaggedOn', { at: when(flaggedAt, w.locale, 'date') })}</p>
  <form method="post" action="${action}/unflag">
    ${csrfField(csrf)}<button type="submit" class="secondary">${w.t('flag.withdraw')}</button>
  </form>`;
  const field = (name: 'wrong' | 'shouldSay') => {
    const id = `${name}-${f.id}`;
    return html`<label for="${id}">${w.t(`flag.${name}`)}</label>
    <textarea id="${id}" name="${name}" rows="2" maxlength="500"></textarea>`;
  };
  return html`${answerOf(answer, w)}<details class="flag">
  <summary>${w.t('flag.open')}</summary>
  <form method="post" action="${action}/flag">
    ${csrfField(csrf)}
    ${field('wrong')}
    ${field('shouldSay')}
    <button type="submit">${w.t('flag.send')}</button>
  </form>
</details>`;
}

const factRow =
  (w: Words, csrf: string, flagged: ReadonlyMap<string, string>, answers: readonly FlagAnswer[]) =>
  (f: HeldFact): Html => {
    const value =
      f.value && typeof f.value === 'object'
        ? Object.entries(f.value as Record<string, unknown>)
            .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
            .join(' · ')
        : '';
    return html`<li class="card fact ${f.agentsSee ? 'seen' : 'hidden'}" data-fact="${f.id}">
  <p class="category">${f.categoryName}</p>
  <p class="text">${f.text}</p>
  ${value ? html`<p class="small value">${value}</p>` : ''}
  <p class="small">${say(w, 'fact.from', { source: f.source, at: when(f.collectedAt, w.locale) })}</p>
  <p class="why ${f.agentsSee ? 'on' : 'off'}">${f.why}</p>
  ${flagPart(
    f,
    flagged.get(f.id),
    answers.find((a) => a.factId === f.id),
    csrf,
    w,
  )}
</li>`;
  };

export interface PortalPage {
  displayName: string;
  controller: string;
  /** The controller's address, for what the page cannot answer. */
  controllerEmail: string;
  holdings: Holdings;
  optedOut: boolean;
  gpc: boolean;
  /** This request carried `Sec-GPC: 1`. */
  gpcNow: boolean;
  receipts: ConsentReceipt[];
  /** Who the customer's data goes to, with what was sent to each. */
  recipients: readonly RecipientShown[];
  /** Who recorded each consent as it stands, by consent id, in the customer's words. */
  recordedBy: ReadonlyMap<string, string>;
  csrf: string;
  /** The facts the customer told us are wrong, by id: when they did. */
  flagged: ReadonlyMap<string, string>;
  /** How flags were answered, newest first. */
  answers: readonly FlagAnswer[];
  /** What the customer just did, said back to them. */
  flash: Key | null;
  /** The reader's words, from the request's Accept-Language. */
  words?: Words;
}

export function portalPage(p: PortalPage): string {
  const { holdings: h } = p;
  const w = p.words ?? wordsFor('en');
  const latest = new Map<string, ConsentReceipt>();
  for (const r of p.receipts) if (r.candor.consentId) latest.set(r.candor.consentId, r);
  const seen = h.facts.filter((f) => f.agentsSee).length;
  const gpc = `${w.t(p.gpcNow ? 'gpc.now' : 'gpc.before')} ${w.t('gpc.means')}`;
  const personalised = w.t(p.optedOut || p.gpc ? 'optout.paused' : 'optout.on');
  // The opt-out in force, as its receipt records it: since when, and how (here, a pause link, through an agent).
  const optOut = p.optedOut ? p.receipts.findLast((r) => r.candor.change === 'opted_out') : undefined;
  const pausedSince = optOut
    ? html`<p class="small" id="paused-since">${say(w, 'optout.since', { at: when(optOut.candor.at, w.locale) })}
  ${optOut.collectionMethod}.</p>`
    : '';
  const toggle = w.t(p.optedOut ? 'optout.resume' : 'optout.pause');
  const consents = h.consents.map((k) => consentCard(k, p.csrf, latest.get(k.id), p.recordedBy.get(k.id), w));
  const erased = h.erasedFacts ? ` ${w.t('facts.erased', { n: h.erasedFacts })}` : '';
  const removed = p.answers
    .filter((a) => a.resolution === 'removed')
    .map(
      (a) =>
        html`<li>${say(w, 'flag.removed', { at: when(a.closedAt, w.locale, 'date'), category: a.categoryName })}</li>`,
    );
  const allowsOf = new Map(h.consents.map((k) => [k.id, k.allows]));
  const receiptItem = (r: ConsentReceipt) => {
    // The change's own time (when the consent was given or withdrawn), not when Candor recorded it.
    // In the reader's words, where the receipt itself keeps English: what the consent allows, or the opt-out.
    const allows = r.candor.consentId
      ? (allowsOf.get(r.candor.consentId) ?? r.services[0]!.purposes[0]!.purpose)
      : w.t(r.candor.change === 'opted_in' ? 'receipt.resume' : 'receipt.pause');
    const what = `${allows} (${w.t(`change.${r.candor.change}`)})`;
    const at = when(r.candor.at, w.locale); // a <time>, so not text to be joined
    return html`<li><a href="/portal/receipts/${r.consentReceiptID}" download>${at}: ${what}</a></li>`;
  };
  return page(
    w,
    w.t('portal.title', { controller: p.controller }),
    html`<header>
  <h1>${w.t('portal.heading', { controller: p.controller })}</h1>
  <p class="lead">${w.t('portal.lead', { name: p.displayName })}</p>
</header>
${p.flash ? html`<p class="flash" role="status">${w.t(p.flash)}</p>` : ''}
${p.gpc ? html`<p class="notice" role="note" id="gpc">${gpc}</p>` : ''}

<section aria-labelledby="optout-title" class="card">
  <h2 id="optout-title">${w.t('optout.title')}</h2>
  <p>${personalised}</p>
  ${pausedSince}
  <form method="post" action="/portal/${p.optedOut ? 'opt-in' : 'opt-out'}">
    ${csrfField(p.csrf)}
    <button type="submit"${p.gpc ? ' disabled aria-describedby="gpc"' : ''}>${toggle}</button>
  </form>
</section>

<section aria-labelledby="consents-title">
  <h2 id="consents-title">${w.t('consents.title')}</h2>
  ${consents.length ? html`<ul class="cards">${consents}</ul>` : html`<p>${w.t('consents.none')}</p>`}
</section>

<section aria-labelledby="facts-title">
  <h2 id="facts-title">${w.t('facts.title')}</h2>
  <p>${w.t('facts.count', { n: h.facts.length, seen })}${erased}</p>
  ${removed.length ? html`<ul class="removed">${removed}</ul>` : ''}
  <ul class="cards">${h.facts.map(factRow(w, p.csrf, p.flagged, p.answers))}</ul>
</section>

${recipientsSection(p.recipients, { controller: p.controller, askAt: p.controllerEmail, words: w })}

<section aria-labelledby="receipts-title">
  <h2 id="receipts-title">${w.t('receipts.title')}</h2>
  <p>${w.t('receipts.lead')}</p>
  <ul class="receipts">${p.receipts.map(receiptItem)}</ul>
</section>

<section aria-labelledby="data-title" class="card">
  <h2 id="data-title">${w.t('data.title')}</h2>
  <p><a class="button" href="/portal/export" download>${w.t('data.download')}</a></p>
  <p><a class="button danger" href="/portal/erase">${w.t('data.erase')}</a></p>
</section>

<form method="post" action="/portal/sign-out" class="sign-out">
  ${csrfField(p.csrf)}<button type="submit" class="secondary">${w.t('portal.signOut')}</button>
</form>`,
  );
}

export function erasePage(w: Words, csrf: string, counts: { facts: number; consents: number }): string {
  return page(
    w,
    w.t('erase.title'),
    html`<h1>${w.t('erase.title')}</h1>
<p class="lead">${w.t('erase.lead', { items: w.t('erase.items', { n: counts.facts }) })}</p>
<p>${w.t('erase.stays', { consents: w.t('erase.consents', { n: counts.consents }) })}</p>
<form method="post" action="/portal/erase" class="card">
  ${csrfField(csrf)}
  <p><input type="checkbox" id="confirm" name="confirm" value="yes" required>
    <label for="confirm">${w.t('erase.confirm')}</label></p>
  <button type="submit" class="danger">${w.t('erase.button')}</button>
  <a href="/portal">${w.t('erase.keep')}</a>
</form>`,
  );
}

/** Where a customer without a session starts: their address, and a link mailed to it. */
export function startPage(w: Words, o: { controller: string; why?: string }): string {
  return page(
    w,
    w.t('start.title', { controller: o.controller }),
    html`<h1>${w.t('start.heading')}</h1>
${o.why ? html`<p class="notice" role="note">${o.why}</p>` : ''}
<p class="lead">${w.t('start.lead', { controller: o.controller })}</p>
<form method="post" action="/portal/start" class="card">
  <p><label for="email">${w.t('start.email')}</label><br>
    <input type="email" id="email" name="email" autocomplete="email" required maxlength="320"></p>
  <button type="submit">${w.t('start.button')}</button>
</form>`,
  );
}

/** A used link: someone else may have opened it, so say whom to tell, how, and where to ask again. */
export const usedLinkPage = (w: Words, controller: { name: string; email: string }) =>
  page(
    w,
    w.t('used.title'),
    html`<h1>${w.t('used.title')}</h1>
<p class="lead">${say(w, 'used.lead', {
      controller: controller.name,
      email: html`<a href="mailto:${controller.email}">${controller.email}</a>`,
    })}</p>
<p><a href="/portal/start">${w.t('link.again')}</a></p>`,
  );

export const sentPage = (w: Words, controller: string) =>
  messagePage(w, w.t('sent.title'), w.t('sent.text', { controller }));
