/**
 * Watching a helpdesk page for its ticket changing, until `signal` aborts (then the observer is
 * disconnected and no timer is left). Helpdesks are single-page apps: the DOM is watched, and the
 * panel told only when what the adapter reads changed. A navigation inside the helpdesk (a new
 * address, with no page load) ends the watch and starts a fresh one, so nothing read for one
 * ticket carries over to the next.
 */
export interface Watch {
  /** Reads the page's ticket (null when there is none). */
  read(): Promise<unknown>;
  /** Called with each reading that differs from the one before it. */
  changed(ticket: unknown): void;
}

/** Mutations settle for this long before the page is read again. */
const SETTLE_MS = 200;

export function watchTicket(doc: Document, signal: AbortSignal, w: Watch): void {
  let page = new AbortController();
  const watchAddress = () => {
    page.abort();
    page = new AbortController();
    watchOnePage(doc, AbortSignal.any([signal, page.signal]), w);
  };
  let address = doc.location.href;
  const observer = new MutationObserver(() => {
    if (doc.location.href === address) return;
    address = doc.location.href;
    watchAddress();
  });
  observer.observe(doc.documentElement, { subtree: true, childList: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  watchAddress();
}

function watchOnePage(doc: Document, signal: AbortSignal, w: Watch) {
  let last: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  const report = async () => {
    const mine = ++latest;
    const ticket = await w.read();
    const key = JSON.stringify(ticket);
    // Aborted meanwhile, or a later reading has started: it speaks for the page.
    if (signal.aborted || mine !== latest || key === last) return;
    last = key;
    w.changed(ticket);
  };
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => void report(), SETTLE_MS);
  });
  observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
  void report();
}
