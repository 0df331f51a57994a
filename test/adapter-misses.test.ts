/**
 * Helpdesk adapter misses over a real server: a panel's `adapter:miss` is counted per adapter and
 * field at the server's clock, read back by leads and admins (`GET /adapters/health`), bounded per
 * token, and keeps nothing from the page: the stored row and the log line hold adapter and field only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type PanelClient, type TestServer } from '../harness/server.js';
import { MISS_REPORTS } from '../server/realtime/adapter-misses.js';

let s: TestServer;
const logs: string[] = [];

beforeAll(async () => {
  s = await startServer({}, { smtp: false, log: (line) => logs.push(line) });
});
afterAll(() => s?.close());

type Answer = { ok: boolean; error?: { code: string; path: unknown[] } };
const report = (panel: PanelClient, payload: unknown) =>
  new Promise<Answer>((resolve) => panel.emit('adapter:miss', payload as never, resolve as never));

describe('adapter misses', () => {
  it(
    'when a panel reports that the Help Scout adapter did not find the conversation, then leads and ' +
      'admins see it counted today, by name and dated by the server; an agent cannot read it',
    async () => {
      const panel = await s.panel(s.tokens.agent);
      const before = Date.now();
      expect(await report(panel, { adapter: 'helpscout', field: 'conversation' })).toEqual({ ok: true, data: null });
      expect(await report(panel, { adapter: 'helpscout', field: 'conversation' })).toMatchObject({ ok: true });
      for (const token of [s.tokens.lead, s.tokens.admin]) {
        const { status, body } = await s.api('GET', '/adapters/health', undefined, token);
        expect(status).toBe(200);
        expect(body.misses).toEqual([
          {
            adapter: 'helpscout',
            name: 'Help Scout',
            field: 'conversation',
            lastMissingAt: expect.any(String),
            today: 2,
            last7Days: 2,
          },
        ]);
        expect(Date.parse(body.misses[0].lastMissingAt)).toBeGreaterThanOrEqual(before - 1000);
        expect(body.day).toBe(new Date().toISOString().slice(0, 10));
      }
      expect((await s.api('GET', '/adapters/health', undefined, s.tokens.agent)).status).toBe(403);
    },
  );

  it(
    'when a report carries anything from the page (a ticket, an address, a time) or names an unknown ' +
      'field, then it is refused naming the field and nothing is counted',
    async () => {
      const panel = await s.panel(s.tokens.agent);
      const valid = { adapter: 'zendesk', field: 'requester' };
      for (const [payload, where] of [
        [{ ...valid, ticketId: '5120' }, []],
        [{ ...valid, url: 'https://acme.zendesk.com/agent/tickets/5120' }, []],
        [{ ...valid, at: '2020-01-01T00:00:00Z' }, []],
        [{ ...valid, pageEmails: ['dana.kowalski@example.org'] }, []],
        [{ ...valid, field: 'subject' }, ['field']],
        [{ ...valid, adapter: 'gmail' }, ['adapter']],
      ] as const) {
        expect(await report(panel, payload)).toMatchObject({
          ok: false,
          error: { code: 'invalid_input', path: where },
        });
      }
      const health = (await s.api('GET', '/adapters/health', undefined, s.tokens.lead)).body;
      expect(health.misses.find((m: { adapter: string }) => m.adapter === 'zendesk')).toBeUndefined();
    },
  );

  it(
    'when the store and the log are read after reports, ' + 'then they hold the adapter, the field and counts only',
    async () => {
      const panel = await s.panel(s.tokens.agent);
      await report(panel, { adapter: 'front', field: 'replyBox' });
      const rows = await s.store.adapterMisses.health();
      expect(Object.keys(rows.misses[0]!).sort()).toEqual([
        'adapter',
        'field',
        'last7Days',
        'lastMissingAt',
        'name',
        'today',
      ]);
      const lines = logs.filter((l) => l.includes('adapter miss')).map((l) => JSON.parse(l));
      expect(lines.length).toBeGreaterThanOrEqual(3);
      for (const line of lines) expect(Object.keys(line).sort()).toEqual(['adapter', 'field', 'level', 'msg', 't']);
      // Nothing about misses goes into the audit log: it records no access to anyone's data.
      const entries = (await s.api('GET', '/audit', undefined, s.tokens.lead)).body.entries as { kind: string }[];
      expect(entries.filter((e) => e.kind.includes('adapter'))).toEqual([]);
    },
  );

  it(
    `when one token reports more than ${MISS_REPORTS.points} misses in ${MISS_REPORTS.seconds / 60} minutes, then ` +
      'the rest are refused (429) and not counted, and another token still reports',
    async () => {
      const panel = await s.panel(s.tokens.lead);
      const answers: Answer[] = [];
      for (let i = 0; i < MISS_REPORTS.points + 5; i++)
        answers.push(await report(panel, { adapter: 'intercom', field: 'requester' }));
      expect(answers.filter((a) => a.ok)).toHaveLength(MISS_REPORTS.points);
      expect(answers.at(-1)).toMatchObject({ ok: false, error: { code: 'too_many_reports' } });
      const health = (await s.api('GET', '/adapters/health', undefined, s.tokens.lead)).body;
      expect(health.misses.find((m: { adapter: string }) => m.adapter === 'intercom').today).toBe(MISS_REPORTS.points);
      expect(await report(await s.panel(s.tokens.admin), { adapter: 'intercom', field: 'requester' })).toMatchObject({
        ok: true,
      });
    },
  );
});
