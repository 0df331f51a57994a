/**
 * Bodies and socket payloads are bounded in depth before any schema (or the store's JSON) walks
 * them: a value nested thousands deep would otherwise overflow the stack of a recursive check and
 * answer 500. Walked with an explicit stack for the same reason.
 */
import { AppError, type ErrorPath } from '../errors.js';

export const MAX_DEPTH = 32;

export function checkDepth(value: unknown, max = MAX_DEPTH): void {
  const pending: [unknown, ErrorPath][] = [[value, []]];
  while (pending.length) {
    const [v, path] = pending.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (path.length >= max) {
      const shown = path.length > 6 ? [...path.slice(0, 5), '…'] : path;
      throw new AppError(
        'too_deep',
        `${shown.join('.')}: nested deeper than ${max} levels; send flatter data`,
        400,
        path,
      );
    }
    for (const [k, child] of Object.entries(v)) pending.push([child, [...path, Array.isArray(v) ? Number(k) : k]]);
  }
}
