/**
 * What an article search asks: the customer's words, the latest message weighing most. Only the customer's messages
 * count (an agent's reply would find the articles the agent already used), and the words that say nothing about a
 * topic are left out, so that "nothing matches" can happen.
 */
import type { Message } from '../protocol/domain.js';
import type { ArticleQuery } from '../store/types.js';
import { STOP } from '../context/relevance.js';

/** Words of a support conversation that name no topic: left out of a search besides the context's stop words. */
const FILLER = new Set(
  (
    'how long much many any some also yes okay ok know want need help question ask asking wondering ' +
    'possible let tell told said one still really very more most all been being into out over here ' +
    "should shall may might must us him her his she he they i’m im i'm dear regards best morning afternoon " +
    'evening good great'
  ).split(' '),
);

/** How many customer messages count, newest first, and their weights. */
const WEIGHTS = [1, 0.5, 0.25];
/**
 * At most this many words a message and a search, the longest first (the more specific): every word is one ranked
 * query, so a long message would otherwise cost a query a word (bench: article_search_*).
 */
const PER_MESSAGE = 8;
const PER_SEARCH = 12;

/** The words of a text a search uses: letters and digits, lower-case, without stop and filler words. */
export function searchTerms(text: string): string[] {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    if (w.length >= 3 && !STOP.has(w) && !FILLER.has(w)) out.add(w);
  return [...out];
}

/** The search for a conversation: the last three customer messages, weighing 1, ½ and ¼. */
export function articleQuery(conversation: readonly Message[], limit = 5): ArticleQuery {
  const customer = conversation
    .filter((m) => m.role === 'customer')
    .slice(-WEIGHTS.length)
    .reverse();
  const seen = new Set<string>();
  const parts = customer.map((m, i) => {
    const longest = searchTerms(m.text)
      .map((t, at) => ({ t, at }))
      .sort((a, b) => b.t.length - a.t.length || a.at - b.at)
      .slice(0, PER_MESSAGE)
      .sort((a, b) => a.at - b.at)
      .map(({ t }) => t);
    const terms = longest.filter((t) => seen.size < PER_SEARCH || seen.has(t));
    for (const t of terms) seen.add(t);
    return { terms, weight: WEIGHTS[i]! };
  });
  return { parts: parts.filter((p) => p.terms.length), limit };
}
