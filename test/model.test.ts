/**
 * The model engine against a local OpenAI-compatible endpoint, through the real `openai` client:
 * what the model is sent (masked, permitted facts only), what the agent gets back (re-hydrated,
 * guarded), and every way an answer can go wrong.
 */
import { factIdsOf } from '../server/protocol/assist.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AssistView, Suggestion } from '../server/protocol/assist.js';
import { startServer, type TestServer } from '../harness/server.js';
import { startFakeOpenAI, userPrompt, type ChatRequest, type Reply } from '../harness/fake-openai.js';

let mode: (req: ChatRequest, n: number) => Reply;
let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
let s: TestServer;

/** Every raw value the conversation and the facts carry; none may reach the model. */
const RAW = {
  PERSON: ['Dana', 'Kowalski', 'Priya', 'Ramanathan'],
  EMAIL: ['dana.kowalski@example.org'],
  CARD: ['4111 1111 1111 1111'],
  IBAN: ['GB82 WEST 1234 5698 7654 32'],
  PHONE: ['+44 20 7946 0018'],
  SSN: ['123-45-6789'],
  NINO: ['AB 12 34 56 C'],
  IP: ['203.0.113.42', '2001:db8::1'],
  DOB: ['14/03/1985'],
  ADDRESS: ['221B Baker Street'],
  WITHHELD: ['Harbour', 'Portlow', 'Coeliac'],
};

const conversation = [
  {
    role: 'customer',
    text:
      "Hi, I'm Dana Kowalski. My blender from last week stopped working and " +
      'my card 4111 1111 1111 1111 was charged twice.',
  },
  { role: 'agent', text: 'Sorry about that! Priya here, let me check.' },
  {
    role: 'customer',
    text:
      'Refund to IBAN GB82 WEST 1234 5698 7654 32 please, or call +44 20 ' +
      '7946 0018. SSN 123-45-6789, NI number AB 12 34 56 C, date of birth ' +
      '14/03/1985. I wrote from 203.0.113.42 and 2001:db8::1. I moved to ' +
      '221B Baker Street, London.',
  },
];

const answer = (suggestions: unknown): Reply => ({ content: JSON.stringify({ suggestions }) });
const nameOf = (req: ChatRequest) => /Customer: (<PERSON_\d+>)/.exec(userPrompt(req))?.[1] ?? '<PERSON_1>';
const refOf = (req: ChatRequest) => /- (F\d+): [^\n]*Blender/.exec(userPrompt(req))?.[1] ?? 'F1';

/** A good answer that uses the placeholder it was given and cites the blender order. */
const good = (req: ChatRequest): Reply =>
  answer([
    {
      text:
        `Hi ${nameOf(req)}, I can see on your account that you ordered Blender ` +
        `Pro 3000, order #1042 [1] — is that the one?`,
      footnotes: [{ marker: 1, facts: [refOf(req)] }],
    },
    { text: `Thanks ${nameOf(req)}, I have passed this to <EMAIL_9> for a refund.`, footnotes: [] },
  ]);

beforeAll(async () => {
  fake = await startFakeOpenAI((req, n) => mode(req, n));
  s = await startServer({
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: fake.url,
    CANDOR_MODEL: 'test-model',
    CANDOR_MODEL_TIMEOUT_MS: '800',
    CANDOR_MODEL_RETRIES: '1',
  });
  await s.api('PUT', '/customers/c_dana', { displayName: 'Dana Kowalski', email: 'dana.kowalski@example.org' });
  await s.api('POST', '/customers/c_dana/facts', {
    facts: [
      {
        id: 'f1',
        category: 'user.behavior.purchase_history',
        text: 'Blender Pro 3000, order #1042, delivered 14 Nov 2026',
        source: 'orders',
        collectedAt: '2026-11-14T10:00:00Z',
      },
      {
        id: 'f2',
        category: 'user.contact.email',
        text: 'dana.kowalski@example.org',
        source: 'crm',
        collectedAt: '2026-01-05T10:00:00Z',
      },
      {
        id: 'f3',
        category: 'user.contact.address.street',
        text: '12 Harbour Road, Portlow',
        value: { street: '12 Harbour Road' },
        source: 'crm',
        collectedAt: '2026-01-05T10:00:00Z',
      },
      {
        id: 'f4',
        category: 'user.health_and_medical',
        text: 'Coeliac, avoids gluten',
        source: 'profile',
        collectedAt: '2026-01-05T10:00:00Z',
      },
    ],
  });
  await s.api('POST', '/customers/c_dana/consents/import', {
    system: 'the test seed',
    consents: [
      {
        id: 'k1',
        purpose: 'essential.service.operations.support',
        categories: ['user.behavior.purchase_history', 'user.contact.email'],
        status: 'granted',
        at: '2026-03-01T00:00:00Z',
        source: 'checkout',
      },
    ],
  });
  await s.api('POST', '/customers/c_dana/consents/import', {
    system: 'the test seed',
    consents: [
      {
        id: 'k2',
        purpose: 'essential',
        categories: ['user.behavior'],
        status: 'granted',
        at: '2026-03-01T00:00:00Z',
        source: 'signup',
      },
    ],
  });
});
afterAll(async () => {
  await s?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.requests.length = 0;
});

const assist = async (ticketId = 'T-1') =>
  (
    await s.api(
      'POST',
      '/assist',
      { ticketId, customerId: 'c_dana', conversation, agentName: 'Priya Ramanathan' },
      s.tokens.agent,
    )
  ).body as AssistView;

describe('what the model is sent', () => {
  it('when a ticket is assisted, then the request holds no withheld fact and no raw PII of any type', async () => {
    mode = good;
    await assist();
    expect(fake.requests).toHaveLength(1);
    const sent = fake.sentText();
    for (const [type, values] of Object.entries(RAW))
      for (const v of values) expect(sent, `${type} ${v}`).not.toContain(v);
    expect(sent).toContain('Blender Pro 3000'); // the permitted fact is there, masked where it holds PII
    expect(fake.requests[0]!.model).toBe('test-model');
    expect(fake.requests[0]!.response_format).toMatchObject({ type: 'json_schema' });
  });

  it('when the model answers, then what it was sent is in the audit log and an agent can open it', async () => {
    mode = good;
    const view = await assist();
    const seq = view.suggestions.find((x) => x.modelCall)!.modelCall!;
    const seen = await s.api('GET', `/model-calls/${seq}`, undefined, s.tokens.agent);
    expect(seen.status).toBe(200);
    expect(seen.body.messages).toEqual(fake.requests[0]!.messages);
    expect(seen.body).toMatchObject({
      model: 'test-model',
      factIds: ['f1', 'f2'],
      templates: [
        { id: 'model.system', version: 1 },
        { id: 'model.user', version: 1 },
      ],
    });
    expect(seen.body.consentIds.length).toBeGreaterThan(0);
  });
});

describe('what the agent gets back', () => {
  it(
    'when the answer uses placeholders, then the agent sees the real ' + 'values, with footnotes Candor wrote',
    async () => {
      mode = good;
      const view = await assist();
      expect(view.engine).toBe('openai');
      expect(view.note).toBeNull();
      const [first] = view.suggestions as [Suggestion];
      expect(first.text).toBe(
        'Hi Dana Kowalski, I can see on your account that you ordered Blender ' +
          'Pro 3000, order #1042 [1] — is that the one?',
      );
      expect(first.footnotes).toEqual([expect.objectContaining({ marker: 1, factIds: ['f1'], consentId: 'k1' })]);
      expect(first.footnotes[0]!.explanation).toContain('orders');
    },
  );

  it('when the model invents a placeholder, then it is dropped, never filled', async () => {
    mode = good;
    const view = await assist();
    const second = view.suggestions[1]!;
    expect(second.text).not.toMatch(/<[A-Z]+_\d+>/);
    expect(second.text).toContain('Thanks Dana Kowalski');
    expect(JSON.stringify(view)).not.toMatch(/<[A-Z]+_\d+>/);
  });

  it('when the model cites a fact it was not given, then that suggestion is dropped', async () => {
    mode = (req) =>
      answer([
        { text: 'I can see on your account an order [1].', footnotes: [{ marker: 1, facts: ['F42'] }] },
        {
          text: `I can see on your account that you ordered Blender Pro 3000, order #1042 [1].`,
          footnotes: [{ marker: 1, facts: [refOf(req)] }],
        },
      ]);
    const view = await assist();
    expect(view.suggestions.map((x) => x.text)).toEqual([
      'I can see on your account that you ordered Blender Pro 3000, order #1042 [1].',
    ]);
  });

  it(
    'when a marker lacks its footnote but quotes exactly one given fact, ' +
      'then the footnote is added from that fact',
    async () => {
      mode = () =>
        answer([
          {
            text: 'Our records show Blender Pro 3000, order #1042, delivered 14 Nov 2026 [1]. Is that it?',
            footnotes: [],
          },
        ]);
      const view = await assist();
      expect(view.engine).toBe('openai');
      expect(view.suggestions[0]!.footnotes).toEqual([
        expect.objectContaining({ marker: 1, factIds: ['f1'], consentId: 'k1' }),
      ]);
    },
  );

  it(
    'when the model uses a fact without saying where it came from, then ' +
      'the guard withholds it and the offline suggestions come with a note',
    async () => {
      mode = (req) =>
        answer([
          { text: 'You ordered Blender Pro 3000, order #1042 [1].', footnotes: [{ marker: 1, facts: [refOf(req)] }] },
        ]);
      const view = await assist();
      expect(view.engine).toBe('offline');
      expect(view.note).toBe("The model's suggestions did not pass Candor's checks, so they were withheld.");
      expect(view.suggestions.length).toBeGreaterThan(0);
    },
  );
});

describe('when the endpoint misbehaves, the offline suggestions are shown with a plain note', () => {
  it('when the answer is not JSON', async () => {
    mode = () => ({ content: 'Sure! Here are some replies: 1. Hello' });
    const view = await assist();
    expect(view.engine).toBe('offline');
    expect(view.note).toBe(
      "The model's answer was not in the expected format, so it was withheld. Showing offline suggestions instead.",
    );
  });

  it('when the answer violates the schema', async () => {
    mode = () => ({ content: JSON.stringify({ suggestions: 'three nice replies' }) });
    const view = await assist();
    expect(view.engine).toBe('offline');
    expect(view.note).toContain('not in the expected format');
  });

  it('when the endpoint does not answer in time', async () => {
    mode = () => ({ hang: true });
    const view = await assist();
    expect(view.engine).toBe('offline');
    expect(view.note).toBe('The model did not answer within 1 s. Showing offline suggestions instead.');
  });

  it('when the endpoint keeps answering 429, then it is retried with backoff and then reported', async () => {
    mode = () => ({ status: 429, body: { error: { message: 'slow down', type: 'rate_limit' } } });
    const view = await assist();
    expect(fake.requests).toHaveLength(2); // the first try and CANDOR_MODEL_RETRIES=1 retry
    expect(view.note).toBe('The model endpoint is rate-limiting requests (429). Showing offline suggestions instead.');
    expect(view.suggestions.length).toBeGreaterThan(0);
  });

  it('when a 429 clears on retry, then the model answer is used', async () => {
    mode = (req, n) => (n === 1 ? { status: 429 } : good(req));
    const view = await assist();
    expect(view.engine).toBe('openai');
  });
});

describe('streaming to a side panel', () => {
  it(
    'when a panel opens a ticket, then the context comes at once and each ' +
      'guarded suggestion follows, then the final view',
    async () => {
      mode = good;
      const panel = await s.panel();
      const streamed: Suggestion[] = [];
      panel.on('assist:suggestion', ({ suggestion }) => streamed.push(suggestion));
      const complete = new Promise<AssistView>((resolve) => panel.once('assist:complete', resolve));
      const first = await new Promise<AssistView>((resolve, reject) =>
        panel.emit('ticket:open', { ticketId: 'T-S', customerId: 'c_dana', conversation } as never, (a) =>
          a.ok ? resolve(a.data) : reject(new Error(a.error.message)),
        ),
      );
      expect(first.pending).toBe(true);
      expect(first.suggestions).toEqual([]);
      expect(first.context.shown.map((f) => f.factId)).toEqual(['f1', 'f2']);
      const final = await complete;
      expect(final.pending).toBe(false);
      expect(streamed.map((x) => x.id)).toEqual(final.suggestions.map((x) => x.id));
      expect(streamed[0]!.text).toContain('Dana Kowalski');
    },
  );

  it(
    'when consent is withdrawn after a model suggestion was shown, then ' +
      'the pushed view drops the suggestion without calling the model',
    async () => {
      mode = good;
      const panel = await s.panel();
      const complete = new Promise<AssistView>((resolve) => panel.once('assist:complete', resolve));
      panel.emit('ticket:open', { ticketId: 'T-W', customerId: 'c_dana', conversation } as never, () => {});
      expect((await complete).suggestions.some((x) => x.footnotes.some((f) => factIdsOf(f).includes('f1')))).toBe(true);
      const calls = fake.requests.length;
      const pushed = new Promise<{ view: AssistView }>((resolve) => panel.once('assist:updated', resolve));
      await s.api('POST', '/customers/c_dana/consents/k1/withdraw', {}, s.tokens.admin);
      const { view } = await pushed;
      expect(fake.requests.length).toBe(calls);
      // f1 is still permitted under the broad k2, but the suggestion cited it under k1: it goes.
      expect(view.context.shown.find((f) => f.factId === 'f1')?.consentId).toBe('k2');
      expect(view.suggestions.some((x) => x.footnotes.some((f) => 'consentId' in f && f.consentId === 'k1'))).toBe(
        false,
      );
      expect(view.suggestions.map((x) => x.text)).toEqual([
        'Thanks Dana Kowalski, I have passed this to for a refund.',
      ]);
    },
  );

  it(
    'when consent is withdrawn while the model is still writing, then the ' +
      'final view is checked against the new consents',
    async () => {
      await s.api('POST', '/customers/c_dana/consents/import', {
        system: 'the test seed',
        consents: [
          {
            id: 'k5',
            purpose: 'essential',
            categories: ['user.behavior'],
            status: 'granted',
            at: '2026-03-01T00:00:00Z',
            source: 'signup',
          },
        ],
      });
      mode = (req) => ({ ...(good(req) as { content: string }), delayMs: 300 });
      const panel = await s.panel();
      const streamed: Suggestion[] = [];
      panel.on('assist:suggestion', ({ suggestion }) => streamed.push(suggestion));
      const complete = new Promise<AssistView>((resolve) => panel.once('assist:complete', resolve));
      const first = await new Promise<AssistView>((resolve) =>
        panel.emit(
          'ticket:open',
          { ticketId: 'T-R', customerId: 'c_dana', conversation } as never,
          (a) => a.ok && resolve(a.data),
        ),
      );
      expect(first.context.shown.map((f) => f.factId)).toContain('f1');
      await s.api('POST', '/customers/c_dana/consents/k2/withdraw', {}, s.tokens.admin);
      await s.api('POST', '/customers/c_dana/consents/k5/withdraw', {}, s.tokens.admin);
      const final = await complete;
      expect(final.context.shown.map((f) => f.factId)).not.toContain('f1');
      expect(streamed).toEqual([]);
      expect(final.suggestions.some((x) => x.footnotes.some((f) => factIdsOf(f).includes('f1')))).toBe(false);
    },
  );
});

describe('what the AI saw, later', () => {
  it('when consent for a fact it was sent is withdrawn, then the model call can no longer be opened', async () => {
    mode = good;
    await s.api('PUT', '/customers/c_lee', { displayName: 'Lee Marsh', email: 'lee@example.org' });
    await s.api('POST', '/customers/c_lee/facts', {
      facts: [
        {
          id: 'g1',
          category: 'user.behavior.purchase_history',
          text: 'Blender Pro 3000, order #2001',
          source: 'orders',
          collectedAt: '2026-11-14T10:00:00Z',
        },
      ],
    });
    await s.api('POST', '/customers/c_lee/consents/import', {
      system: 'the test seed',
      consents: [
        {
          id: 'kl',
          purpose: 'essential.service.operations.support',
          categories: ['user.behavior.purchase_history'],
          status: 'granted',
          at: '2026-03-01T00:00:00Z',
          source: 'checkout',
        },
      ],
    });
    const view = (
      await s.api(
        'POST',
        '/assist',
        { ticketId: 'T-LEE', customerId: 'c_lee', conversation: [{ role: 'customer', text: 'My blender broke.' }] },
        s.tokens.agent,
      )
    ).body as AssistView;
    const seq = view.suggestions.find((x) => x.modelCall)!.modelCall!;
    expect((await s.api('GET', `/model-calls/${seq}`, undefined, s.tokens.agent)).status).toBe(200);

    await s.api('POST', '/customers/c_lee/consents/kl/withdraw', { channel: 'chat' }, s.tokens.agent);
    const after = await s.api('GET', `/model-calls/${seq}`, undefined, s.tokens.agent);
    expect(after.status).toBe(410);
    expect(JSON.stringify(after.body)).not.toContain('Blender');
  });
});
