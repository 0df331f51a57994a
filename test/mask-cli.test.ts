/** `candor mask` as it is run from outside: JSON lines on stdin, one JSON line per input on stdout. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CANDOR, candorWithInput, jsonLines as lines } from './helpers/cli.js';

const candorMask = (input: string, args: string[] = []) => candorWithInput(['mask', ...args], input);

describe('candor mask', () => {
  it(
    'when every line is {id, text}, then each gets {id, masked, entities} ' +
      'with offsets into its text, and exit is 0',
    async () => {
      const text = 'Hi, I am Sarah Okafor: sarah@example.com, +44 20 7946 0018, card 4539 1488 0343 6467.';
      const input = [JSON.stringify({ id: 't1', text }), JSON.stringify({ id: 't2', text: 'no PII here' })].join('\n');
      const r = await candorMask(`${input}\n`);
      expect(r.code).toBe(0);
      const [first, second] = lines(r.stdout);
      expect(first).toEqual({
        id: 't1',
        masked: 'Hi, I am <PERSON_1>: <EMAIL_1>, <PHONE_1>, card <CARD_1>.',
        entities: [
          { type: 'PERSON', start: 9, end: 21 },
          { type: 'EMAIL', start: 23, end: 40 },
          { type: 'PHONE', start: 42, end: 58 },
          { type: 'CARD', start: 65, end: 84 },
        ],
      });
      for (const e of first!.entities as { start: number; end: number }[])
        expect(text.slice(e.start, e.end)).not.toMatch(/^\s|\s$/);
      expect(second).toEqual({ id: 't2', masked: 'no PII here', entities: [] });
    },
  );

  it("when a line also names the ticket's people, then those names are masked wherever they occur", async () => {
    const r = await candorMask(
      `${JSON.stringify({ id: 'n', text: 'sarah said Okafor is her surname', names: ['Sarah Okafor'] })}\n`,
    );
    expect(lines(r.stdout)[0]).toMatchObject({ id: 'n', masked: '<PERSON_1> said <PERSON_2> is her surname' });
  });

  it(
    'when some lines are bad, then each gets an error naming the line and ' +
      'what was expected, the rest are masked, and exit is 1',
    async () => {
      const input = [
        'not json',
        JSON.stringify({ id: 'no-text' }),
        JSON.stringify({ id: 7, text: 'x' }),
        '',
        JSON.stringify({ id: 'ok', text: 'mail a@example.com' }),
      ].join('\n');
      const r = await candorMask(input);
      expect(r.code).toBe(1);
      const out = lines(r.stdout);
      expect(out).toHaveLength(4);
      expect(out[0]).toEqual({
        id: null,
        error: expect.stringMatching(/^line 1: not JSON; expected \{"id": string, "text": string\}/),
      });
      expect(out[1]).toEqual({ id: 'no-text', error: expect.stringMatching(/^line 2: "text": .*expected string/) });
      expect(out[2]).toEqual({ id: null, error: expect.stringMatching(/^line 3: "id": .*expected string/) });
      expect(out[3]).toEqual({ id: 'ok', masked: 'mail <EMAIL_1>', entities: [{ type: 'EMAIL', start: 5, end: 18 }] });
    },
  );

  it('when an error is reported, then it does not echo the line, which may hold PII', async () => {
    const r = await candorMask(
      `${JSON.stringify({ id: 'x', text: 42, note: 'sarah@example.com' })}\n{"id": "y", "text": "sarah@example.com"`,
    );
    expect(r.stdout).not.toContain('sarah@example.com');
    expect(r.code).toBe(1);
  });

  it('when lines arrive one by one, then each answer comes before the input ends (streaming)', async () => {
    const child = spawn(process.execPath, [CANDOR, 'mask'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const firstAnswer = new Promise<string>((resolve) =>
      child.stdout.once('data', (d: Buffer) => resolve(d.toString('utf8'))),
    );
    child.stdin.write(`${JSON.stringify({ id: 'early', text: 'call 020 7946 0018' })}\n`);
    expect(JSON.parse(await firstAnswer)).toMatchObject({ id: 'early', masked: 'call <PHONE_1>' });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.end();
    expect(await closed).toBe(0);
  });

  it('when arguments are given, then it is a usage error with exit 2', async () => {
    const r = await candorMask('', ['file.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: candor mask');
  });
});
