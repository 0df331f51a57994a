/** "Who your data goes to" as the customer reads it: words, not keys; every time through the one formatter. */
import { describe, expect, it } from 'vitest';
import { formatDayAndTime } from '../dates.js';
import { wordsFor } from '../i18n/translate.js';
import { recipientsSection } from './recipients-section.js';
import { modelProvider, type RecipientShown } from './recipients.js';

const READER = { controller: 'Candor demo shop', askAt: 'privacy@example.org', words: wordsFor('en') };
const text = (h: { text: string }) =>
  h.text
    .replace(/<\/(dt|dd)>/g, ' ') // a term and its description read apart
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const HELPDESK: RecipientShown = {
  name: 'Example Helpdesk Ltd',
  role: 'joint controller',
  purpose: 'Hosts our helpdesk',
  where: 'Ireland (EU)',
  agreement: 'https://helpdesk.example.com/dpa',
  modelHost: null,
  sent: null,
};

describe('who your data goes to', () => {
  it('when no one is registered and no model is used, then the section says so', () => {
    expect(text(recipientsSection([], READER))).toBe(
      'Who your data goes to Candor demo shop lists no one outside itself who receives your data for support.',
    );
  });

  it('when a recipient is registered, then its role is in words and its agreement is a link', () => {
    const section = recipientsSection([HELPDESK], READER);
    expect(text(section)).toContain(
      'Their role Decides together with us how your data is used (a joint controller) ' +
        'What they do with it Hosts our helpdesk Where Ireland (EU) Agreement Our agreement with Example Helpdesk Ltd',
    );
    expect(section.text).toContain(
      '<a href="https://helpdesk.example.com/dpa">Our agreement with Example Helpdesk Ltd</a>',
    );
    expect(text(section)).not.toMatch(/joint_controller|tickets/);
  });

  it('when the model provider is not registered, then where and the agreement say whom to ask', () => {
    const section = recipientsSection([{ ...modelProvider('api.openai.com'), sent: [] }], READER);
    expect(text(section)).toContain('Where Not stated yet; ask us at privacy@example.org');
    expect(text(section)).toContain('None of your support tickets has been sent to them.');
  });

  it('when tickets went to it, then each is listed with what went and when, and a long list is cut', () => {
    const at = ['2026-12-03T10:00:00Z', '2026-12-01T09:30:00Z'];
    const sent = [
      { ticketId: 'T-1', at, categories: ['purchase history', 'street'] },
      { ticketId: null, at: [at[1]!], categories: [] },
      ...Array.from({ length: 20 }, (_, i) => ({ ticketId: `T-old-${i}`, at: [at[1]!], categories: [] })),
    ];
    const shown = text(recipientsSection([{ ...modelProvider('api.openai.com'), sent }], READER));
    expect(shown).toContain(
      'Ticket T-1: the conversation and your purchase history and street, 2 times, ' +
        `from ${formatDayAndTime(at[1]!)} to ${formatDayAndTime(at[0]!)}.`,
    );
    expect(shown).toContain(
      'Tickets no longer named (their details were erased at your request): ' +
        `the conversation, on ${formatDayAndTime(at[1]!)}.`,
    );
    expect(shown).toContain('T-old-17');
    expect(shown).not.toContain('T-old-18');
    expect(shown).toContain('And 2 earlier tickets: your download lists them all.');
  });

  it('when a name or a ticket id holds markup, then it is text', () => {
    const section = recipientsSection(
      [
        {
          ...HELPDESK,
          name: '<img src=x>',
          sent: [{ ticketId: '<b>T</b>', at: ['2026-12-01T00:00:00Z'], categories: [] }],
        },
      ],
      READER,
    );
    expect(section.text).not.toMatch(/<img|<b>/);
    expect(section.text).toContain('&lt;img src=x&gt;');
  });
});
