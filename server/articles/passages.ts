/**
 * Articles as sentences: the passage that answers the customer best (what the offline reply quotes and the model is
 * given), and whether a text repeats a sentence of an article (what keeps internal articles from customers).
 */
import type { Article } from '../protocol/articles.js';
import { stems } from '../context/relevance.js';

/** The article's text as plain prose: headings, list marks, emphasis and link targets taken out. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)/gm, '')
    .replace(/[*_`]+/g, '')
    .replace(/\|/g, ' ');
}

/**
 * The article's sentences, in order. A heading or a list item is a block of its own, so one without a full stop does
 * not run into the next; the lines of a paragraph are joined.
 */
export function articleSentences(body: string): string[] {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push(paragraph.join(' '));
    paragraph = [];
  };
  for (const line of body.replace(/```[\s\S]*?```/g, '\n').split(/\r?\n/)) {
    if (!line.trim()) flush();
    else if (/^\s{0,3}(#{1,6}\s|[-*+]\s|\d+[.)]\s)/.test(line)) {
      flush();
      blocks.push(line);
    } else paragraph.push(line);
  }
  flush();
  return blocks.flatMap((block) => {
    const text = plainText(block).replace(/\s+/g, ' ').trim();
    return (text.match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g) ?? []).map((s) => s.trim()).filter(Boolean);
  });
}

/** An article's sentences with what they are compared by: worked out once for a body, as every open finds again. */
interface Split {
  sentences: readonly string[];
  stems: readonly ReadonlySet<string>[];
  /** `normalised` of each sentence, or null for one too short to count as copied (`MIN_WORDS`). */
  quotable: readonly (string | null)[];
}

/**
 * The bodies split last, by their text: a help centre's most found articles. Each open used to split every article
 * found, and the guard every internal one again for each suggestion: 15 % of what an open allocated (a sampling heap
 * profile over 3,000 opens of the benchmark's socket phase).
 */
const splits = new Map<string, Split>();
const SPLITS_KEPT = 500;

function split(body: string): Split {
  const known = splits.get(body);
  if (known) return known;
  const sentences = articleSentences(body);
  const made: Split = {
    sentences,
    stems: sentences.map(stems),
    quotable: sentences.map((sentence) => {
      const n = normalised(sentence);
      return n.split(' ').length >= MIN_WORDS ? n : null;
    }),
  };
  if (splits.size >= SPLITS_KEPT) splits.delete(splits.keys().next().value!);
  splits.set(body, made);
  return made;
}

const weightOf = (sentenceStems: ReadonlySet<string>, weights: ReadonlyMap<string, number>) => {
  let score = 0;
  for (const stem of sentenceStems) score += weights.get(stem) ?? 0;
  return score;
};

/**
 * The sentence sharing the most weight of the customer's words (`weights`: stem → weight, as the context ranks facts),
 * the earlier on a tie; the first sentence when none shares a word (the full-text index matched on a stem only it
 * knows).
 */
export function bestPassage(article: Pick<Article, 'body'>, weights: ReadonlyMap<string, number>): string {
  const { sentences, stems: each } = split(article.body);
  let best = sentences[0] ?? '';
  let bestScore = 0;
  sentences.forEach((sentence, i) => {
    const score = weightOf(each[i]!, weights);
    if (score > bestScore) [best, bestScore] = [sentence, score];
  });
  return best;
}

/**
 * The `n` sentences sharing the most weight of the customer's words, in the article's order: the passage a model is
 * given. The article's opening sentences when none shares a word.
 */
export function bestPassages(
  article: Pick<Article, 'body'>,
  weights: ReadonlyMap<string, number>,
  n: number,
): string[] {
  const { sentences, stems: each } = split(article.body);
  const all = sentences.map((text, i) => ({ text, i, score: weightOf(each[i]!, weights) }));
  const picked = all.sort((a, b) => b.score - a.score || a.i - b.i).slice(0, n);
  return picked.sort((a, b) => a.i - b.i).map((p) => p.text);
}

/**
 * Lower-case words only: how two texts are compared sentence by sentence, punctuation, spacing, footnote markers and
 * invisible characters aside (a zero-width space inside a word must not hide it).
 */
export const normalised = (text: string) =>
  (
    text
      .normalize('NFKC')
      .replace(/\p{Cf}/gu, '')
      .replace(/\[\d+\]/g, ' ')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).join(' ');

/** Sentences shorter than this many words ("Thank you.") are too common to say a text was copied from an article. */
const MIN_WORDS = 4;

/** The sentences of `article` that `text` repeats, punctuation, case and spacing aside. */
export function repeatedSentences(text: string, article: Pick<Article, 'body'>): string[] {
  const hay = ` ${normalised(text)} `;
  const { sentences, quotable } = split(article.body);
  return sentences.filter((_, i) => {
    const n = quotable[i];
    return n !== null && hay.includes(` ${n} `);
  });
}
