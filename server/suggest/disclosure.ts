/**
 * Transparent phrasing: a sentence that uses a customer's data says so. These are the openings the
 * guard accepts as saying so; a template that cites a fact must use one of them in that sentence.
 */
export const DISCLOSURE = new RegExp(
  String.raw`\b(I can see|I see|I've checked|I checked|I found|our records show|our records|` +
    'according to|on your (account|profile|order)|on file|you told us|you shared|you mentioned|' +
    String.raw`we have)\b`,
  'i',
);

/**
 * Splits text into sentences, never inside one of `keep` (a fact's own text may hold "St." or
 * "Nov."), so a fact and the marker after it stay in one sentence.
 */
export function sentences(text: string, keep: readonly string[]): { text: string; start: number }[] {
  const lower = text.toLowerCase();
  const kept: [number, number][] = [];
  for (const k of keep) {
    if (k.length < 2) continue;
    for (let i = lower.indexOf(k.toLowerCase()); i >= 0; i = lower.indexOf(k.toLowerCase(), i + 1))
      kept.push([i, i + k.length]);
  }
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?](?=\s|$)/g)) {
    const end = m.index + 1;
    if (kept.some(([a, b]) => m.index >= a && m.index < b)) continue;
    out.push({ text: text.slice(start, end), start });
    start = end;
  }
  if (start < text.length && text.slice(start).trim()) out.push({ text: text.slice(start), start });
  return out;
}

export const markersIn = (text: string): number[] => [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));

/** Short values ("Yes", "12") would match by accident; longer leaves are specific enough to count as a leak. */
export function needles(fact: { text: string; value?: unknown }): string[] {
  const out = [fact.text];
  const walk = (v: unknown) => {
    if (typeof v === 'string' && v.trim().length >= 4) out.push(v.trim());
    else if (typeof v === 'number' && String(v).length >= 4) out.push(String(v));
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(fact.value);
  return out.filter((n) => n.length > 0).map((n) => n.toLowerCase());
}
