/**
 * Where the panel runs. The same panel code (`app.ts`) runs in two places: Chrome's side panel beside a helpdesk tab
 * (`main.ts`, through the content script), and the /demo page's preview beside the demo helpdesk (`demo.ts`, on the
 * page it sits in). What differs is here: where settings live, how a page is read and written, and what tells the
 * panel that something changed.
 */
import type { InsertResult, RemoveResult, ReplaceResult, ReplyRead, TicketSnapshot } from '../shared/messages.js';
import type { Settings } from '../shared/settings.js';

/** What the panel found in the tab it follows. */
export type PageState =
  | { kind: 'ticket'; ticket: TicketSnapshot }
  | { kind: 'no-ticket' }
  | { kind: 'no-access'; origin: string | null }
  | { kind: 'not-a-web-page' };

export interface HostEvents {
  /** Follow this tab from now on (null: none). Called once at start, then on every switch. */
  follow(tabId: number | null): void;
  /** The page in the followed tab says its ticket changed (null: it shows none). */
  ticketChanged(tabId: number, ticket: TicketSnapshot | null): void;
  /** The followed tab loaded a new page. */
  newPage(tabId: number): void;
  /** The server, token or agent name changed: connect again. */
  settingsChanged(): void;
  /** How the page is read changed (a taught adapter, a built-in one switched off): read it again. */
  adaptersChanged(): void;
}

export interface PanelHost {
  loadSettings(): Promise<Settings>;
  /** What the agent should do about a refused token, as a sentence. */
  tokenHint: string;
  /**
   * Fills the setup box (how the agent gives Candor a token) and says whether it shows; called on every render.
   * `restart` connects again once the settings changed.
   */
  setup(box: HTMLElement, settings: Settings | null, restart: () => void): boolean;
  readTab(tabId: number): Promise<PageState>;
  insertInto(tabId: number, text: string): Promise<InsertResult>;
  removeFrom(tabId: number, sentences: string[]): Promise<RemoveResult>;
  /** The reply box's plain text, for "Check my reply". */
  readReply(tabId: number): Promise<ReplyRead>;
  /** Puts `text` where `sentence` is in the reply box (the agent applied a rephrasing). */
  replaceIn(tabId: number, sentence: string, text: string): Promise<ReplaceResult>;
  /** Asks (the agent sees a prompt) for access to one site; runs in a click handler. */
  requestAccess(origin: string): Promise<boolean>;
  /** Keeps a value for this browser session, so a panel opened again still knows what was inserted. */
  session: { get(key: string): Promise<unknown>; set(key: string, value: unknown): Promise<void> };
  /** Before the panel reads a tab it now follows (the extension fetches the taught adapter for its site). */
  beforeRead?(tabId: number | null, settings: Settings | null): Promise<void>;
  /** Starts telling the panel what changed; the first `follow` comes from here. */
  watch(events: HostEvents): Promise<void>;
}
