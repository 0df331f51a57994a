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

  it('names what it cannot compare', async () => {
    const notCommit = await failure(['no-such-ref-1f2e3d']);
    expect(notCommit.code).toBe(2);
    expect(notCommit.stderr).toContain('"no-such-ref-1f2e3d" is not a commit of this repository');
    const neither = await failure([]);
    expect(neither.stderr).toContain('give one commit or --dir, not neither');
    const pairs = await failure(['HEAD', '--pairs', '0']);
    expect(pairs.stderr).toContain('--pairs must be a whole number of at least 1, not "0"');
    const folder = await failure(['--dir', path.join(scratch, 'missing')]);
    expect(folder.stderr).toContain('no such folder');
  }, 60_000);
});
