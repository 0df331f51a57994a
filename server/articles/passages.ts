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

/**
 * The sentence sharing the most weight of the customer's words (`weights`: stem → weight, as the context ranks facts),
 * the earlier on a tie; the first sentence when none shares a word (the full-text index matched on a stem only it
 * knows).
 */
export function bestPassage(article: Pick<Article, 'body'>, weights: ReadonlyMap<string, number>): string {
  const all = articleSentences(article.body);
  let best = all[0] ?? '';
  let bestScore = 0;
  for (const s of all) {
    let score = 0;
    for (const stem of stems(s)) score += weights.get(stem) ?? 0;
    if (score > bestScore) [best, bestScore] = [s, score];
  }
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
  const all = articleSentences(article.body).map((text, i) => {
    let score = 0;
    for (const stem of stems(text)) score += weights.get(stem) ?? 0;
    return { text, i, score };
  });
  const picked = [...all].sort((a, b) => b.score - a.score || a.i - b.i).slice(0, n);
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
  return articleSentences(article.body).filter((s) => {
    const n = normalised(s);
    return n.split(' ').length >= MIN_WORDS && hay.includes(` ${n} `);
  });
}
