/**
 * The portal's pages, rendered on the server: plain forms and links, so they work without
 * JavaScript, with a keyboard, with a screen reader and on a phone.
 */
import { html, when, type Html } from './html.js';
import type { HeldConsent, HeldFact, Holdings } from './holdings.js';
import type { ConsentReceipt } from './receipts.js';
import type { RecipientShown } from './recipients.js';
import { recipientsSection } from './recipients-section.js';
import { SERVER_LOCALE } from '../dates.js';
import { countOf } from '../format/words.js';
import { FLAG_WORDS } from './flag-words.js';

/** How a receipt's change reads. */
const CHANGE_WORDS: Record<ConsentReceipt['candor']['change'], string> = {
  granted: 'granted',
  denied: 'refused',
  withdrawn: 'withdrawn',
  opted_out: 'opted out',
  opted_in: 'opted in',
  gpc: 'Global Privacy Control signal',
};

export function page(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="en">
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
export const messagePage = (title: string, text: string) =>
  page(title, html`<h1>${title}</h1><p class="lead">${text}</p>`);

const csrfField = (csrf: string) => html`<input type="hidden" name="csrf" value="${csrf}">`;

function consentCard(
  k: HeldConsent,
  csrf: string,
  receipt: ConsentReceipt | undefined,
  recorded: string | undefined,
  locale: string,
): Html {
  const at = (iso: string) => when(iso, locale);
  const state = {
    active: html`<strong class="state on">Allowed</strong> since ${at(k.at)}`,
    withdrawn: html`<strong class="state off">Withdrawn</strong> on ${at(k.withdrawnAt ?? k.at)}`,
    expired: html`<strong class="state off">Expired</strong> on ${at(k.expiresAt ?? k.at)}`,
    denied: html`<strong class="state off">Not allowed</strong> (you said no on ${at(k.at)})`,
  }[k.state];
  const allowed = k.state === 'active';
  const button = allowed ? 'Withdraw this consent' : 'Allow this again';
  const ends = k.expiresAt && allowed ? html` Ends on ${at(k.expiresAt)}.` : '';
  const receiptLink = receipt
    ? html`<p class="small">
    <a href="/portal/receipts/${receipt.consentReceiptID}" download>Receipt for this change (JSON)</a></p>`
    : '';
  return html`<li class="card consent" data-consent="${k.id}">
  <h3>${k.allows}</h3>
  <p>${state}. Given through: ${k.source}.${ends}</p>
  ${recorded ? html`<p class="small recorded-by">${recorded}.</p>` : ''}
  <form method="post" action="/portal/consents/${encodeURIComponent(k.id)}/${allowed ? 'withdraw' : 'grant'}">
    ${csrfField(csrf)}
    <button type="submit" class="${allowed ? 'secondary' : ''}">${button}</button>
  </form>
  ${receiptLink}
</li>`;
}

/** "This is wrong" on a fact: a short form; once sent, the date it was sent and a way to take it back. */
function flagPart(f: HeldFact, flaggedAt: string | undefined, csrf: string, locale: string): Html {
  const action = `/portal/facts/${encodeURIComponent(f.id)}`;
  if (flaggedAt)
    return html`<p class="flagged">${FLAG_WORDS.flaggedOn} ${when(flaggedAt, locale, 'date')}.</p>
  <form method="post" action="${action}/unflag">
    ${csrfField(csrf)}<button type="submit" class="secondary">${FLAG_WORDS.withdraw}</button>
  </form>`;
  const field = (name: 'wrong' | 'shouldSay') => {
    const id = `${name}-${f.id}`;
    return html`<label for="${id}">${FLAG_WORDS[name]}</label>
    <textarea id="${id}" name="${name}" rows="2" maxlength="500"></textarea>`;
  };
  return html`<details class="flag">
  <summary>${FLAG_WORDS.open}</summary>
  <form method="post" action="${action}/flag">
    ${csrfField(csrf)}
    ${field('wrong')}
    ${field('shouldSay')}
    <button type="submit">${FLAG_WORDS.send}</button>
  </form>
</details>`;
}

const factRow =
  (locale: string, csrf: string, flagged: ReadonlyMap<string, string>) =>
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
  <p class="small">From ${f.source}, recorded on ${when(f.collectedAt, locale)}.</p>
  <p class="why ${f.agentsSee ? 'on' : 'off'}">${f.why}</p>
  ${flagPart(f, flagged.get(f.id), csrf, locale)}
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
  flash: string | null;
  /** The reader's locale, from the request's Accept-Language. */
  locale?: string;
}

const GPC_MEANS = 'We treat it as a request not to use your data: support agents see none of it.';

export function portalPage(p: PortalPage): string {
  const { holdings: h } = p;
  const locale = p.locale ?? SERVER_LOCALE;
  const latest = new Map<string, ConsentReceipt>();
  for (const r of p.receipts) if (r.candor.consentId) latest.set(r.candor.consentId, r);
  const seen = h.facts.filter((f) => f.agentsSee).length;
  const gpc = p.gpcNow
    ? 'Your browser sent a Global Privacy Control signal. '
    : 'We have a Global Privacy Control signal from your browser on record. ';
  const personalised =
    p.optedOut || p.gpc
      ? "Personalised support is paused: we don't use your data to personalise support."
      : 'Agents may use the data you allowed below to help you faster.';
  // The opt-out in force, as its receipt records it: since when, and how (here, a pause link, through an agent).
  const optOut = p.optedOut ? p.receipts.findLast((r) => r.candor.change === 'opted_out') : undefined;
  const pausedSince = optOut
    ? html`<p class="small" id="paused-since">Paused since ${when(optOut.candor.at, locale)}.
  ${optOut.collectionMethod}.</p>`
    : '';
  const toggle = p.optedOut ? 'Resume personalised support' : "Don't use my data for support personalisation";
  const consents = h.consents.map((k) => consentCard(k, p.csrf, latest.get(k.id), p.recordedBy.get(k.id), locale));
  const erased = h.erasedFacts
    ? ` ${countOf(h.erasedFacts, { one: 'item was', other: 'items were' })} erased at your request.`
    : '';
  const receiptItem = (r: ConsentReceipt) => {
    // The change's own time (when the consent was given or withdrawn), not when Candor recorded it.
    const what = `${r.services[0]!.purposes[0]!.purpose} (${CHANGE_WORDS[r.candor.change]})`;
    const at = when(r.candor.at, locale); // a <time>, so not text to be joined
    return html`<li><a href="/portal/receipts/${r.consentReceiptID}" download>${at}: ${what}</a></li>`;
  };
  return page(
    `Your data · ${p.controller}`,
    html`<header>
  <h1>Your data at ${p.controller}</h1>
  <p class="lead">Hello ${p.displayName}, this page shows everything we hold about you, what our support agents can see,
  and why. You decide.</p>
</header>
${p.flash ? html`<p class="flash" role="status">${p.flash}</p>` : ''}
${p.gpc ? html`<p class="notice" role="note" id="gpc">${gpc}${GPC_MEANS}</p>` : ''}

<section aria-labelledby="optout-title" class="card">
  <h2 id="optout-title">Personalised support</h2>
  <p>${personalised}</p>
  ${pausedSince}
  <form method="post" action="/portal/${p.optedOut ? 'opt-in' : 'opt-out'}">
    ${csrfField(p.csrf)}
    <button type="submit"${p.gpc ? ' disabled aria-describedby="gpc"' : ''}>${toggle}</button>
  </form>
</section>

<section aria-labelledby="consents-title">
  <h2 id="consents-title">Your consents</h2>
  ${consents.length ? html`<ul class="cards">${consents}</ul>` : html`<p>You have given no consents.</p>`}
</section>

<section aria-labelledby="facts-title">
  <h2 id="facts-title">What we hold about you</h2>
  <p>${countOf(h.facts.length, { one: 'item', other: 'items' })}; support agents can see ${seen} of
  ${h.facts.length === 1 ? 'it' : 'them'}.${erased}</p>
  <ul class="cards">${h.facts.map(factRow(locale, p.csrf, p.flagged))}</ul>
</section>

${recipientsSection(p.recipients, { controller: p.controller, askAt: p.controllerEmail, locale })}

<section aria-labelledby="receipts-title">
  <h2 id="receipts-title">Consent receipts</h2>
  <p>A receipt for every change to your consents, in the Kantara Consent Receipt format.</p>
  <ul class="receipts">${p.receipts.map(receiptItem)}</ul>
</section>

<section aria-labelledby="data-title" class="card">
  <h2 id="data-title">Your copy, or erasure</h2>
  <p><a class="button" href="/portal/export" download>Download my data (JSON)</a></p>
  <p><a class="button danger" href="/portal/erase">Erase my data…</a></p>
</section>

<form method="post" action="/portal/sign-out" class="sign-out">
  ${csrfField(p.csrf)}<button type="submit" class="secondary">Sign out</button>
</form>`,
  );
}

export function erasePage(csrf: string, counts: { facts: number; consents: number }): string {
  return page(
    'Erase my data',
    html`<h1>Erase my data</h1>
<p class="lead">This removes what we hold about you: ${countOf(counts.facts, { one: 'item', other: 'items' })} of data,
your name and e-mail address,
the texts of support suggestions about you, and recordings of your support conversations. It cannot be undone.</p>
<p>What stays: the record of your ${countOf(counts.consents, { one: 'consent', other: 'consents' })}
and of this erasure, because we must be able to show
what you allowed and that we erased your data. These records hold no data about you beyond an internal number.</p>
<form method="post" action="/portal/erase" class="card">
  ${csrfField(csrf)}
  <p><input type="checkbox" id="confirm" name="confirm" value="yes" required>
    <label for="confirm">I understand that my data will be erased and cannot be brought back.</label></p>
  <button type="submit" class="danger">Erase my data</button>
  <a href="/portal">Keep my data</a>
</form>`,
  );
}

/** Where a customer without a session starts: their address, and a link mailed to it. */
export function startPage(o: { controller: string; why?: string }): string {
  return page(
    `Your privacy page · ${o.controller}`,
    html`<h1>Your privacy page</h1>
${o.why ? html`<p class="notice" role="note">${o.why}</p>` : ''}
<p class="lead">See what ${o.controller} holds about you, download it, change your consents or have it erased.
Enter the e-mail address we know you by, and we will send a link to it that opens this page once.</p>
<form method="post" action="/portal/start" class="card">
  <p><label for="email">Your e-mail address</label><br>
    <input type="email" id="email" name="email" autocomplete="email" required maxlength="320"></p>
  <button type="submit">E-mail me a link</button>
</form>`,
  );
}

/** A used link: someone else may have opened it, so say whom to tell, how, and where to ask again. */
export const usedLinkPage = (controller: { name: string; email: string }) =>
  page(
    'This link was already used',
    html`<h1>This link was already used</h1>
<p class="lead">Each link opens your privacy page once. If it was not you who opened it, write to
${controller.name} at <a href="mailto:${controller.email}">${controller.email}</a> so they can look into it.</p>
<p><a href="/portal/start">Ask for a new link</a></p>`,
  );

export const sentPage = (controller: string) =>
  messagePage(
    'Check your inbox',
    `If ${controller} holds data about this address, we have sent it a link ` +
      `to your privacy page. The link works once, for a few minutes. Nothing ` +
      `arrived? Check the address, or your spam folder, and ask again.`,
  );
