/**
 * The model engine and help-centre articles, against a local OpenAI-compatible endpoint through the real `openai`
 * client: the model is given the public passages found for the ticket as refs A1, A2…, never an internal article, and
 * cites an article as it cites a fact; a footnote that cites an article it was not given, or an article beside facts,
 * and a reply that repeats an internal article, never reach the agent.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistView } from '../server/protocol/assist.js';
import { startServer, type TestServer } from '../harness/server.js';
import { startFakeOpenAI, userPrompt, type ChatRequest, type Reply } from '../harness/fake-openai.js';

let mode: (req: ChatRequest) => Reply;
let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
let s: TestServer;

const answer = (suggestions: unknown): Reply => ({ content: JSON.stringify({ suggestions }) });
const refOf = (req: ChatRequest, title: string) =>
  new RegExp(`- (A\\d+): "${title}"`).exec(userPrompt(req))?.[1] ?? 'A9';
const returnsRef = (req: ChatRequest) => refOf(req, 'Returning an item');

beforeAll(async () => {
  fake = await startFakeOpenAI((req) => mode(req));
  s = await startServer({
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: fake.url,
    CANDOR_MODEL: 'test-model',
    CANDOR_MODEL_TIMEOUT_MS: '2000',
    CANDOR_MODEL_RETRIES: '0',
    CANDOR_ARTICLES_DIR: path.resolve(import.meta.dirname, '../articles'),
  });
  await s.api('PUT', '/customers/c_dana', { displayName: 'Dana Kowalski', email: 'dana.kowalski@example.org' });
});
afterAll(async () => {
  await s?.close();
  await fake?.close();
});

const assist = async (text = "I'd like a refund: can I still send the stand mixer back? How many days do I have?") =>
  (
    await s.api(
      'POST',
      '/assist',
      { ticketId: 'T-A', customerId: 'c_dana', conversation: [{ role: 'customer', text }] },
      s.tokens.agent,
    )
  ).body as AssistView;

describe('the model and help-centre articles', () => {
  it('when a public article answers the question, then the model gets its passages as A refs, and no internal article', async () => {
    mode = () => answer([{ text: 'Let me check that for you.', footnotes: [] }]);
    const view = await assist();
    expect(view.context.articles.map((a) => [a.articleId, a.visibility])).toContainEqual([
      'refund-exceptions',
      'internal',
    ]);
    const prompt = userPrompt(fake.requests.at(-1)!);
    expect(prompt).toMatch(/- A1: "Returning an item" \(updated 1 October 2026\): .*45 days of delivery/);
    expect(prompt).not.toMatch(/goodwill|Refund exceptions|team lead may approve/i);
    expect(fake.sentText()).not.toMatch(/goodwill/i);
  });

  it('when the model cites the returns article, then the agent gets an article footnote at its version', async () => {
    mode = (req) =>
      answer([
        {
          text: 'Our returns guide says you can send it back within 45 days of delivery [1].',
          footnotes: [{ marker: 1, facts: [returnsRef(req)] }],
        },
      ]);
    const view = await assist();
    expect(view.engine).toBe('openai');
    expect(view.suggestions[0]!.footnotes).toEqual([
      {
        marker: 1,
        articleId: 'returns-policy',
        articleUpdated: '2026-10-01',
        explanation: 'From the help-centre article "Returning an item" (updated 1 October 2026).',
      },
    ]);
  });

  it('when the model cites an article it was not given, or an article beside a fact, then that reply is dropped', async () => {
    mode = (req) =>
      answer([
        { text: 'See our guide [1].', footnotes: [{ marker: 1, facts: ['A7'] }] },
        { text: 'See our guide [1].', footnotes: [{ marker: 1, facts: [returnsRef(req), 'F1'] }] },
        { text: 'Let me check that for you.', footnotes: [] },
      ]);
    const view = await assist();
    expect(view.suggestions.map((x) => x.text)).toEqual(['Let me check that for you.']);
  });

  it('when the model repeats a sentence of an internal article, then the guard drops that reply', async () => {
    mode = () =>
      answer([
        {
          text:
            'A team lead may approve a goodwill refund up to 60 days after delivery when the customer has ordered at ' +
            'least three times this year.',
          footnotes: [],
        },
        { text: 'Let me check that for you.', footnotes: [] },
      ]);
    const view = await assist();
    expect(view.suggestions.map((x) => x.text)).toEqual(['Let me check that for you.']);
    expect(view.dropped).toBe(1);
  });

  it('when nothing in the help centre matches, then the model is told so and no article is cited', async () => {
    mode = () => answer([{ text: 'Let me check that for you.', footnotes: [] }]);
    const view = await assist('Can you change the colour of my profile picture?');
    expect(view.context.articles).toEqual([]);
    expect(userPrompt(fake.requests.at(-1)!)).toContain('- none: do not state any rule of the shop.');
  });
});
