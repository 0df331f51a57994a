/**
 * The helpdesk adapters as the server knows them: their ids and names, the fields an adapter looks
 * for, and the report a panel sends when a recognised helpdesk page lacks one ("adapter lost").
 * A report names the adapter and the field and nothing else: no address, ticket, text or time
 * from the page. The server dates it by its own clock.
 */
import { z } from 'zod';

/** `taught`: an adapter an agent taught Candor on a helpdesk page and an admin approved, kept per site. */
export const ADAPTER_IDS = ['demo', 'zendesk', 'freshdesk', 'helpscout', 'intercom', 'front', 'rt', 'taught'] as const;
export const AdapterId = z.enum(ADAPTER_IDS);
export type AdapterId = z.infer<typeof AdapterId>;

/** As people read them (the extension's adapters carry the same names; a test keeps them equal). */
export const ADAPTER_NAMES: Record<AdapterId, string> = {
  demo: 'Candor demo helpdesk',
  zendesk: 'Zendesk Agent Workspace',
  freshdesk: 'Freshdesk',
  helpscout: 'Help Scout',
  intercom: 'Intercom inbox',
  front: 'Front',
  rt: 'Request Tracker 5',
  taught: 'team-taught',
};

/** What an adapter reads from a ticket page and can fail to find. */
export const LOST_FIELDS = ['requester', 'conversation', 'replyBox'] as const;
export const LostField = z.enum(LOST_FIELDS);
export type LostField = z.infer<typeof LostField>;

/** "Candor's Help Scout adapter did not find the conversation": the field in words. */
export const LOST_FIELD_WORDS: Record<LostField, string> = {
  requester: "the requester's e-mail",
  conversation: 'the conversation',
  replyBox: 'the reply box',
};

/** `adapter:miss`: one field one adapter did not find on one ticket page the agent viewed. */
export const AdapterMiss = z.strictObject({ adapter: AdapterId, field: LostField });
export type AdapterMiss = z.infer<typeof AdapterMiss>;

/** `GET /adapters/health`: misses per adapter and field, counted per day at the server's clock (UTC). */
export interface AdapterHealthRow {
  adapter: AdapterId;
  name: string;
  field: LostField;
  /** When a panel last reported the field missing (the server's time of the report). */
  lastMissingAt: string;
  today: number;
  last7Days: number;
}
export interface AdapterHealth {
  /** The server's day (UTC) the counts end on. */
  day: string;
  /** Newest miss first; only adapter/field pairs that were ever missed. */
  misses: AdapterHealthRow[];
}
