/**
 * Issue 23's bar for masking, through `candor mask` as it is run from outside: on each language's
 * generated corpus (bench/corpus-eu.ts), recall >= 0.99 on every checksummed national identifier
 * and >= 0.95 on e-mail, phone and IBAN, each at precision >= 0.95, and overall precision >= 0.95.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, generateEuCorpus } from '../bench/corpus-eu.js';
import { score } from '../bench/score.js';
import type { Entity, EntityType } from '../server/masking/types.js';
import { candorWithInput } from './helpers/cli.js';

async function candorMask(input: string): Promise<string> {
  const r = await candorWithInput(['mask'], input);
  if (r.code !== 0) throw new Error(`candor mask exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

const NATIONAL: EntityType[] = ['DE_TAX_ID', 'DE_ID_CARD', 'FR_NIR', 'ES_DNI', 'ES_NIE', 'NL_BSN', 'BE_NRN', 'IT_CF'];

describe('masking European chats through candor mask', () => {
  it('when each language corpus is masked, then national numbers, e-mails, phones and IBANs meet the bar', async () => {
    const corpora = LANGUAGES.map((language) => ({
      language,
      turns: generateEuCorpus(language, { conversations: 150 }),
    }));
    const turns = corpora.flatMap((c) => c.turns);
    const input = turns.map((t) => JSON.stringify({ id: t.id, text: t.text, names: t.known.names })).join('\n');
    const answers = new Map(
      (await candorMask(`${input}\n`))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; entities: Entity[] })
        .map((a) => [a.id, a.entities]),
    );
    expect(answers.size).toBe(turns.length);
    for (const { language, turns } of corpora) {
      const report = score(turns.map((t) => ({ gold: t.entities, predicted: answers.get(t.id)! })));
      const types = Object.keys(report.perType);
      const national = NATIONAL.filter((t) => types.includes(t));
      expect(national.length, language).toBeGreaterThan(0);
      for (const type of [...national, 'EMAIL', 'PHONE', 'IBAN']) {
        const r = report.perType[type]!;
        expect(r.gold, `${language} ${type}`).toBeGreaterThan(20);
        expect(r.recall, `${language} ${type} recall`).toBeGreaterThanOrEqual(
          national.includes(type as EntityType) ? 0.99 : 0.95,
        );
        expect(r.precision, `${language} ${type} precision`).toBeGreaterThanOrEqual(0.95);
      }
      expect(report.precision, `${language} precision`).toBeGreaterThanOrEqual(0.95);
    }
  }, 60_000);
});
