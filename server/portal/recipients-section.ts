/**
 * "Who your data goes to" on the customer's page: each recipient in words (its role, what for, where, the agreement),
 * and for a model provider the customer's tickets whose masked text it was sent, and when.
 */
import { html, when, type Html } from './html.js';
import type { RecipientRole } from '../protocol/recipients.js';
import type { RecipientShown, SentTicket } from './recipients.js';
import { countOf, listOf } from '../format/words.js';

const ROLE_WORDS: Record<RecipientRole, string> = {
  processor: 'Works for us, only on our instructions (a processor)',
  controller: 'Decides for itself how it uses your data (a separate controller)',
  'joint controller': 'Decides together with us how your data is used (a joint controller)',
};

/** A long history stays readable on a phone; the download has every ticket. */
const MOST_TICKETS = 20;

interface Reader {
  controller: string;
  /** Where to ask what the register does not say: the controller's address. */
  askAt: string;
  locale: string;
}

function ticketItem(t: SentTicket, locale: string): Html {
  const which =
    t.ticketId === null
      ? 'Tickets no longer named (their details were erased at your request)'
      : html`Ticket <strong>${t.ticketId}</strong>`;
  const what = t.categories.length ? `the conversation and your ${listOf(t.categories)}` : 'the conversation';
  // Newest first: the first time sent is the last in the list.
  const [latest, first] = [when(t.at[0]!, locale), when(t.at.at(-1)!, locale)];
  const times =
    t.at.length === 1
      ? html`on ${latest}`
      : html`${countOf(t.at.length, { one: 'time', other: 'times' })}, from ${first} to ${latest}`;
  return html`<li>${which}: ${what}, ${times}.</li>`;
}

function sentPart(sent: SentTicket[], locale: string): Html {
  if (!sent.length) return html`<p>None of your support tickets has been sent to them.</p>`;
  const more = sent.length - MOST_TICKETS;
  const earlier = countOf(more, { one: 'earlier ticket', other: 'earlier tickets' });
  return html`<p>Your support tickets whose text went to them, with your personal details masked:</p>
  <ul class="sent">${sent.slice(0, MOST_TICKETS).map((t) => ticketItem(t, locale))}</ul>
  ${more > 0 ? html`<p class="small">And ${earlier}: your download lists them all.</p>` : ''}`;
}

function recipientCard(r: RecipientShown, o: Reader): Html {
  const ask = html`Not stated yet; ask us at <a href="mailto:${o.askAt}">${o.askAt}</a>`;
  const agreement = r.agreement ? html`<a href="${r.agreement}">Our agreement with ${r.name}</a>` : ask;
  return html`<li class="card recipient" data-recipient="${r.name}">
  <h3>${r.name}</h3>
  <dl>
    <dt>Their role</dt><dd>${ROLE_WORDS[r.role]}</dd>
    <dt>What they do with it</dt><dd>${r.purpose}</dd>
    <dt>Where</dt><dd>${r.where ?? ask}</dd>
    <dt>Agreement</dt><dd>${agreement}</dd>
  </dl>
  ${r.sent ? sentPart(r.sent, o.locale) : ''}
</li>`;
}

export function recipientsSection(recipients: readonly RecipientShown[], o: Reader): Html {
  const others = countOf(recipients.length, { one: 'other company or service', other: 'other companies and services' });
  const intro = recipients.length
    ? `To help you with support, ${o.controller} shares your data with ${others}: who they are, what they do ` +
      'with it, where, and our agreement with each.'
    : `${o.controller} lists no one outside itself who receives your data for support.`;
  return html`<section aria-labelledby="recipients-title">
  <h2 id="recipients-title">Who your data goes to</h2>
  <p>${intro}</p>
  ${recipients.length ? html`<ul class="cards">${recipients.map((r) => recipientCard(r, o))}</ul>` : ''}
</section>`;
}
