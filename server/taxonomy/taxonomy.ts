/**
 * The known category and purpose keys: the fideslang default taxonomy (data/, CC BY 4.0) plus the
 * keys an organisation declares below them. Unknown keys are errors with a "did you mean", because
 * a misspelt special category would otherwise slip past the explicit-consent rule.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config.js';
import { closest } from 'fastest-levenshtein';
import { z } from 'zod';
import { TaxonomyKey } from '../protocol/domain.js';
import { AppError } from '../errors.js';
import { isAtOrUnder } from '../policy/keys.js';

/** Categories that need a consent naming them (or a key below them) — DESIGN.md rule 4. */
export const DEFAULT_SPECIAL_ROOTS = [
  'user.health_and_medical',
  'user.biometric',
  'user.childrens',
  'user.criminal_history',
  'user.government_id',
  'user.financial',
  'user.location.precise',
  'user.demographic.race_ethnicity',
  'user.demographic.religious_belief',
  'user.demographic.sexual_orientation',
  'user.demographic.political_opinion',
] as const;

/** Categories never shown to anyone, whatever the consents say. */
export const NEVER_SHOWN_ROOTS = ['user.authorization'] as const;

const Declared = z.strictObject({
  key: TaxonomyKey,
  parent: TaxonomyKey,
  name: z.string().min(1).max(200).optional(),
});

/** An organisation's taxonomy extension file (`CANDOR_TAXONOMY`). */
export const TaxonomyExtension = z.strictObject({
  categories: z.array(Declared).default([]),
  purposes: z.array(Declared).default([]),
  specialRoots: z.array(TaxonomyKey).default([]),
});
export type TaxonomyExtension = z.infer<typeof TaxonomyExtension>;

export interface Taxonomy {
  categories: ReadonlyMap<string, string>; // key -> human name
  purposes: ReadonlyMap<string, string>;
  specialRoots: readonly string[];
  neverShownRoots: readonly string[];
}

interface FidesEntry {
  fides_key: string;
  name: string;
}

function readDefault(file: string, field: string, plain = (e: FidesEntry) => e.name): Map<string, string> {
  const url = path.join(ROOT, 'server/taxonomy/data', file);
  const entries = (JSON.parse(readFileSync(url, 'utf8')) as Record<string, FidesEntry[]>)[field]!;
  return new Map(entries.map((e) => [e.fides_key, plain(e)]));
}

/** Where a fideslang name reads badly to a customer ("User Contact Street"), Candor's plainer words. */
const PLAIN_CATEGORY: Record<string, string> = {
  'user.contact.address': 'Postal address',
  'user.contact.address.street': 'Street address',
  'user.contact.email': 'E-mail address',
};

/**
 * A default category's name as a customer reads it: every category is about the customer, so fideslang's
 * "User Contact " and "User " prefixes go ("User Contact Phone Number" is "Phone Number").
 */
const plainCategory = (e: FidesEntry) =>
  PLAIN_CATEGORY[e.fides_key] ?? e.name.replace(/^User Contact (?=\S)/, '').replace(/^User('s)? (?=\S)/, '');

function declare(
  known: Map<string, string>,
  declared: z.infer<typeof Declared>[],
  kind: 'category' | 'purpose',
  path: string,
) {
  declared.forEach((d, i) => {
    // A declared key extends its parent, so it must sit directly below it.
    if (!d.key.startsWith(`${d.parent}.`) || d.key.slice(d.parent.length + 1).includes('.')) {
      throw new AppError(
        'invalid_taxonomy',
        `"${d.key}" must be declared directly below its parent "${d.parent}"`,
        400,
        [path, i, 'key'],
      );
    }
    requireKnown(known, d.parent, kind, [path, i, 'parent']);
    known.set(d.key, d.name ?? d.key.slice(d.key.lastIndexOf('.') + 1).replaceAll('_', ' '));
  });
}

export function loadTaxonomy(
  extension: TaxonomyExtension = { categories: [], purposes: [], specialRoots: [] },
): Taxonomy {
  const categories = readDefault('data_categories.json', 'data_category', plainCategory);
  const purposes = readDefault('data_uses.json', 'data_use');
  // Parents must come first; sorting by depth lets a file declare a chain in any order.
  const byDepth = (a: { key: string }, b: { key: string }) => a.key.split('.').length - b.key.split('.').length;
  declare(categories, [...extension.categories].sort(byDepth), 'category', 'categories');
  declare(purposes, [...extension.purposes].sort(byDepth), 'purpose', 'purposes');
  for (const [i, root] of extension.specialRoots.entries())
    requireKnown(categories, root, 'category', ['specialRoots', i]);
  return {
    categories,
    purposes,
    specialRoots: [...DEFAULT_SPECIAL_ROOTS, ...extension.specialRoots],
    neverShownRoots: NEVER_SHOWN_ROOTS,
  };
}

export function loadTaxonomyFile(file: string | undefined): Taxonomy {
  if (!file) return loadTaxonomy();
  const parsed = TaxonomyExtension.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return loadTaxonomy(parsed.data);
}

function requireKnown(
  known: ReadonlyMap<string, string>,
  key: string,
  kind: 'category' | 'purpose',
  path: (string | number)[],
) {
  if (known.has(key)) return;
  const label = kind === 'category' ? 'data category' : 'purpose';
  const guess = closest(key, [...known.keys()]);
  throw new AppError('unknown_key', `"${key}" is not a known ${label}; did you mean "${guess}"?`, 400, path);
}

/** Throws an `unknown_key` AppError naming the key, its path and the nearest known key. */
export function checkCategory(t: Taxonomy, key: string, path: (string | number)[]) {
  requireKnown(t.categories, key, 'category', path);
}

export function checkPurpose(t: Taxonomy, key: string, path: (string | number)[]) {
  requireKnown(t.purposes, key, 'purpose', path);
}

export function checkConsentKeys(
  t: Taxonomy,
  consent: { purpose: string; categories: string[] },
  path: (string | number)[] = [],
) {
  checkPurpose(t, consent.purpose, [...path, 'purpose']);
  for (const [i, c] of consent.categories.entries()) checkCategory(t, c, [...path, 'categories', i]);
}

/** The human name of a category, taken from its nearest named ancestor ("purchase history"). */
export function categoryName(t: Taxonomy, key: string): string {
  const name = t.categories.get(key);
  return (name ?? key).toLowerCase();
}

/**
 * The human name of a purpose ("Essential for Operations Support"); an organisation's own name when it declared one.
 */
export function purposeName(t: Taxonomy, key: string): string {
  return t.purposes.get(key) ?? key;
}

/**
 * The words for every category or purpose key found anywhere in `value` (an audit payload, say): what a page
 * shows a person in place of the keys it keeps for machines. Categories read as they do in sentences.
 */
export function namesIn(t: Taxonomy, value: unknown, out: Record<string, string> = {}): Record<string, string> {
  if (typeof value === 'string') {
    if (t.categories.has(value)) out[value] = categoryName(t, value);
    else if (t.purposes.has(value)) out[value] = purposeName(t, value);
  } else if (Array.isArray(value)) for (const v of value) namesIn(t, v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) namesIn(t, v, out);
  return out;
}

export function isSpecial(t: Taxonomy, key: string): boolean {
  return t.specialRoots.some((root) => isAtOrUnder(key, root));
}
