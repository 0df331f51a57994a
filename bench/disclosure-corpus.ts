/**
 * Prints, per language of test/fixtures/disclosure/, how many transparent sentences the guard's disclosure
 * check accepts and how many silent ones it lets through. Run: npx tsx bench/disclosure-corpus.ts
 */
import { corpusDecisions } from './disclosure.js';

console.log('lang  transparent accepted  silent let through');
for (const d of corpusDecisions()) {
  const ok = d.transparent.filter((s) => s.accepted).length;
  const leak = d.silent.filter((s) => s.accepted).length;
  console.log(`${`${d.lang}    ${ok}/${d.transparent.length}`.padEnd(28)}${leak}/${d.silent.length}`);
  for (const s of [...d.transparent.filter((x) => !x.accepted), ...d.silent.filter((x) => x.accepted)])
    console.log(`      ${s.accepted ? 'LEAK ' : 'miss '} ${s.text}`);
}
