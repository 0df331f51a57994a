/**
 * The demo's German ticket (T-1009) over a real server and real socket.io: the panel gets German suggestions whose
 * every fact sentence says where the data came from in German (not through an English opening), German footnotes with
 * German dates, and German customer notes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factIdsOf, type AssistView } from '../server/protocol/assist.js';
import type { ReplyNotes } from '../server/protocol/events.js';
import { DEMO_TICKETS } from '../server/demo/data.js';
import { seedDemo } from '../server/demo/seed.js';
import { disclosureIn, markersIn, sentences } from '../server/suggest/disclosure.js';
import { startServer, type PanelClient, type TestServer } from '../harness/server.js';

let s: TestServer;
let panel: PanelClient;
let view: AssistView;

beforeAll(async () => {
  s = await startServer();
  await seedDemo(s.store);
  panel = await s.panel();
  const ticket = DEMO_TICKETS.find((t) => t.id === 'T-1009')!;
  view = await new Promise((resolve, reject) =>
    panel.emit(
      'ticket:open',
      {
        ticketId: `demo:${ticket.id}`,
        requesterEmail: ticket.requesterEmail,
        conversation: ticket.messages.map(({ role, text }) => ({ role, text })),
      },
      (answer) => (answer.ok ? resolve(answer.data) : reject(new Error(answer.error.message))),
    ),
  );
});
afterAll(() => s.close());

describe('the German demo ticket', () => {
  it('when it is opened, then its language is detected as German and its order is shown', () => {
    expect(view.context.language).toEqual({ locale: 'de', name: 'German', source: 'detected' });
    expect(view.context.shown.map((f) => f.factId)).toContain('f_jonas_4410');
  });

  it('when suggestions come, then each is German and every sentence citing a fact says so in German', () => {
    const citing = view.suggestions.filter((x) => x.footnotes.length > 0);
    expect(citing.length).toBeGreaterThan(0);
    const shownTexts = view.context.shown.map((f) => f.text);
    for (const suggestion of view.suggestions) {
      expect(suggestion.template.id, suggestion.text).toMatch(/^offline\.de\./);
      for (const sentence of sentences(suggestion.text, shownTexts)) {
        if (markersIn(sentence.text).length === 0) continue;
        expect(disclosureIn('de').test(sentence.text), sentence.text).toBe(true);
        expect(disclosureIn('en').test(sentence.text), sentence.text).toBe(false);
      }
    }
    expect(citing[0]!.text).toContain('Ich sehe in Ihrem Kundenkonto');
  });

  it('when a footnote explains a fact, then it is German with the date in German long form', () => {
    const footnotes = view.suggestions.flatMap((x) => x.footnotes).filter((f) => factIdsOf(f).length > 0);
    expect(footnotes.length).toBeGreaterThan(0);
    for (const f of footnotes) {
      // The consent was given on 1 March 2026.
      expect(f.explanation).toContain('hat am 1. März 2026 erlaubt');
      expect(f.explanation).not.toMatch(/\ballowed\b|\bMarch\b/);
    }
  });

  it('when the agent asks for the customer notes, then they are German too', async () => {
    const citing = view.suggestions.find((x) => x.footnotes.length > 0)!;
    const answer = await new Promise<{ ok: boolean; data?: ReplyNotes }>((resolve) =>
      panel.emit('reply:notes', { ticketId: view.ticketId, suggestionId: citing.id }, resolve),
    );
    expect(answer.ok).toBe(true);
    expect(answer.data!.notes[0]!.text).toContain('Sie uns am 1. März 2026 erlaubt haben');
    expect(answer.data!.footer).toMatch(/^Unter .* können Sie einsehen und ändern/);
  });
});
