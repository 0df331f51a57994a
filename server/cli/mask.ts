/**
 * `candor mask`: JSON lines `{"id", "text"[, "names"]}` on stdin → one JSON line per input on stdout,
 * `{"id", "masked", "entities": [{"type", "start", "end"}]}`, streaming, so the masking can be
 * measured from outside on any corpus. A bad line gets `{"id", "error"}` and the run goes on.
 * Exit 0: every line was fine; 1: some line was bad; 2: usage error.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createMasker } from '../masking/masker.js';
import { UsageError, type Io } from './io.js';
import { eachJsonLine } from './jsonl.js';

const Line = z.object({ id: z.string(), text: z.string(), names: z.array(z.string()).optional() });

export async function maskCommand(
  args: string[],
  io: Io,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length > 0) throw new UsageError('mask reads JSON lines on stdin and takes no arguments');
  const bad = await eachJsonLine(input, io, { schema: Line, shape: '{"id": string, "text": string}' }, (line) => {
    const { masked, entities } = createMasker({ names: line.names ?? [] }).maskWithEntities(line.text);
    return { id: line.id, masked, entities };
  });
  return bad === 0 ? 0 : 1;
}
