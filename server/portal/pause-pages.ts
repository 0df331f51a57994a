/**
 * The pause link's pages, in plain words. They hold nothing about the customer, whoever opens them: the same page
 * for every working link, whether its customer is opted out already, or erased.
 */
import { html, say } from './html.js';
import { page } from './pages.js';
import { PAUSE_LINK_DAYS } from './pause-token.js';
import type { Words } from '../i18n/translate.js';

const privacyPage = (w: Words) => html`<a href="/portal/start">${w.t('pause.privacyPage')}</a>`;

export const confirmPage = (w: Words, token: string, csrf: string) =>
  page(
    w,
    w.t('pause.title'),
    html`<h1>${w.t('pause.title')}</h1>
<p class="lead">${w.t('pause.lead')}</p>
<p>${w.t('pause.text')}</p>
<form method="post" action="/portal/pause/${token}" class="card">
  <input type="hidden" name="csrf" value="${csrf}">
  <button type="submit">${w.t('pause.title')}</button>
</form>
<p>${say(w, 'pause.seeMore', { link: privacyPage(w) })}</p>`,
  );

/** `at` is when the pause was asked for. */
export const pausedPage = (w: Words, at: Date) =>
  page(
    w,
    w.t('paused.title'),
    html`<h1>${w.t('paused.title')}</h1>
<p class="lead" role="status">${w.t('paused.lead', { at: w.time(at) })}</p>
<p>${say(w, 'pause.seeMore', { link: privacyPage(w) })}</p>`,
  );

export const badLinkPage = (w: Words, why: 'tampered' | 'expired') =>
  page(
    w,
    w.t(why === 'expired' ? 'link.expired.title' : 'link.tampered.title'),
    html`<h1>${w.t(why === 'expired' ? 'link.expired.title' : 'link.tampered.title')}</h1>
<p class="lead">${why === 'expired' ? w.t('pause.expired.text', { n: PAUSE_LINK_DAYS }) : w.t('pause.tampered.text')}</p>
<p>${say(w, 'pause.instead', { link: privacyPage(w) })}</p>`,
  );
