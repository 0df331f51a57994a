/**
 * A panel that lost its server says so above everything it shows: the facts and suggestions are
 * greyed (they may be out of date) and Insert is off until the connection is back. Applied after
 * each render, so render.ts stays a picture of the view alone.
 */
import type { ConnectionState } from './connection.js';

export const OFFLINE_TEXT = 'Not connected to Candor: what you see may be out of date; Insert is off until it is back.';

export function showOffline(banner: HTMLElement, view: HTMLElement, connection: ConnectionState) {
  const stale = connection.kind !== 'connected' && view.childElementCount > 0;
  banner.hidden = !stale;
  if (banner.textContent !== (stale ? OFFLINE_TEXT : '')) banner.textContent = stale ? OFFLINE_TEXT : '';
  view.classList.toggle('stale', stale);
  if (!stale) return;
  for (const b of view.querySelectorAll<HTMLButtonElement>('.suggestion button.primary')) {
    b.disabled = true;
    b.title = 'Not connected to Candor: Insert is off until it is back';
  }
}
