/**
 * Customer notes for a reply (`suggest/customer-notes.ts` writes and guards them): the lead's setting, and the notes
 * for a suggestion of an open ticket, checked against the customer's consents as they are when the agent inserts.
 */
import { CustomerNotesSetting } from '../protocol/api.js';
import type { Suggestion } from '../protocol/assist.js';
import type { ReplyNotes } from '../protocol/events.js';
import type { Store } from '../store/types.js';
import { AppError } from '../errors.js';
import { composeNotes, guardNotes, type NoteLinks } from '../suggest/customer-notes.js';
import { currentContext, type AssistDeps, type OpenTicket } from './service.js';

export const NOTES_KEY = 'customer-notes';

/** Offered, unticked, until a lead decides otherwise: nothing is added to a reply unless the agent asks for it. */
export async function notesSetting(store: Store): Promise<CustomerNotesSetting> {
  const value = await store.settings.get(NOTES_KEY);
  return value === null ? { mode: 'ask' } : CustomerNotesSetting.parse(value);
}

export async function notesFor(
  deps: AssistDeps,
  ticket: OpenTicket,
  suggestion: Suggestion,
  links: () => NoteLinks,
): Promise<ReplyNotes> {
  if ((await notesSetting(deps.store)).mode === 'off')
    throw new AppError('notes_off', 'your team lead has turned customer notes off', 409, []);
  const ctx = await currentContext(deps, ticket);
  const notes = composeNotes(suggestion, ctx, deps.settings, links());
  if (!notes)
    throw new AppError(
      'notes_unavailable',
      'no customer-note templates are published (kinds customer-note and customer-notes-footer)',
      409,
      [],
    );
  const violations = guardNotes(suggestion, notes, ctx);
  if (violations.length) {
    deps.log.warn('customer notes refused', { codes: violations.map((v) => v.code), ticket: ticket.ticketId });
    throw new AppError(
      'notes_refused',
      "the customer's consents no longer permit what this reply uses, so Candor writes no notes for it",
      409,
      ['suggestionId'],
    );
  }
  return notes;
}
