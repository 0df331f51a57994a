import { describe, expect, it } from 'vitest';
import { main } from './commands.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const COMMANDS = ['replay', 'audit verify', 'tokens create', 'mask', 'prompts check', 'migrate-to-postgres'];

describe('candor', () => {
  it.each(['--help', '-h', 'help'])('when asked %s, then every command once on stdout, and exit 0', async (flag) => {
    const r = await run(flag);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.match(/usage:/g)).toHaveLength(1);
    for (const c of COMMANDS) expect(r.out.split(`candor ${c}`)).toHaveLength(2);
  });

  it('when a command is asked for --help, then its usage on stdout, and exit 0', async () => {
    const r = await run('audit', '--help');
    expect(r).toEqual({ code: 0, out: expect.stringContaining('usage: candor audit verify'), err: '' });
  });

  it('when the command does not exist, then it is named on stderr with the commands, and exit 2', async () => {
    const r = await run('nope');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^candor: there is no command "nope"\n/);
    expect(r.err).toContain('candor replay');
  });

  it('when called with nothing, then the commands on stderr, and exit 2', async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.err.match(/usage:/g)).toHaveLength(1);
  });
});
