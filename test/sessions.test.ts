/**
 * The recorded sessions in prompts/sessions/ (the gate suite) cover every rule of the policy; this pins what each turn
 * must show and withhold, so a session that silently stopped exercising its rule fails here.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../server/config.js';
import { loadAssistSettings } from '../server/assist/settings.js';
import { replayTargets } from '../server/replay/run.js';
import { offlineEngine } from '../server/suggest/engine.js';
import { detectLocale } from '../server/context/language.js';

const settings = loadAssistSettings(parseConfig({}));
const report = await replayTargets(
  [path.resolve(import.meta.dirname, '../prompts/sessions')],
  settings,
  offlineEngine(settings),
);

type Expect = [turn: number, shown: string[], withheld: [string, string][]];

/** The sessions in another language than English, each an order question with its consent withdrawn mid-session. */
const IN_LANGUAGE: Record<string, string> = {
  'german-order-consent-withdrawn': 'de',
  'french-order-consent-withdrawn': 'fr',
  'spanish-order-consent-withdrawn': 'es',
  'dutch-order-consent-withdrawn': 'nl',
};
const expected: Record<string, Expect[]> = {
  'blender-warranty': [[0, ['f1/k1'], [['user.contact.address.street', 'no_consent']]]],
  'expired-consent': [
    [0, ['f1/k1'], []],
    [2, [], [['user.behavior.purchase_history', 'expired']]],
  ],
  'purpose-must-fit': [[0, ['f2/k2'], [['user.contact.email', 'no_consent']]]],
  'category-boundary': [[0, ['f1/k1', 'f3/k1'], [['user.contact.address.street', 'no_consent']]]],
  'special-needs-explicit': [
    [0, ['f3/k2', 'f2/k1'], [['user.demographic.religious_belief', 'needs_explicit_consent']]],
  ],
  'sensitive-needs-explicit': [
    [0, ['f2/k1'], [['user.health_and_medical', 'needs_explicit_consent']]],
    [2, ['f1/k2', 'f2/k1'], []],
  ],
  'never-shown-credentials': [[0, ['f2/k1'], [['user.authorization.password', 'never_shown']]]],
  'opted-out-mid-session': [
    [0, ['f1/k1'], []],
    [2, [], [['user.behavior.purchase_history', 'opted_out']]],
  ],
  'gpc-signal': [[2, [], [['user.behavior.purchase_history', 'opted_out']]]],
  'gpc-from-the-start': [[0, [], [['user.behavior.purchase_history', 'opted_out']]]],
  'fact-erased-and-added': [
    [0, ['f1/k1'], []],
    [3, ['f2/k1'], []],
  ],
  'denied-future-and-regranted': [
    [0, ['f1/k1'], [['user.contact.address.street', 'no_consent']]],
    [
      2,
      [],
      [
        ['user.behavior.purchase_history', 'withdrawn'],
        ['user.contact.address.street', 'no_consent'],
      ],
    ],
    [4, ['f1/k1'], [['user.contact.address.street', 'no_consent']]],
  ],
  'withdrawn-mid-session': [
    [0, ['f1/k1', 'f2/k2'], []],
    [2, ['f2/k2'], [['user.behavior.purchase_history', 'withdrawn']]],
  ],
  'help-centre-returns-updated-and-retired': [
    [0, ['f1/k1'], [['user.contact.address.street', 'no_consent']]],
    [3, ['f1/k1'], [['user.contact.address.street', 'no_consent']]],
    [5, ['f1/k1'], [['user.contact.address.street', 'no_consent']]],
  ],
  'help-centre-nothing-matches': [[0, ['f1/k1'], [['user.contact.address.street', 'no_consent']]]],
  'help-centre-only-internal-matches': [[0, ['f1/k1'], [['user.contact.address.street', 'no_consent']]]],
  'privacy-requests': [
    [0, ['f1/k1'], []],
    [2, ['f1/k1'], []],
  ],
  ...Object.fromEntries(
    Object.keys(IN_LANGUAGE).map((id) => [
      id,
      [
        [0, ['f1/k1', 'f2/k2'], []],
        [2, ['f2/k2'], [['user.behavior.purchase_history', 'withdrawn']]],
      ],
    ]),
  ),
};

/** The privacy requests the detector finds per customer turn ("kind/lang"); every turn not named here has none. */
const requests: Record<string, Record<number, string[]>> = {
  'opted-out-mid-session': { 2: ['opt_out/en'] }, // "please stop using my data for anything"
  'privacy-requests': { 0: ['access/de', 'erasure/de'] },
};

/** Per session and customer turn: the articles listed, and the article versions the suggestions cite. */
const articles: Record<string, [turn: number, listed: string[], cited: string[]][]> = {
  'help-centre-returns-updated-and-retired': [
    [0, ['returns-policy@2026-10-01'], ['returns-policy@2026-10-01']],
    [3, ['returns-policy@2026-11-25', 'refund-exceptions@2026-11-02'], ['returns-policy@2026-11-25']],
    [5, ['refund-exceptions@2026-11-02'], []],
  ],
  'help-centre-nothing-matches': [[0, [], []]],
  'help-centre-only-internal-matches': [[0, ['refund-exceptions@2026-11-02'], []]],
};

describe('the recorded sessions', () => {
  it('replay with no violation', () => {
    expect(report.sessions.flatMap((s) => s.violations.map((v) => `${s.id}: ${v.code}`))).toEqual([]);
  });

  for (const [id, turns] of Object.entries(expected)) {
    it(`${id} shows and withholds what the policy says`, () => {
      const session = report.sessions.find((s) => s.id === id);
      expect(session, `session ${id}`).toBeDefined();
      for (const [turn, shown, withheld] of turns) {
        const t = session!.turns.find((x) => x.turn === turn)!;
        expect(
          t.context.shown.map((f) => `${f.factId}/${f.consentId}`),
          `${id} turn ${turn} shown`,
        ).toEqual(shown);
        expect(
          t.context.withheld.map((w) => [w.category, w.reason]),
          `${id} turn ${turn} withheld`,
        ).toEqual(withheld);
      }
    });
  }

  for (const [id, turns] of Object.entries(articles)) {
    it(`${id} cites the public article in force at its version, nothing internal, nothing after retirement`, () => {
      const session = report.sessions.find((s) => s.id === id)!;
      for (const [turn, listed, cited] of turns) {
        const t = session.turns.find((x) => x.turn === turn)!;
        expect(
          t.context.articles.map((a) => `${a.articleId}@${a.updated}`),
          `${id} turn ${turn} listed`,
        ).toEqual(listed);
        const citations = t.suggestions.flatMap((x) =>
          x.footnotes.flatMap((f) => ('articleId' in f ? [`${f.articleId}@${f.articleUpdated}`] : [])),
        );
        expect(citations, `${id} turn ${turn} cited`).toEqual(cited);
        expect(JSON.stringify(t.suggestions)).not.toMatch(/goodwill|team lead may approve|one-off decision/i);
      }
    });
  }

  for (const [id, locale] of Object.entries(IN_LANGUAGE)) {
    it(`${id} is answered in its language (${locale}) at every turn, a fact cited only while permitted`, () => {
      const session = report.sessions.find((s) => s.id === id)!;
      for (const t of session.turns) {
        for (const x of t.suggestions) expect(detectLocale([{ role: 'customer', text: x.text }]), x.text).toBe(locale);
        expect(t.suggestions.some((x) => x.footnotes.length > 0)).toBe(t.turn === 0);
      }
    });
  }

  it('finds the privacy requests the sessions hold, per customer turn, and none in ordinary support', () => {
    const found = report.sessions.flatMap((sn) =>
      sn.turns.map((t) => [`${sn.id} turn ${t.turn}`, t.requests.map((r) => `${r.kind}/${r.lang}`)] as const),
    );
    const want = report.sessions.flatMap((sn) =>
      sn.turns.map((t) => [`${sn.id} turn ${t.turn}`, requests[sn.id]?.[t.turn] ?? []] as const),
    );
    expect(found).toEqual(want);
    expect(found.filter(([, r]) => r.length).length).toBe(2);
  });

  // A recording a lead added (`rec-…`, see README "Recording sessions") is held to the replay's checks above, not to
  // pins.
  it('every hand-written session in the folder has expectations here', () => {
    expect(
      report.sessions
        .map((s) => s.id)
        .filter((id) => !id.startsWith('rec-'))
        .sort(),
    ).toEqual(Object.keys(expected).sort());
  });
});
