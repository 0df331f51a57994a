/**
 * The pause link's pages, in plain words. They hold nothing about the customer, whoever opens them: the same page
 * for every working link, whether its customer is opted out already, or erased.
 */
import { html } from './html.js';
import { page } from './pages.js';
import { PAUSE_LINK_DAYS } from './pause-token.js';

const privacyPage = html`<p>To see what we hold about you, or to change your mind later, open
  <a href="/portal/start">your privacy page</a>.</p>`;

export const confirmPage = (token: string, csrf: string) =>
  page(
    'Pause personalised support',
    html`<h1>Pause personalised support</h1>
<p class="lead">If you pause it, our support team stops using what we hold about you when they help you: they no
longer see your orders, your details or anything else we know about you, and the replies we suggest to them do not
use it.</p>
<p>Nothing is deleted, and you still get help; you may need to tell us again what your question is about. You can
turn it back on at any time on your privacy page.</p>
<form method="post" action="/portal/pause/${token}" class="card">
  <input type="hidden" name="csrf" value="${csrf}">
  <button type="submit">Pause personalised support</button>
</form>
${privacyPage}`,
  );

/** `at` is when the pause was asked for, already written for the reader. */
export const pausedPage = (at: string) =>
  page(
    'Personalised support is paused',
    html`<h1>Personalised support is paused</h1>
<p class="lead" role="status">As of ${at}, our support team does not use what we hold about you when they help you.</p>
${privacyPage}`,
  );

export const badLinkPage = (why: 'tampered' | 'expired') =>
  page(
    why === 'expired' ? 'This link has expired' : 'This link does not work',
    html`<h1>${why === 'expired' ? 'This link has expired' : 'This link does not work'}</h1>
<p class="lead">${
      why === 'expired'
        ? `Links to pause personalised support work for ${PAUSE_LINK_DAYS} days.`
        : 'The link is incomplete or was changed. Please use the whole link from our message.'
    }</p>
<p>You can pause personalised support on <a href="/portal/start">your privacy page</a> instead.</p>`,
  );
