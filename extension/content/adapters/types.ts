/**
 * One module per helpdesk. An adapter only reads the page and writes into its reply editor; it
 * never clicks, submits or sends anything.
 */
import type {
  AdapterId,
  InsertResult,
  RemoveResult,
  ReplaceResult,
  ReplyRead,
  TicketSnapshot,
} from '../../shared/messages.js';

export interface HelpdeskAdapter {
  id: AdapterId;
  /** As the options page lists it. */
  name: string;
  /**
   * Match patterns of the helpdesk's real hosts: what the options page asks permission for when
   * the agent enables it. Detection itself goes by the page's markup, not its host.
   */
  hosts: readonly string[];
  /**
   * Set (to the reason, in words) when no current public source corroborates the adapter's markup:
   * Options says so beside it.
   */
  experimental?: string;
  /** True when this document is this helpdesk's agent UI (by markup that identifies it). */
  detect(doc: Document): boolean;
  /**
   * The open ticket, or null when the page shows none (an inbox list, a settings page). Asynchronous
   * because some helpdesks keep part of a ticket on another of their pages (RT's reply page).
   */
  read(doc: Document): Promise<Omit<TicketSnapshot, 'adapter'> | null>;
  /** Put `text` into the reply editor the way that editor accepts it. Never sends. */
  insert(doc: Document, text: string): Promise<InsertResult>;
  /** Take these sentences, as inserted, out of the reply editor through the editor's own input path (`remove.ts`). */
  remove(doc: Document, sentences: readonly string[]): Promise<RemoveResult>;
  /** The reply editor's plain text, as the agent would send it (`reply.ts`). */
  readReply(doc: Document): ReplyRead;
  /** Put `text` where `sentence` is in the reply editor, through the editor's own input path (`replace.ts`). */
  replace(doc: Document, sentence: string, text: string): Promise<ReplaceResult>;
}
