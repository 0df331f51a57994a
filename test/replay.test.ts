/** `candor replay` as a user runs it: the real command, its exit status and its JSON. */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);

async function replay(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, 'bin/candor.js'), 'replay', ...args], {
      cwd: root,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** A copy of the shipped templates with one file changed, as a lead's draft would be. */
function draftWith(file: string, body: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-prompts-'));
  cpSync(path.join(root, 'prompts/offline'), dir, { recursive: true });
  const front = /^---\n[\s\S]*?\n---\n/.exec(readFileSync(path.join(dir, file), 'utf8'))![0];
  writeFileSync(path.join(dir, file), `${front}${body}\n`);
  return dir;
}

describe('candor replay', () => {
  it('when the recorded sessions are replayed, then every one is clean and exit is 0', async () => {
    const r = await replay('prompts/sessions', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary.violations).toBe(0);
    expect(report.summary.sessions).toBeGreaterThanOrEqual(3);
    const blender = report.sessions.find((s: { id: string }) => s.id === 'blender-warranty');
    expect(blender.turns[0].context.shown).toEqual([
      {
        factId: 'f1',
        consentId: 'k1',
        category: 'user.behavior.purchase_history',
        text: 'Blender Pro 3000, order #1042, delivered 14 Nov 2026',
      },
    ]);
    expect(blender.turns[0].context.withheld).toEqual([
      { category: 'user.contact.address.street', reason: 'no_consent', count: 1 },
    ]);
  });

  it('when a consent is withdrawn mid-session, then later turns no longer show the fact', async () => {
    const r = await replay('prompts/sessions/withdrawn-mid-session.json', '--json');
    const [session] = JSON.parse(r.stdout).sessions;
    expect(session.turns.map((t: { turn: number }) => t.turn)).toEqual([0, 2]);
    expect(session.turns[0].context.shown.map((f: { factId: string }) => f.factId)).toContain('f1');
    expect(session.turns[1].context.shown.map((f: { factId: string }) => f.factId)).not.toContain('f1');
    expect(session.turns[1].context.withheld).toContainEqual({
      category: 'user.behavior.purchase_history',
      reason: 'withdrawn',
      count: 1,
    });
  });

  it(
    'when a draft template drops the footnote marker, then the replay ' + 'reports it by session and turn and exits 1',
    async () => {
      const prompts = draftWith(
        'fact-purchase.liquid',
        'I can see on your account that you ordered {{ fact.text }} — is that the one?',
      );
      const r = await replay('prompts/sessions', '--json', '--prompts', prompts);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout);
      const blender = report.sessions.find((s: { id: string }) => s.id === 'blender-warranty');
      expect(blender.ok).toBe(false);
      expect(blender.violations).toContainEqual(expect.objectContaining({ turn: 0, code: 'footnote_without_marker' }));
    },
  );

  it(
    'when a draft template prints a fact without saying where it came ' +
      'from, then the replay reports it and exits 1',
    async () => {
      const prompts = draftWith(
        'fact-purchase.liquid',
        'You ordered {{ fact.text }} [{{ fact.marker }}]. Is that the one?',
      );
      const r = await replay('prompts/sessions', '--prompts', prompts);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/FAIL blender-warranty .*\n\s+turn 0: no_source_disclosure/);
    },
  );

  it('when a file is invalid, then it is reported with its JSON path and the others still run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'candor-sessions-'));
    cpSync(path.join(root, 'prompts/sessions/blender-warranty.json'), path.join(dir, 'good.json'));
    const bad = JSON.parse(readFileSync(path.join(root, 'prompts/sessions/blender-warranty.json'), 'utf8'));
    bad.id = 'bad';
    bad.turns[1].mood = 'grumpy';
    bad.facts[1].category = 'user.contact.adress.street';
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
    const r = await replay(dir, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const badReport = report.sessions.find((s: { file: string }) => s.file.endsWith('bad.json'));
    expect(badReport.violations[0]).toMatchObject({ code: 'invalid_session', path: '$.turns[1]' });
    expect(report.sessions.find((s: { file: string }) => s.file.endsWith('good.json')).ok).toBe(true);
  });

  it('when a category is misspelt, then the file is refused with the nearest known key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'candor-sessions-'));
    const bad = JSON.parse(readFileSync(path.join(root, 'prompts/sessions/blender-warranty.json'), 'utf8'));
    bad.facts[1].category = 'user.contact.adress.street';
    writeFileSync(path.join(dir, 'typo.json'), JSON.stringify(bad));
    const r = await replay(dir, '--json');
    const [s] = JSON.parse(r.stdout).sessions;
    expect(s.violations[0]).toMatchObject({ path: '$.facts[1].category' });
    expect(s.violations[0].message).toContain('did you mean "user.contact.address.street"');
  });

  it('when called wrongly, then exit 2 with the usage line', async () => {
    const r = await replay();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: candor replay');
    expect((await replay('prompts/sessions', '--engine', 'magic')).code).toBe(2);
  });
});
