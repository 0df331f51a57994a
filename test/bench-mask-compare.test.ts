/**
 * bench/mask-compare.ts, the masker against another version of itself: it must say when the output changed, and turn
 * away what it cannot compare with a message that names it.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { options } from '../bench/mask-compare.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const run = (args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/mask-compare.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
const failure = (args: string[]) =>
  run(args).then(
    () => {
      throw new Error(`mask-compare ${args.join(' ')} succeeded`);
    },
    (e: { code: number; stderr: string }) => e,
  );

const scratch = mkdtempSync(path.join(tmpdir(), 'candor-mask-compare-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('mask-compare', () => {
  it('finds the same spans in a copy of the masker, and a ratio for its speed', async () => {
    const copy = path.join(scratch, 'same');
    cpSync(path.join(ROOT, 'server/masking'), copy, { recursive: true });
    const { stdout } = await run(['--dir', copy, '--pairs', '1', '--rounds', '2', '--quick', '--json']);
    const r = JSON.parse(stdout) as { ratio: number; pairs: number[]; turns: number; differing: number };
    expect(r.differing).toBe(0);
    expect(r.turns).toBeGreaterThan(1_000);
    expect(r.pairs).toHaveLength(1);
    // Identical code: the ratio is a speed measured on a shared machine, so only its being a sane number is pinned.
    expect(r.ratio).toBeGreaterThan(0.5);
    expect(r.ratio).toBeLessThan(2);
  }, 60_000);

  it('counts the turns whose spans changed when a detector does', async () => {
    const changed = path.join(scratch, 'no-emails');
    cpSync(path.join(ROOT, 'server/masking'), changed, { recursive: true });
    const file = path.join(changed, 'detectors.ts');
    const source = readFileSync(file, 'utf8');
    expect(source).toContain('  detectEmails(text, found);\n');
    writeFileSync(file, source.replace('  detectEmails(text, found);\n', ''));
    const { stdout } = await run(['--dir', changed, '--pairs', '1', '--rounds', '1', '--quick']);
    expect(stdout).toMatch(/^output: the spans differ on [\d,]+ of [\d,]+ turns$/m);
  }, 60_000);

  it('names what is wrong with its command line', () => {
    expect(() => options([])).toThrow('give a commit or --dir, not neither');
    expect(() => options(['HEAD', '--dir', scratch])).toThrow('give a commit or --dir, not both');
    expect(() => options(['HEAD', 'HEAD~1'])).toThrow('one commit at a time, not 2');
    expect(() => options(['HEAD', '--pairs', '0'])).toThrow('--pairs must be a whole number of at least 1, not "0"');
    expect(() => options(['HEAD', '--rounds', '2.5'])).toThrow(
      '--rounds must be a whole number of at least 1, not "2.5"',
    );
    expect(() => options(['--dir', path.join(scratch, 'missing')])).toThrow('no such folder');
    expect(options(['HEAD', '--quick'])).toEqual({ commit: 'HEAD', pairs: 3, rounds: 24, quick: true, json: false });
  });

  it('turns away a commit the repository does not have, saying so and exiting with 2', async () => {
    const notCommit = await failure(['no-such-ref-1f2e3d']);
    expect(notCommit.code).toBe(2);
    expect(notCommit.stderr).toContain('"no-such-ref-1f2e3d" is not a commit of this repository');
  }, 60_000);
});
