/**
 * The development half's misses and false alarms for one type, scored as bench/score.ts scores them:
 * `npx tsx bench/presidio-misses.ts [PERSON|ADDRESS|…]`. Only the development half is ever printed, so the
 * held-out half stays unseen (bench/presidio.ts).
 */
import { loadPresidio } from './presidio.js';
import { goldFound, onIgnored, predictionCorrect } from './score.js';
import { detect } from '../server/masking/detectors.js';

const type = process.argv[2] ?? 'PERSON';
const set = loadPresidio();
if (typeof set === 'string') throw new Error(set);
for (const it of set.items.filter((i) => i.half === 'dev')) {
  const predicted = detect(it.text);
  const show = (s: { start: number; end: number }) => JSON.stringify(it.text.slice(s.start, s.end));
  for (const g of it.gold)
    if (g.type === type && !goldFound(g, predicted)) console.log(`MISS ${show(g)} in ${JSON.stringify(it.text)}`);
  for (const p of predicted)
    if (p.type === type && !predictionCorrect(p, it.gold) && !onIgnored(p, it.ignore))
      console.log(`FALSE ${show(p)} in ${JSON.stringify(it.text)}`);
}
