/**
 * JSON lines on stdin, one answer line per input on stdout, streaming: the shape of `candor mask` and
 * `candor requests detect`. A bad line gets `{"id", "error"}` (id null when it has none) and the run
 * goes on; the result counts the bad lines so the command can exit 1 at the end.
 */
import { createInterface } from 'node:readline';
import type { z } from 'zod';
import type { Io } from './io.js';

/** The id of a line that failed the schema, when it has a usable one. */
function idOf(value: unknown): string | null {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}

/** What was expected, naming the field — never echoing the line, which may hold PII. */
function expected(issue: z.core.$ZodIssue | undefined, shape: string): string {
  const where = issue?.path.length ? `"${issue.path.join('.')}"` : 'the line';
  return `${where}: ${issue?.message ?? 'invalid'}; expected ${shape}`;
}

/** Answers each line with `answer(parsed)`; returns how many lines were bad. */
export async function eachJsonLine<T extends z.ZodType>(
  input: NodeJS.ReadableStream,
  io: Io,
  line: { schema: T; shape: string },
  answer: (value: z.infer<T>) => object,
): Promise<number> {
  let bad = 0;
  let n = 0;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      bad++;
      io.out(JSON.stringify({ id: null, error: `line ${n}: not JSON; expected ${line.shape}` }));
      continue;
    }
    const parsed = line.schema.safeParse(value);
    if (!parsed.success) {
      bad++;
      io.out(JSON.stringify({ id: idOf(value), error: `line ${n}: ${expected(parsed.error.issues[0], line.shape)}` }));
      continue;
    }
    io.out(JSON.stringify(answer(parsed.data)));
  }
  return bad;
}
