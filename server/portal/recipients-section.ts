/**
 * "Who your data goes to" on the customer's page: each recipient in words (its role, what for, where, the agreement),
 * and for a model provider the customer's tickets whose masked text it was sent, and when.
 */
import { html, say, when, type Html } from './html.js';
import type { RecipientRole } from '../protocol/recipients.js';
import type { RecipientShown, SentTicket } from './recipients.js';
import { listOf } from '../format/words.js';
import type { Key } from '../i18n/catalogue.js';
import type { Words } from '../i18n/translate.js';

const ROLE_WORDS: Record<RecipientRole, Key> = {
  processor: 'role.processor',
  controller: 'role.controller',
  'joint controller': 'role.joint',
};

/** A long history stays readable on a phone; the download has every ticket. */
const MOST_TICKETS = 20;

interface Reader {
  controller: string;
  /** Where to ask what the register does not say: the controller's address. */
  askAt: string;
  words: Words;
}

function ticketItem(t: SentTicket, w: Words): Html {
  const which =
    t.ticketId === null ? w.t('ticket.erased') : say(w, 'ticket.named', { id: html`<strong>${t.ticketId}</strong>` });
  const what = t.categories.length
    ? w.t('ticket.conversationAnd', { categories: listOf(t.categories, w.locale) })
    : w.t('ticket.conversation');
  // Newest first: the first time sent is the last in the list.
  const [latest, first] = [when(t.at[0]!, w.locale), when(t.at.at(-1)!, w.locale)];
  const line =
    t.at.length === 1
      ? say(w, 'ticket.once', { which, what, at: latest })
      : say(w, 'ticket.times', { which, what, n: t.at.length, first, latest });
  return html`<li>${line}</li>`;
}

function sentPart(sent: SentTicket[], w: Words): Html {
  if (!sent.length) return html`<p>${w.t('sent.none')}</p>`;
  const more = sent.length - MOST_TICKETS;
  return html`<p>${w.t('sent.lead')}</p>
  <ul class="sent">${sent.slice(0, MOST_TICKETS).map((t) => ticketItem(t, w))}</ul>
  ${more > 0 ? html`<p class="small">${w.t('sent.more', { n: more })}</p>` : ''}`;
}

function recipientCard(r: RecipientShown, o: Reader): Html {
  const w = o.words;
  const ask = say(w, 'recipient.ask', { email: html`<a href="mailto:${o.askAt}">${o.askAt}</a>` });
  const agreement = r.agreement
    ? html`<a href="${r.agreement}">${w.t('recipient.agreementWith', { name: r.name })}</a>`
    : ask;
  return html`<li class="card recipient" data-recipient="${r.name}">
  <h3>${r.name}</h3>
  <dl>
    <dt>${w.t('recipient.role')}</dt><dd>${w.t(ROLE_WORDS[r.role])}</dd>
    <dt>${w.t('recipient.purpose')}</dt><dd>${r.purpose}</dd>
    <dt>${w.t('recipient.where')}</dt><dd>${r.where ?? ask}</dd>
    <dt>${w.t('recipient.agreement')}</dt><dd>${agreement}</dd>
  </dl>
  ${r.sent ? sentPart(r.sent, w) : ''}
</li>`;
}

export function recipientsSection(recipients: readonly RecipientShown[], o: Reader): Html {
  const w = o.words;
  const intro = recipients.length
    ? w.t('recipients.intro', { controller: o.controller, n: recipients.length })
    : w.t('recipients.none', { controller: o.controller });
  return html`<section aria-labelledby="recipients-title">
  <h2 id="recipients-title">${w.t('recipients.title')}</h2>
  <p>${intro}</p>
  ${recipients.length ? html`<ul class="cards">${recipients.map((r) => recipientCard(r, o))}</ul>` : ''}
</section>`;
}
