/**
 * `candor mask`: JSON lines `{"id", "text"[, "names"]}` on stdin → one JSON line per input on stdout,
 * `{"id", "masked", "entities": [{"type", "start", "end"}]}`, streaming, so the masking can be
 * measured from outside on any corpus. A bad line gets `{"id", "error"}` and the run goes on.
 * Exit 0: every line was fine; 1: some line was bad; 2: usage error.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createMasker } from '../masking/masker.js';
import { UsageError, type Io } from './io.js';

export const MASK_USAGE =
  'usage: candor mask < lines.jsonl   (each line {"id": "...", "text": "...", "names"?: ["Customer Name", ...]})';

const Line = z.object({ id: z.string(), text: z.string(), names: z.array(z.string()).optional() });

/** The id of a line that failed the schema, when it has a usable one. */
function idOf(value: unknown): string | null {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}

/** What was expected, naming the field — never echoing the line, which may hold PII. */
function expected(issue: z.core.$ZodIssue | undefined): string {
  const where = issue?.path.length ? `"${issue.path.join('.')}"` : 'the line';
  return `${where}: ${issue?.message ?? 'invalid'}; expected {"id": string, "text": string}`;
}

export async function maskCommand(
  args: string[],
  io: Io,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length > 0) throw new UsageError('mask reads JSON lines on stdin and takes no arguments');
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
      io.out(JSON.stringify({ id: null, error: `line ${n}: not JSON; expected {"id": string, "text": string}` }));
      continue;
    }
    const line = Line.safeParse(value);
    if (!line.success) {
      bad++;
      io.out(JSON.stringify({ id: idOf(value), error: `line ${n}: ${expected(line.error.issues[0])}` }));
      continue;
    }
    const { masked, entities } = createMasker({ names: line.data.names ?? [] }).maskWithEntities(line.data.text);
    io.out(JSON.stringify({ id: line.data.id, masked, entities }));
  }
  return bad === 0 ? 0 : 1;
}
