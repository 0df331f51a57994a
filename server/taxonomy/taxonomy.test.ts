import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SPECIAL_ROOTS,
  NEVER_SHOWN_ROOTS,
  TaxonomyExtension,
  checkCategory,
  checkConsentKeys,
  checkPurpose,
  isSpecial,
  loadTaxonomy,
} from './taxonomy.js';
import { AppError } from '../errors.js';

/** Runs `fn` and returns the AppError it throws. */
function appErrorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}

const ext = (over: Partial<TaxonomyExtension>): TaxonomyExtension => ({
  categories: [],
  purposes: [],
  specialRoots: [],
  ...over,
});

describe('the default taxonomy', () => {
  const t = loadTaxonomy();

  it('knows the fideslang category user.behavior.purchase_history', () => {
    expect(t.categories.has('user.behavior.purchase_history')).toBe(true);
    expect(() => checkCategory(t, 'user.behavior.purchase_history', ['categories', 0])).not.toThrow();
  });

  it('knows the fideslang purpose essential.service.operations.support', () => {
    expect(t.purposes.has('essential.service.operations.support')).toBe(true);
    expect(() => checkPurpose(t, 'essential.service.operations.support', ['purpose'])).not.toThrow();
  });

  it('knows every default special root and never-shown root as a category', () => {
    for (const root of [...DEFAULT_SPECIAL_ROOTS, ...NEVER_SHOWN_ROOTS])
      expect(t.categories.has(root), root).toBe(true);
  });

  it('does not accept a category key as a purpose', () => {
    expect(appErrorOf(() => checkPurpose(t, 'user.behavior', ['purpose'])).code).toBe('unknown_key');
  });

  it('carries the default special roots and the never-shown roots', () => {
    expect(t.specialRoots).toEqual([...DEFAULT_SPECIAL_ROOTS]);
    expect(t.neverShownRoots).toEqual(['user.authorization']);
  });
});

describe('unknown keys', () => {
  const t = loadTaxonomy();

  it(
    'when a category is misspelt, then checkCategory throws unknown_key ' +
      'naming the key, the nearest known key and the path',
    () => {
      const path = ['consents', 2, 'categories', 1];
      const err = appErrorOf(() => checkCategory(t, 'user.helth_and_medical', path));
      expect(err.code).toBe('unknown_key');
      expect(err.message).toContain('user.helth_and_medical');
      expect(err.message).toContain('did you mean "user.health_and_medical"');
      expect(err.path).toEqual(path);
      expect(err.status).toBe(400);
    },
  );

  it('when a purpose is misspelt, then checkPurpose throws unknown_key with a suggestion', () => {
    const err = appErrorOf(() => checkPurpose(t, 'essential.service.operations.suport', ['purpose']));
    expect(err.code).toBe('unknown_key');
    expect(err.message).toContain('did you mean "essential.service.operations.support"');
    expect(err.path).toEqual(['purpose']);
  });

  it('when a consent names an unknown category, then checkConsentKeys points at that category', () => {
    const err = appErrorOf(() =>
      checkConsentKeys(t, { purpose: 'essential', categories: ['user.contact', 'user.behav'] }, ['consents', 0]),
    );
    expect(err.code).toBe('unknown_key');
    expect(err.path).toEqual(['consents', 0, 'categories', 1]);
  });
});

describe('organisation extensions', () => {
  it('when a key is declared below a known parent, then it becomes known', () => {
    const t = loadTaxonomy(
      ext({
        categories: [{ key: 'user.behavior.purchase_history.returns', parent: 'user.behavior.purchase_history' }],
      }),
    );
    expect(() => checkCategory(t, 'user.behavior.purchase_history.returns', [])).not.toThrow();
  });

  it('when no extension declares a key, then it stays unknown', () => {
    expect(appErrorOf(() => checkCategory(loadTaxonomy(), 'user.behavior.purchase_history.returns', [])).code).toBe(
      'unknown_key',
    );
  });

  it('when a purpose is declared below a known purpose, then it becomes known', () => {
    const t = loadTaxonomy(
      ext({
        purposes: [
          { key: 'essential.service.operations.support.chat', parent: 'essential.service.operations.support' },
        ],
      }),
    );
    expect(() => checkPurpose(t, 'essential.service.operations.support.chat', [])).not.toThrow();
  });

  it('when a chain of keys is declared child first, then both become known', () => {
    const t = loadTaxonomy(
      ext({
        categories: [
          { key: 'user.behavior.purchase_history.returns.reason', parent: 'user.behavior.purchase_history.returns' },
          { key: 'user.behavior.purchase_history.returns', parent: 'user.behavior.purchase_history' },
        ],
      }),
    );
    expect(t.categories.has('user.behavior.purchase_history.returns')).toBe(true);
    expect(t.categories.has('user.behavior.purchase_history.returns.reason')).toBe(true);
  });

  it('when a key is declared under user.health_and_medical, then it is special', () => {
    const t = loadTaxonomy(
      ext({ categories: [{ key: 'user.health_and_medical.allergies', parent: 'user.health_and_medical' }] }),
    );
    expect(isSpecial(t, 'user.health_and_medical.allergies')).toBe(true);
    expect(isSpecial(t, 'user.behavior.purchase_history')).toBe(false);
  });

  it('when a declared parent is unknown, then loading throws unknown_key naming the parent', () => {
    const err = appErrorOf(() =>
      loadTaxonomy(ext({ categories: [{ key: 'user.behaviour.returns', parent: 'user.behaviour' }] })),
    );
    expect(err.code).toBe('unknown_key');
    expect(err.message).toContain('"user.behaviour"');
    expect(err.message).toContain('did you mean "user.behavior"');
    expect(err.path).toEqual(['categories', 0, 'parent']);
  });

  it('when a declared key is not below its parent, then loading throws invalid_taxonomy', () => {
    const err = appErrorOf(() =>
      loadTaxonomy(ext({ categories: [{ key: 'user.contact.returns', parent: 'user.behavior.purchase_history' }] })),
    );
    expect(err.code).toBe('invalid_taxonomy');
    expect(err.message).toContain('user.contact.returns');
    expect(err.message).toContain('user.behavior.purchase_history');
    expect(err.path).toEqual(['categories', 0, 'key']);
  });

  it('when a declared key only shares a string prefix with its parent, then loading throws', () => {
    const err = appErrorOf(() =>
      loadTaxonomy(ext({ categories: [{ key: 'user.behaviorx', parent: 'user.behavior' }] })),
    );
    expect(err.code).toBe('invalid_taxonomy');
  });

  it('when a declared key equals its parent, then loading throws', () => {
    const err = appErrorOf(() =>
      loadTaxonomy(ext({ categories: [{ key: 'user.behavior', parent: 'user.behavior' }] })),
    );
    expect(err.code).toBe('invalid_taxonomy');
  });

  it(
    'when a key is declared two levels below the named parent, then ' +
      'loading throws (a parent is the key one level up)',
    () => {
      // DESIGN.md: each declared key has "a parent that is already known"; the source comment says
      // "it must sit directly below it". Skipping a level would make a key whose parent is unknown.
      const err = appErrorOf(() =>
        loadTaxonomy(
          ext({
            categories: [
              { key: 'user.behavior.purchase_history.returns.reason', parent: 'user.behavior.purchase_history' },
            ],
          }),
        ),
      );
      expect(err.code).toBe('invalid_taxonomy');
    },
  );

  it('when an extension adds special roots, then they come on top of the defaults', () => {
    const t = loadTaxonomy(ext({ specialRoots: ['user.behavior.purchase_history'] }));
    expect(t.specialRoots).toEqual(
      expect.arrayContaining([...DEFAULT_SPECIAL_ROOTS, 'user.behavior.purchase_history']),
    );
    expect(isSpecial(t, 'user.behavior.purchase_history')).toBe(true);
    expect(isSpecial(t, 'user.health_and_medical.genetic')).toBe(true);
  });

  it('when an extension lists only some default roots, then the other defaults stay special', () => {
    const t = loadTaxonomy(ext({ specialRoots: ['user.biometric'] }));
    for (const root of DEFAULT_SPECIAL_ROOTS) expect(isSpecial(t, root), root).toBe(true);
  });

  it('when an extension tries to unmark a default root with an extra field, then the extension is rejected', () => {
    const parsed = TaxonomyExtension.safeParse({ specialRoots: [], unmarkSpecialRoots: ['user.financial'] });
    expect(parsed.success).toBe(false);
  });

  it('when an extension marks an unknown key special, then loading throws unknown_key', () => {
    const err = appErrorOf(() => loadTaxonomy(ext({ specialRoots: ['user.helth_and_medical'] })));
    expect(err.code).toBe('unknown_key');
    expect(err.path).toEqual(['specialRoots', 0]);
  });

  it('when an extension marks a key it declares itself special, then that key is special', () => {
    const t = loadTaxonomy(
      ext({
        categories: [{ key: 'user.behavior.purchase_history.returns', parent: 'user.behavior.purchase_history' }],
        specialRoots: ['user.behavior.purchase_history.returns'],
      }),
    );
    expect(isSpecial(t, 'user.behavior.purchase_history.returns')).toBe(true);
    expect(isSpecial(t, 'user.behavior.purchase_history')).toBe(false);
  });

  it('when an extension is loaded, then the default taxonomy loaded afterwards is not affected', () => {
    loadTaxonomy(
      ext({
        categories: [{ key: 'user.behavior.purchase_history.returns', parent: 'user.behavior.purchase_history' }],
        specialRoots: ['user.contact'],
      }),
    );
    const t = loadTaxonomy();
    expect(t.categories.has('user.behavior.purchase_history.returns')).toBe(false);
    expect(isSpecial(t, 'user.contact.email')).toBe(false);
  });
});
