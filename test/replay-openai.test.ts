/**
 * `candor replay --engine openai` runs the recorded sessions through the model engine against any OpenAI-compatible
 * endpoint.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, userPrompt, type ChatRequest, type Reply } from '../harness/fake-openai.js';

const root = path.resolve(import.meta.dirname, '..');
let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;

/** A model that cites the first fact it is given, openly, or writes a reply that uses none. */
function model(req: ChatRequest): Reply {
  const first = /- (F\d+): (.*) \(category:/.exec(userPrompt(req));
  const suggestions = first
    ? [
        {
          text: `I can see on your account: ${first[2]} [1]. Is that what you mean?`,
          footnotes: [{ marker: 1, facts: [first[1]] }],
        },
      ]
    : [{ text: 'Thanks for your message. Could you tell me a little more?', footnotes: [] }];
  return { content: JSON.stringify({ suggestions }) };
}

beforeAll(async () => {
  fake = await startFakeOpenAI(model);
});
afterAll(() => fake?.close());

async function replay(...args: string[]) {
  const env = { ...process.env, OPENAI_API_KEY: 'test', OPENAI_BASE_URL: fake.url, CANDOR_MODEL_RETRIES: '0' };
  try {
    const r = await promisify(execFile)(process.execPath, [path.join(root, 'bin/candor.js'), 'replay', ...args], {
      cwd: root,
      env,
    });
    return { code: 0, ...r };
  } catch (e) {
    return e as { code: number; stdout: string; stderr: string };
  }
}

describe('candor replay --engine openai', () => {
  it(
    'when the sessions run through a model, then every turn is clean and ' + 'the model named by --model was asked',
    async () => {
      const r = await replay('prompts/sessions', '--engine', 'openai', '--model', 'local-test-model', '--json');
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(
        report.sessions.flatMap((s: { id: string; violations: { turn: number; code: string; message: string }[] }) =>
          s.violations.map((v) => `${s.id} ${v.turn} ${v.code}: ${v.message}`),
        ),
      ).toEqual([]);
      expect(fake.requests.length).toBe(report.summary.turns);
      expect(new Set(fake.requests.map((q) => q.model))).toEqual(new Set(['local-test-model']));
      const blender = report.sessions.find((s: { id: string }) => s.id === 'blender-warranty');
      expect(blender.turns[0].suggestions[0].text).toBe(
        'I can see on your account: Blender Pro 3000, order #1042, delivered 14 Nov 2026 [1]. Is that what you mean?',
      );
      expect(fake.sentText()).not.toContain('Harbour Road'); // withheld in that session
    },
  );

  it('when the endpoint cannot be reached, then the withheld model answer is reported as a violation', async () => {
    const env = {
      ...process.env,
      OPENAI_API_KEY: 'test',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      CANDOR_MODEL_RETRIES: '0',
    };
    const r = await promisify(execFile)(
      process.execPath,
      [path.join(root, 'bin/candor.js'), 'replay', 'prompts/sessions/blender-warranty.json', '--engine', 'openai'],
      { cwd: root, env },
    ).catch((e) => e);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'model_answer_withheld: The model endpoint could not be reached. Showing offline suggestions instead.',
    );
  });

  it('when no API key is set, then --engine openai is a usage error', async () => {
    const { OPENAI_API_KEY: _unset, ...env } = process.env;
    const r = await promisify(execFile)(
      process.execPath,
      [path.join(root, 'bin/candor.js'), 'replay', 'prompts/sessions', '--engine', 'openai'],
      { cwd: root, env },
    ).catch((e) => e);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--engine openai needs OPENAI_API_KEY');
  });
});
