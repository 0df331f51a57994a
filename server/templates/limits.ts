/**
 * The limits every template is parsed and rendered within: Liquid's own, checked by the engine. The
 * server renders templates on its main thread, and leads write them, so a template must not be able
 * to take the server's memory or time, by accident or on purpose. (A draft's gate run and preview
 * also have a time budget as a whole: sandbox.ts.)
 *
 * Why these numbers: the templates in prompts/ are at most 1,300 characters long, none builds
 * anything through filters or ranges (memory counted: 0), and the slowest render in a whole gate run
 * takes about 3 ms. Text and memory limits are far above that (a model prompt may grow nearly 40
 * times; a render may build a list or a string of 100,000). The render limit is the clock, not CPU
 * time: on a busy machine a render of a few milliseconds has taken over 100 ms by the clock (seen in
 * this project's tests on two CPUs), so it is 1 s, which no real render comes near and which still
 * stops a runaway loop within a second.
 */
export const TEMPLATE_LIMITS = {
  /** Characters of a template's Liquid text. */
  parseLimit: 50_000,
  /**
   * Characters and list items one render may build through filters and ranges: `(1..300000)` counts 300,000 before its
   * loop turns once.
   */
  memoryLimit: 100_000,
  /**
   * Milliseconds one render may take; Liquid looks at the clock before each piece of a template, so an empty loop is
   * stopped too.
   */
  renderLimit: 1_000,
} as const;

const n = (x: number) => x.toLocaleString('en');

/** Each limit in the words a lead reads, by the resource Liquid names in its error. */
const { parseLimit, memoryLimit, renderLimit } = TEMPLATE_LIMITS;
const over = (what: string, limit: string) => `${what} (the ${limit} limit for a template)`;
const WORDS: Record<string, string> = {
  'parse length': over(`the template is longer than ${n(parseLimit)} characters`, 'parse'),
  'memory alloc': over(`the template renders more than ${n(memoryLimit)} characters or list items`, 'memory'),
  'template render': over(`the template takes longer than ${renderLimit / 1000} s to render`, 'render'),
};

/** The limit a Liquid error says was exceeded, in words; null when the error is about something else. */
export function limitExceeded(e: unknown): string | null {
  const m = /^(parse length|memory alloc|template render) limit exceeded/.exec((e as Error).message ?? '');
  return m ? WORDS[m[1]!]! : null;
}

/** A render stopped at one of the template limits; a replay says which recorded session and turn it was on. */
export class TemplateLimitError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    /** The limit, in words. */
    readonly limit: string,
    readonly where?: { sessionId: string; turn: number },
  ) {
    super(`${file}:${line}: ${limit}${where ? ` (recorded session "${where.sessionId}", turn ${where.turn})` : ''}`);
    this.name = 'TemplateLimitError';
  }

  /** The same error, on a turn of a recorded session. */
  at(sessionId: string, turn: number): TemplateLimitError {
    return new TemplateLimitError(this.file, this.line, this.limit, { sessionId, turn });
  }
}
