/**
 * The content script, injected by the panel into a helpdesk tab the agent gave Candor access to.
 * It reads the open ticket through the matching adapter, tells the panel when it changes, and
 * inserts text into the reply editor when asked. It never sends, submits or clicks anything.
 */
// Types only: zod stays out of a script injected into every helpdesk tab. What this script sends is
// parsed by the panel on arrival; what it receives can only come from the extension itself.
import type { FromContent, TicketSnapshot, ToContent } from '../shared/messages.js';
import type { TaughtStorage, TeachControl, TeachPick } from '../shared/teach-messages.js';
import { OFF_KEY, TAUGHT_KEY } from '../shared/teach-keys.js';
import { pickAdapter } from './adapters/index.js';
import { adapterFor } from './adapters/markup.js';
import type { HelpdeskAdapter } from './adapters/types.js';
import { cancelPick, pick, testOnPage } from './teach.js';
import { watchTicket } from './watch.js';
import { insertWith, readReplyWith, removeWith, replaceWith, snapshotOf } from './ticket.js';

/**
 * The adapter for this page: one an agent taught for this site (their own draft first, else the version an admin
 * approved; written by the panel, which parsed it), else a built-in one not switched off in Options.
 */
async function chooseAdapter(): Promise<HelpdeskAdapter | null> {
  const stored = await chrome.storage.local.get([TAUGHT_KEY, OFF_KEY]).catch(() => ({}) as Record<string, unknown>);
  const site = (stored[TAUGHT_KEY] as TaughtStorage | undefined)?.[location.origin];
  const taught = site?.draft ?? site?.approved;
  const off = Array.isArray(stored[OFF_KEY]) ? (stored[OFF_KEY] as string[]) : [];
  return pickAdapter(document, {
    taught: taught
      ? adapterFor({ id: 'taught', name: taught.name, hosts: [], idFromAddress: true, selectors: taught.selectors })
      : null,
    off,
  });
}

const snapshot = async () => snapshotOf(document, await chooseAdapter());

function start() {
  // This script's life: it ends when the extension is reloaded or removed (its context is then
  // invalidated), so an orphaned script stops watching the page.
  const life = new AbortController();
  const onMessage = (
    message: ToContent | TeachPick | TeachControl,
    _sender: chrome.runtime.MessageSender,
    reply: (answer: unknown) => void,
  ) => {
    if (message.type === 'candor:teach-pick') void pick(document, message).then(reply);
    else if (message.type === 'candor:teach-test') void testOnPage(document, message.given).then(reply);
    else if (message.type === 'candor:teach-cancel') {
      cancelPick();
      return;
    } else if (message.type === 'candor:read')
      void snapshot().then((ticket) => reply({ type: 'candor:ticket', ticket } satisfies FromContent));
    else if (message.type === 'candor:insert')
      void chooseAdapter().then((adapter) => insertWith(document, adapter, message.text).then(reply));
    else if (message.type === 'candor:remove')
      void chooseAdapter().then((adapter) => removeWith(document, adapter, message.sentences).then(reply));
    else if (message.type === 'candor:read-reply')
      void chooseAdapter().then((adapter) => reply(readReplyWith(document, adapter)));
    else if (message.type === 'candor:replace')
      void chooseAdapter().then((adapter) =>
        replaceWith(document, adapter, message.sentence, message.text).then(reply),
      );
    else return;
    return true; // the answer comes asynchronously
  };
  chrome.runtime.onMessage.addListener(onMessage);
  life.signal.addEventListener('abort', () => chrome.runtime.onMessage.removeListener(onMessage), { once: true });

  watchTicket(document, life.signal, {
    read: snapshot,
    changed(ticket) {
      if (!chrome.runtime?.id) return life.abort(); // the extension is gone
      chrome.runtime
        .sendMessage({ type: 'candor:ticket', ticket: ticket as TicketSnapshot | null } satisfies FromContent)
        .catch(() => undefined); // no panel open: nobody to tell
    },
  });
}

// The panel injects this file each time it looks at the tab; the first injection does the work.
const marker = globalThis as { __candorContent?: true };
if (!marker.__candorContent) {
  marker.__candorContent = true;
  start();
}
