/**
 * The suite's files share a worker's modules (vitest.config.ts, `isolate: false`): a file that replaces a module with
 * `vi.mock` would hand its replacement to every file after it in that worker, so each such file must be listed in
 * OWN_MODULES, where it runs with modules of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL, OWN_MODULES } from '../vitest.config.js';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('test files and module isolation', () => {
  it('when a test file replaces a module (vi.mock, vi.doMock), then it runs with modules of its own', () => {
    // Each pattern is "<folder>/**/*.test.ts".
    const files = ALL.flatMap((pattern) => {
      const folder = pattern.slice(0, pattern.indexOf('/**'));
      return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.test.ts') && !f.split(path.sep).includes('node_modules'))
        .map((f) => path.posix.join(folder, f.split(path.sep).join('/')));
    });
    expect(files.length).toBeGreaterThan(100);
    const mocking = files.filter((f) => /\bvi\.(?:mock|doMock)\(/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(mocking).toContain('server/store/sqlite.test.ts');
    expect(mocking.filter((f) => !OWN_MODULES.includes(f))).toEqual([]);
  });
});
