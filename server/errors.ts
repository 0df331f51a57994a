/**
 * The one error type. Every expected failure carries a stable `code`, a message for humans, an
 * HTTP status and the path of the offending field; express answers it as
 * `{ "error": { "code", "message", "path", …details } }` and socket handlers answer `{ ok: false, error }`.
 * Messages never carry a customer's values.
 */
import type { z } from 'zod';

export type ErrorPath = (string | number)[];

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly path: ErrorPath = [],
    /**
     * What the caller needs to act on beside the message (a draft's problems, the gate's findings); never customer
     * values.
     */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON(): { code: string; message: string; path: ErrorPath } & Record<string, unknown> {
    return { ...this.details, code: this.code, message: this.message, path: this.path };
  }
}

export type ErrorBody = ReturnType<AppError['toJSON']>;

/** Describes the first zod issue as "field: what was expected" without echoing the input value. */
export function fromZodError(error: z.ZodError, prefix: ErrorPath = []): AppError {
  const issue = error.issues[0]!;
  const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = `unknown field(s): ${issue.keys.join(', ')}`;
  const where = path.length ? path.join('.') : 'body';
  return new AppError('invalid_input', `${where}: ${message}`, 400, path);
}

/** Parses `input` with `schema` or throws a 400 AppError naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix: ErrorPath = []): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error, prefix);
  return result.data;
}
