/**
 * Bad variants of a valid input, for the bad-input suite: every field replaced by a value of
 * another JSON type, unknown fields added, required fields removed, strings and arrays grown past
 * their limits, timestamps without a zone, values nested thousands deep. The route's own zod schema
 * says which variants are invalid, so a variant that happens to be valid is never sent.
 */
import fc from 'fast-check';
import type { z } from 'zod';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonPath = (string | number)[];

const clone = <T>(v: T): T => structuredClone(v);
const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every node of a value with its path, the root first. */
export function nodes(value: Json, path: JsonPath = []): { path: JsonPath; value: Json }[] {
  const out = [{ path, value }];
  if (Array.isArray(value)) for (const [i, v] of value.entries()) out.push(...nodes(v, [...path, i]));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) out.push(...nodes(v, [...path, k]));
  return out;
}

/** Sets an own property, so that even `__proto__` becomes a field of the JSON sent. */
function put(target: Record<string, Json> | Json[], key: string | number, v: Json) {
  Object.defineProperty(target, key, { value: v, enumerable: true, writable: true, configurable: true });
}

export function setAt(value: Json, path: JsonPath, v: Json): Json {
  if (!path.length) return v;
  const out = clone(value);
  let node = out as Record<string, Json>;
  for (const k of path.slice(0, -1)) node = node[k as string] as Record<string, Json>;
  put(node, path.at(-1)!, v);
  return out;
}

export function deleteAt(value: Json, path: JsonPath): Json {
  const out = clone(value);
  let node = out as Record<string, Json>;
  for (const k of path.slice(0, -1)) node = node[k as string] as Record<string, Json>;
  delete node[path.at(-1) as string];
  return out;
}

export const typeOf = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A JSON value of a different type than `v`: string↔number↔array↔object↔null↔boolean. */
export const otherType = (v: Json): fc.Arbitrary<Json> =>
  fc
    .oneof(
      fc.string({ maxLength: 20 }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
    )
    .filter((x) => typeOf(x as Json) !== typeOf(v)) as fc.Arbitrary<Json>;

export interface Mutation {
  kind: 'wrong type' | 'unknown field' | 'missing field';
  /** The field the mutation touched: the replaced or removed one, or the object given an extra field. */
  path: JsonPath;
  value: Json;
}

/** Wrong types at any field, unknown fields on any object, any field left out. */
export function mutations(valid: Json): fc.Arbitrary<Mutation> {
  const all = nodes(valid);
  const objects = all.filter((n) => isObject(n.value));
  const fields = all.filter((n) => n.path.length > 0);
  const keyed = fields.filter((n) => typeof n.path.at(-1) === 'string');
  const known = new Set(fields.map((n) => String(n.path.at(-1))));
  const arbs: fc.Arbitrary<Mutation>[] = [];
  if (all.length)
    arbs.push(
      fc
        .constantFrom(...all)
        .chain((n) =>
          otherType(n.value).map(
            (v): Mutation => ({ kind: 'wrong type', path: n.path, value: setAt(valid, n.path, v) }),
          ),
        ),
    );
  if (objects.length)
    arbs.push(
      fc
        .tuple(
          fc.constantFrom(...objects),
          fc.oneof(
            fc.string({ minLength: 1, maxLength: 12 }),
            fc.constantFrom('__proto__', 'constructor', 'toString', 'at', 'id'),
          ),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .filter(([, k]) => !known.has(k))
        .map(
          ([n, k, v]): Mutation => ({
            kind: 'unknown field',
            path: n.path,
            value: setAt(valid, [...n.path, k], v as Json),
          }),
        ),
    );
  if (keyed.length)
    arbs.push(
      fc
        .constantFrom(...keyed)
        .map((n): Mutation => ({ kind: 'missing field', path: n.path, value: deleteAt(valid, n.path) })),
    );
  return fc.oneof(...arbs);
}

/** What the server receives once the value has gone through JSON (undefined dropped, -0 as 0). */
export const wire = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? 'null');
export const accepts = (schema: z.ZodType, v: unknown) => schema.safeParse(wire(v)).success;

/**
 * The smallest `n` in (lo, hi] for which `grow(n)` is refused, assuming refusal only grows with
 * `n`; null when even `hi` is accepted (no limit below it).
 */
export function firstRefused(
  grow: (n: number) => Json,
  ok: (v: Json) => boolean,
  lo: number,
  hi: number,
): number | null {
  if (ok(grow(hi))) return null;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(grow(mid))) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Each string field grown (by repeating its last character) just past what the schema takes. */
export function oversizedStrings(
  valid: Json,
  ok: (v: Json) => boolean,
): { path: JsonPath; value: Json; length: number }[] {
  return nodes(valid).flatMap(({ path, value }) => {
    if (typeof value !== 'string' || !value.length) return [];
    const grow = (n: number) => setAt(valid, path, value + value.at(-1)!.repeat(Math.max(0, n - value.length)));
    const n = firstRefused(grow, ok, value.length, 200_000);
    return n === null ? [] : [{ path, value: grow(n), length: n }];
  });
}

/** Each array grown (by repeating its last element) just past what the schema takes. */
export function oversizedArrays(
  valid: Json,
  ok: (v: Json) => boolean,
): { path: JsonPath; value: Json; length: number }[] {
  return nodes(valid).flatMap(({ path, value }) => {
    if (!Array.isArray(value) || !value.length) return [];
    const grow = (n: number) =>
      setAt(valid, path, [...value, ...Array.from({ length: Math.max(0, n - value.length) }, () => value.at(-1)!)]);
    const n = firstRefused(grow, ok, value.length, 20_000);
    return n === null ? [] : [{ path, value: grow(n), length: n }];
  });
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

/** Timestamps written without a zone, as a date only, with a space, out of range, or in words. */
export function badTimestamps(valid: Json): { path: JsonPath; value: Json; as: string }[] {
  return nodes(valid).flatMap(({ path, value }) => {
    if (typeof value !== 'string' || !ISO.test(value)) return [];
    const bare = value.replace(/(Z|[+-]\d\d:\d\d)$/, '');
    return [
      bare,
      bare.slice(0, 10),
      `${bare.replace('T', ' ')}Z`,
      '2026-13-01T00:00:00Z',
      '2026-02-30T25:00:00Z',
      'yesterday',
      `${bare}+25:00`,
    ].map((as) => ({ path, value: setAt(valid, path, as), as }));
  });
}

/** `levels` arrays inside each other, built without recursion. */
export function nested(levels: number, leaf: Json = 1): Json {
  let v: Json = leaf;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

/**
 * Odd values for a `:param`, already %-encoded as they go in the URL: path traversal, NUL, control
 * and direction characters, markup, SQL, malformed escapes, and one very long.
 */
export const ODD_PARAMS: readonly string[] = [
  '..%2F',
  '..%2F..%2Fcandor.db',
  '%2E%2E',
  '%2E',
  '..%5C..%5Cwindows',
  '%00',
  'a%00b',
  '%20',
  '%E2%80%AE',
  '%C3%A9%C3%A9',
  '%3Cscript%3E',
  "x'%3B%20DROP%20TABLE%20audit%3B--",
  'c_dana%2F..%2Fc_dana',
  '%E0%A4%A',
  '%',
  '%C0%AE%C0%AE',
  'x'.repeat(4000),
  'nobody',
];

/** True when one path is a prefix of the other (an error at or around the field that was changed). */
export const related = (a: JsonPath, b: JsonPath) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).every((k, i) => String(k) === String(b[i]));
};
