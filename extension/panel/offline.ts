/**
 * A panel that lost its server says so above everything it shows: the facts and suggestions are
 * greyed (they may be out of date) and Insert is off until the connection is back. Applied after
 * each render, so render.ts stays a picture of the view alone.
 */
import { t } from '../shared/i18n.js';
import type { ConnectionState } from './connection.js';

export function showOffline(banner: HTMLElement, view: HTMLElement, connection: ConnectionState) {
  const stale = connection.kind !== 'connected' && view.childElementCount > 0;
  banner.hidden = !stale;
  const text = stale ? t('offline_banner') : '';
  if (banner.textContent !== text) banner.textContent = text;
  view.classList.toggle('stale', stale);
  if (!stale) return;
  for (const b of view.querySelectorAll<HTMLButtonElement>('.suggestion button.primary')) {
    b.disabled = true;
    b.title = t('offline_insert_off');
  }
}
