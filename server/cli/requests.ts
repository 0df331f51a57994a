/**
 * `candor requests detect`: JSON lines `{"id", "text"}` on stdin → one line per input,
 * `{"id", "requests": [{"kind", "lang", "evidence": {"start", "end"}}]}`, so a team can measure the
 * detector on its own tickets. Other fields of a line (a corpus's labels) are ignored.
 * Exit 0: every line was fine; 1: some line was bad; 2: usage error.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { detectRequests } from '../requests/detect.js';
import { UsageError, type Io } from './io.js';
import { eachJsonLine } from './jsonl.js';

const Line = z.object({ id: z.string().min(1).max(200), text: z.string().max(100_000) });

export async function requestsCommand(
  args: string[],
  io: Io,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1 || positionals[0] !== 'detect') {
    throw new UsageError('the only subcommand is "detect", which reads JSON lines on stdin');
  }
  const shape = '{"id": string, "text": string}';
  const bad = await eachJsonLine(input, io, { schema: Line, shape }, (line) => ({
    id: line.id,
    requests: detectRequests(line.text),
  }));
  return bad === 0 ? 0 : 1;
}
