/**
 * The extension's side panel: the panel (`app.ts`) beside the browser's helpdesk tab, reached through the content
 * script, with its settings in `chrome.storage`, and Teach for pages no adapter reads.
 *
 * Opened as `panel.html?tab=N` it stays on tab N instead of following the active tab (a panel in
 * its own window, and the browser tests).
 */
import '../shared/strict-csp.js'; // first: before any schema parses
import { FromContent } from '../shared/messages.js';
import { loadSettings } from '../shared/settings.js';
import { OFF_KEY, TAUGHT_KEY } from '../shared/teach-keys.js';
import { localizePage, t } from '../shared/i18n.js';
import { startPanel } from './app.js';
import type { PanelHost } from './host.js';
import { insertInto, readReply, readTab, removeFrom, replaceIn, requestAccess } from './page.js';
import { mountTeach, refreshTaught } from './teach.js';

const pinnedTab = Number(new URLSearchParams(location.search).get('tab')) || null;

const chromeHost: PanelHost = {
  loadSettings,
  tokenHint: t('conn_hint_options'),
  setup: (_box, settings) => settings !== null && !settings.token,
  readTab,
  insertInto,
  removeFrom,
  readReply,
  replaceIn,
  requestAccess,
  session: {
    get: async (key) => (await chrome.storage.session.get(key))[key],
    set: (key, value) => chrome.storage.session.set({ [key]: value }),
  },
  async beforeRead(tabId, settings) {
    await refreshTaught(tabId, settings); // the approved taught adapter for this site, before the page is read
    void teach.refresh();
  },
  async watch(events) {
    chrome.runtime.onMessage.addListener((message: unknown, sender) => {
      const parsed = FromContent.safeParse(message);
      if (parsed.success && sender.tab?.id !== undefined) events.ticketChanged(sender.tab.id, parsed.data.ticket);
    });
    chrome.tabs.onUpdated.addListener((tabId, info) => info.status === 'complete' && events.newPage(tabId));
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      if ('serverUrl' in changes || 'token' in changes || 'agentName' in changes) events.settingsChanged();
      else if (TAUGHT_KEY in changes || OFF_KEY in changes) events.adaptersChanged();
    });
    if (pinnedTab !== null) return events.follow(pinnedTab);
    const win = await chrome.windows.getCurrent();
    const [tab] = await chrome.tabs.query({ active: true, windowId: win.id! });
    chrome.tabs.onActivated.addListener(({ tabId, windowId }) => windowId === win.id && events.follow(tabId));
    events.follow(tab?.id ?? null);
  },
};

localizePage();
document.getElementById('open-options')!.addEventListener('click', () => void chrome.runtime.openOptionsPage());
const panel = startPanel(chromeHost);
const teach = mountTeach(document.getElementById('teach')!, panel);
