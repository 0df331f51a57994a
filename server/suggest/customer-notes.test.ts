/**
 * Customer notes: written from the shipped templates for a reply's footnotes, and their guard, on a context built by
 * the real `buildContext` with the real settings; as a property, no note or last line ever holds a withheld value.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContext, type ContextInput } from '../context/view.js';
import { loadAssistSettings } from '../assist/settings.js';
import { parseConfig, ROOT } from '../config.js';
import { checkTemplateSet, readTemplateFiles } from '../templates/templates.js';
import { phrasingFrom } from '../templates/phrasing.js';
import type { StoredFact } from '../store/types.js';
import type { Suggestion } from '../protocol/assist.js';
import { composeNotes, guardNotes } from './customer-notes.js';

const settings = loadAssistSettings(parseConfig({}));
const FOR_SUPPORT = '"Essential for Operations Support" on 1 March 2026.';
const LINKS = { portal: 'https://shop.example/portal/start', pause: 'https://shop.example/portal/pause/abc' };

const ORDER: StoredFact = {
  id: 'f-order',
  category: 'user.behavior.purchase_history',
  text: 'Blender Pro 3000, order #1042',
  value: { sku: 'BLP-3000' },
  source: 'orders',
  collectedAt: '2025-11-14T10:00:00.000Z',
};
const PHONE: StoredFact = {
  id: 'f-phone',
  category: 'user.contact.phone_number',
  text: 'Mobile 07700 900123',
  value: null,
  source: 'crm',
  collectedAt: '2025-10-01T10:00:00.000Z',
};
const ADDRESS: StoredFact = {
  id: 'f-address',
  category: 'user.contact.address.street',
  text: '12 Harbour Road, Portsmouth',
  value: { street: '12 Harbour Road' },
  source: 'crm',
  collectedAt: '2025-10-01T10:00:00.000Z',
};
const granted = (id: string, categories: string[]) => ({
  id,
  purpose: 'essential.service.operations.support',
  status: 'granted' as const,
  categories,
  at: '2026-03-01T09:00:00.000Z',
  expiresAt: null,
  source: 'checkout',
  withdrawnAt: null,
});
const input = (facts: StoredFact[] = [ORDER, PHONE, ADDRESS]): ContextInput => ({
  customer: { id: 'c-1', displayName: 'Ada Lovelace' },
  facts,
  consents: [
    granted('k-orders', ['user.behavior.purchase_history']),
    granted('k-phone', ['user.contact.phone_number']),
  ],
  flags: { optedOut: false, gpc: false },
  conversation: [{ role: 'customer', text: 'My blender order and my phone number' }],
  now: Date.parse('2026-04-01T12:00:00.000Z'),
});
const ctx = buildContext(input(), settings);

const reply = (footnotes: { marker: number; factId: string; consentId: string }[]): Suggestion => ({
  id: 's',
  text: `I can see on your account ${footnotes.map((f) => `that you have ${f.factId} [${f.marker}]`).join(' and ')}.`,
  footnotes: footnotes.map((f) => ({
    marker: f.marker,
    factIds: [f.factId],
    consentId: f.consentId,
    explanation: 'x',
  })),
  template: { id: 't', version: 1 },
  modelCall: null,
});

/** The shipped templates with one file's text replaced. */
function withTemplate(file: string, source: string) {
  const entries = readTemplateFiles(path.join(ROOT, 'prompts')).map((e) => (e.file === file ? { ...e, source } : e));
  return { ...settings, phrasing: phrasingFrom(checkTemplateSet(entries, 'draft')) };
}

describe('customer notes', () => {
  it('when a reply cites two facts, then each footnote has its note, in marker order, and the last line links', () => {
    const s = reply([
      { marker: 2, factId: 'f-phone', consentId: 'k-phone' },
      { marker: 1, factId: 'f-order', consentId: 'k-orders' },
    ]);
    const notes = composeNotes(s, ctx, settings, LINKS)!;
    expect(notes.notes).toEqual([
      {
        marker: 1,
        text: `From your purchase history, which you allowed us to use for ${FOR_SUPPORT}`,
      },
      {
        marker: 2,
        text: `From your phone number, which you allowed us to use for ${FOR_SUPPORT}`,
      },
    ]);
    expect(notes.footer).toContain(`at ${LINKS.portal},`);
    expect(notes.footer).toMatch(/one click: https:\/\/shop\.example\/portal\/pause\/abc$/);
    expect(guardNotes(s, notes, ctx)).toEqual([]);
  });

  it('when a reply cites no fact, then it has no notes, only the last line', () => {
    const notes = composeNotes(reply([]), ctx, settings, LINKS)!;
    expect(notes.notes).toEqual([]);
  });

  it('when the templates folder has no customer-note templates, then notes are not offered', () => {
    const none = { ...settings, phrasing: phrasingFrom(settings.phrasing.templates.filter((t) => t.kind === 'fact')) };
    expect(composeNotes(reply([]), ctx, none, LINKS)).toBeNull();
  });

  it('when a footnote cites a withdrawn fact, then the suggestion guard refuses the notes too', () => {
    const s = reply([{ marker: 1, factId: 'f-order', consentId: 'k-orders' }]);
    const notes = composeNotes(s, ctx, settings, LINKS)!;
    const withdrawn = buildContext(
      {
        ...input(),
        consents: [
          { ...granted('k-orders', ['user.behavior.purchase_history']), withdrawnAt: '2026-03-20T00:00:00.000Z' },
        ],
      },
      settings,
    );
    expect(guardNotes(s, notes, withdrawn).map((v) => v.code)).toContain('footnote_cites_unshown_fact');
  });

  it('when a lead writes a note naming another shown fact, or a last line naming any, then the guard refuses', () => {
    const s = reply([{ marker: 1, factId: 'f-order', consentId: 'k-orders' }]);
    const note = withTemplate(
      'offline/customer-note.liquid',
      readTemplateFiles(path.join(ROOT, 'prompts'))
        .find((e) => e.file === 'offline/customer-note.liquid')!
        .source.replace('From your', 'Mobile 07700 900123. From your'),
    );
    expect(guardNotes(s, composeNotes(s, ctx, note, LINKS)!, ctx).map((v) => v.code)).toEqual([
      'note_names_unused_fact',
    ]);
    const marker = { ...composeNotes(s, ctx, settings, LINKS)!, notes: [{ marker: 3, text: 'From somewhere.' }] };
    expect(guardNotes(s, marker, ctx).map((v) => v.code)).toEqual(['note_without_footnote']);
    const footer = {
      ...composeNotes(s, ctx, settings, LINKS)!,
      footer: 'About Blender Pro 3000, order #1042: see above.',
    };
    expect(guardNotes(s, footer, ctx).map((v) => v.code)).toEqual(['footer_names_fact']);
  });

  it('whatever a note or the last line says, then a withheld value in it is refused', () => {
    const s = reply([{ marker: 1, factId: 'f-order', consentId: 'k-orders' }]);
    const base = composeNotes(s, ctx, settings, LINKS)!;
    fc.assert(
      fc.property(
        fc.constantFrom(ADDRESS.text, '12 Harbour Road'),
        fc.string({ maxLength: 30 }),
        fc.boolean(),
        (withheld, around, inFooter) => {
          const text = `${around}${withheld}${around}`;
          const notes = inFooter ? { ...base, footer: text } : { ...base, notes: [{ marker: 1, text }] };
          return guardNotes(s, notes, ctx).some((v) => v.code === 'withheld_value');
        },
      ),
    );
  });
});
