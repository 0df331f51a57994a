/** The publish gate: the suite in prompts/sessions replayed with a draft set beside the live one. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, ROOT } from '../config.js';
import { loadAssistSettings } from '../assist/settings.js';
import { checkTemplateSet, readTemplateFiles } from '../templates/templates.js';
import { gateSessions, runGate, withTemplates } from './gate.js';
import { TemplateLimitError } from '../templates/limits.js';

const PROMPTS = path.join(ROOT, 'prompts');
const GATE = path.join(PROMPTS, 'sessions');
const live = loadAssistSettings(parseConfig({}), PROMPTS);

/** The shipped templates with one file's text changed by `edit`. */
function draft(file: string, edit: (source: string) => string) {
  const entries = readTemplateFiles(PROMPTS).map((e) => (e.file === file ? { ...e, source: edit(e.source) } : e));
  const changed = entries.find((e) => e.file === file)!;
  expect(changed.source, 'the edit changed nothing').not.toBe(
    readTemplateFiles(PROMPTS).find((e) => e.file === file)!.source,
  );
  return withTemplates(live, checkTemplateSet(entries, 'draft'));
}

describe('runGate', () => {
  it('when the draft is the live set, then it passes with no differences', async () => {
    expect(await runGate(GATE, live, live)).toEqual({ ok: true, violations: [], differences: [] });
  });

  it(
    'when a draft drops the footnote marker, then it fails with violations ' + 'naming session, file and turn',
    async () => {
      const result = await runGate(
        GATE,
        live,
        draft('offline/fact-purchase.liquid', (s) => s.replace(' [{{ fact.marker }}]', '')),
      );
      expect(result.ok).toBe(false);
      expect(result.violations).toContainEqual({
        sessionId: 'blender-warranty',
        file: 'blender-warranty.json',
        turn: 0,
        code: expect.any(String),
        message: expect.stringContaining('offline.fact.purchase'),
      });
      expect(result.violations.every((v) => v.file.endsWith('.json') && !path.isAbsolute(v.file))).toBe(true);
    },
  );

  it('when a draft customer note names a withheld value, then the gate blocks it like any template', async () => {
    const result = await runGate(
      GATE,
      live,
      draft('offline/customer-note.liquid', (s) =>
        s.replace('From your', 'Shipped to 12 Harbour Road, Portlow. From your'),
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.violations).toContainEqual(
      expect.objectContaining({
        sessionId: 'blender-warranty',
        turn: 0,
        code: 'withheld_value',
        message: expect.stringContaining('the customer notes for a suggestion'),
      }),
    );
  });

  it('when a draft drops the source disclosure, then the guard catches it as a violation', async () => {
    const result = await runGate(
      GATE,
      live,
      draft('offline/fact-purchase.liquid', (s) =>
        s.replace('I can see on your account that you ordered', 'You ordered'),
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.violations).toContainEqual(
      expect.objectContaining({
        sessionId: 'blender-warranty',
        turn: 0,
        message: expect.stringContaining('does not say where the data came from'),
      }),
    );
  });

  it('when a draft of a German template drops its source disclosure, then the German session blocks it', async () => {
    const result = await runGate(
      GATE,
      live,
      draft('offline/de/fact-purchase.liquid', (s) =>
        s.replace('Ich sehe in Ihrem Kundenkonto, dass Sie Folgendes bestellt haben:', 'Sie haben bestellt:'),
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.violations).toContainEqual(
      expect.objectContaining({
        sessionId: 'german-order-consent-withdrawn',
        turn: 0,
        code: 'no_source_disclosure',
      }),
    );
    // Only sessions in German speak with the German template; the English ones keep the English template.
    expect(result.violations.some((v) => v.sessionId === 'blender-warranty')).toBe(false);
  });

  it('when a draft only rewords, then it passes and lists each changed turn with the old and new texts', async () => {
    const result = await runGate(
      GATE,
      live,
      draft('offline/fact-purchase.liquid', (s) => s.replace('that you ordered', 'that you bought')),
    );
    expect(result.ok).toBe(true);
    expect(result.violations).toEqual([]);
    expect(result.differences.length).toBeGreaterThan(0);
    const first = result.differences.find((d) => d.sessionId === 'blender-warranty' && d.turn === 0)!;
    expect(first).toMatchObject({ title: expect.any(String), customerText: expect.stringMatching(/\w/) });
    expect(first.live).toEqual([expect.stringContaining('that you ordered')]);
    expect(first.draft).toEqual([expect.stringContaining('that you bought')]);
    // Only changed suggestions are listed: none that both versions make.
    for (const d of result.differences) expect(d.live.filter((t) => d.draft.includes(t))).toEqual([]);
  });

  it(
    'when only the recorded data set a draft over a limit, then the gate ' +
      'stops with the limit, the session and the turn',
    async () => {
      const slow = draft(
        'offline/fact-purchase.liquid',
        (s) => `${s}{% if fact.text %}{% for i in (1..300000) %}{% endfor %}{% endif %}\n`,
      );
      await expect(runGate(GATE, live, slow)).rejects.toThrow(
        expect.objectContaining({
          name: TemplateLimitError.name,
          file: 'offline/fact-purchase.liquid',
          where: { sessionId: 'blender-warranty', turn: 0 },
          message: expect.stringContaining('(the memory limit for a template)'),
        }),
      );
    },
  );
});

describe('gateSessions', () => {
  it('lists every session of the suite with its customer turns, files named within the suite', () => {
    const sessions = gateSessions(GATE, live.taxonomy);
    // 17 in English and one in each of German, French, Spanish and Dutch.
    expect(sessions).toHaveLength(21);
    expect(sessions.find((s) => s.id === 'blender-warranty')).toMatchObject({
      file: 'blender-warranty.json',
      customerTurns: expect.any(Number),
    });
    expect(sessions.every((s) => s.customerTurns > 0)).toBe(true);
  });
});
