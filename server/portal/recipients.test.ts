/** Who a customer's data goes to: the register with the model provider, and the tickets sent to each. */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../audit/chain.js';
import type { Recipient as Registered } from '../protocol/recipients.js';
import { modelProvider, recipientRegister, sentTo } from './recipients.js';

const HELPDESK: Registered = {
  name: 'Example Helpdesk Ltd',
  role: 'processor',
  purpose: 'Hosts our helpdesk',
  where: 'Ireland (EU)',
  agreement: 'https://helpdesk.example.com/dpa',
};
const OPENAI: Registered = {
  name: 'OpenAI',
  role: 'processor',
  purpose: 'Writes suggested replies',
  where: 'United States',
  agreement: 'https://openai.example/dpa',
};

describe('the register', () => {
  it('when no model is used and nothing is registered, then no one is listed', () => {
    expect(recipientRegister([], undefined)).toEqual([]);
  });

  it('when the model engine is on, then its provider is added, named by its host', () => {
    expect(recipientRegister([HELPDESK], 'api.openai.com').map((r) => [r.name, r.where, r.modelHost])).toEqual([
      ['Example Helpdesk Ltd', 'Ireland (EU)', null],
      ['OpenAI', null, 'api.openai.com'],
    ]);
    expect(recipientRegister([], 'llm.internal.example.net:8443')[0]).toMatchObject({
      name: 'llm.internal.example.net:8443',
      role: 'processor',
      agreement: null,
      modelHost: 'llm.internal.example.net:8443',
    });
  });

  it('when the register already names the provider (by name or by host), then it is listed once, as registered', () => {
    expect(recipientRegister([HELPDESK, OPENAI], 'api.openai.com')).toEqual([
      { ...HELPDESK, modelHost: null },
      { ...OPENAI, modelHost: 'api.openai.com' },
    ]);
    const byHost = { ...OPENAI, name: 'Our model host', modelHost: 'llm.example.net' };
    expect(recipientRegister([byHost], 'llm.example.net')).toEqual([byHost]);
  });
});

let seq = 0;
/** A `model.called` entry as the store keeps it; `ticketId: null` is one whose sealed part was erased. */
const call = (at: string, endpoint: string | undefined, ticketId: string | null, factIds: string[]): AuditEntry => ({
  seq: ++seq,
  at,
  kind: 'model.called',
  actor: 'agent:tok_1',
  customerId: 'c_dana',
  payload: { ...(endpoint ? { endpoint } : {}), model: 'm', templates: [], factIds, consentIds: [] },
  seal: ticketId
    ? { digest: 'd', salt: 's', value: { ticketId, messages: [] }, erasedAt: null }
    : { digest: 'd', salt: null, value: null, erasedAt: '2026-12-01T00:00:00Z' },
  prevHash: '',
  hash: '',
});
const CATEGORIES: Record<string, string> = { f1: 'purchase history', f2: 'street' };

describe('what was sent to whom', () => {
  const register = recipientRegister([HELPDESK], 'api.openai.com');

  it(
    'when a model was called for the customer, then each ticket is listed once under its provider, ' +
      'with every time it was sent (newest first) and what went with the conversation',
    () => {
      const shown = sentTo(
        register,
        [
          call('2026-12-03T10:00:00Z', 'api.openai.com', 'T-1', ['f1']),
          call('2026-12-02T10:00:00Z', 'api.openai.com', 'T-2', []),
          call('2026-12-01T10:00:00Z', 'api.openai.com', 'T-1', ['f1', 'f2']),
        ],
        (id) => CATEGORIES[id],
      );
      expect(shown[0]).toMatchObject({ name: 'Example Helpdesk Ltd', sent: null });
      expect(shown[1]!.name).toBe('OpenAI');
      expect(shown[1]!.sent).toEqual([
        {
          ticketId: 'T-1',
          at: ['2026-12-03T10:00:00Z', '2026-12-01T10:00:00Z'],
          categories: ['purchase history', 'street'],
        },
        { ticketId: 'T-2', at: ['2026-12-02T10:00:00Z'], categories: [] },
      ]);
    },
  );

  it('when nothing was sent yet, then the provider is listed with an empty list, not left out', () => {
    expect(sentTo(register, [], () => undefined)[1]).toMatchObject({ name: 'OpenAI', sent: [] });
  });

  it('when an entry’s sealed part was erased, then the disclosure stays but names no ticket', () => {
    const [, provider] = sentTo(register, [call('2026-12-01T10:00:00Z', 'api.openai.com', null, ['f1'])], (id) =>
      id === 'f1' ? 'purchase history' : undefined,
    );
    expect(provider!.sent).toEqual([
      { ticketId: null, at: ['2026-12-01T10:00:00Z'], categories: ['purchase history'] },
    ]);
  });

  it('when a call went to a host the register no longer names, or to no recorded host, then it is listed too', () => {
    const shown = sentTo(
      register,
      [
        call('2026-11-02T10:00:00Z', 'old-llm.example.net', 'T-9', []),
        call('2026-11-01T10:00:00Z', undefined, 'T-8', []),
      ],
      () => undefined,
    );
    expect(shown.map((r) => [r.name, r.sent?.map((t) => t.ticketId) ?? null])).toEqual([
      ['Example Helpdesk Ltd', null],
      ['OpenAI', []],
      ['old-llm.example.net', ['T-9']],
      [modelProvider(null).name, ['T-8']],
    ]);
  });
});
