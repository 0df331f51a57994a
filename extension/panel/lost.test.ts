import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TicketSnapshot } from '../shared/messages.js';
import { lostSentence, watchLost } from './lost.js';

const page = (missing?: TicketSnapshot['missing'], ticketId = '2615606748'): TicketSnapshot => ({
  adapter: 'helpscout',
  ticketId,
  conversation: [],
  canInsert: true,
  ...(missing ? { missing } : {}),
});

describe('what the panel says when an adapter is lost', () => {
  it('names the adapter and the fields in words, and what the agent can do', () => {
    expect(lostSentence(page(['conversation']))).toMatch(
      /^Candor's Help Scout adapter did not find the conversation on this page\. Choose the customer’s e-mail/,
    );
    expect(lostSentence(page(['requester', 'conversation', 'replyBox']))).toMatch(
      /did not find the requester's e-mail, the conversation or the reply box on this page\./,
    );
    expect(lostSentence(page(['replyBox']))).toMatch(/the reply box on this page\. Insert is off: use Copy/);
  });
});

describe('in a German browser (the /demo frame reads the bundled catalogue)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('names the adapter, the fields listed with "oder", and what to do, in German', async () => {
    vi.resetModules();
    vi.stubGlobal('navigator', { languages: ['de-DE'] });
    const german = await import('./lost.js');
    expect(german.lostSentence(page(['requester', 'replyBox']))).toBe(
      'Candors Adapter für Help Scout hat die E-Mail-Adresse des Anfragenden oder das Antwortfeld auf dieser Seite ' +
        'nicht gefunden. Wählen Sie unten im manuellen Modus die E-Mail-Adresse des Kunden (oder geben Sie sie ein) ' +
        'und fügen Sie, wenn Sie möchten, ein, was er geschrieben hat. Candor hat das für den Admin Ihres Teams gezählt.',
    );
    expect(german.lostSentence({ ...page(['replyBox']), adapter: 'taught' })).toMatch(
      /^Candors Adapter für vom Team angelernte Seiten hat das Antwortfeld .* Einfügen ist aus/,
    );
  });
});

describe('reporting misses', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = (fail = false) => {
    const reports: unknown[] = [];
    const changed = vi.fn();
    const watch = watchLost({
      settleMs: 3000,
      report(m) {
        reports.push(m);
        return fail ? Promise.reject(new Error('offline')) : Promise.resolve();
      },
      changed,
    });
    return { watch, reports, changed };
  };

  it(
    'when a page is still rendering, then a miss that is gone ' + 'within the settle time is neither said nor reported',
    () => {
      const { watch, reports } = setup();
      watch.see(page(['conversation']));
      vi.advanceTimersByTime(2000);
      watch.see(page());
      vi.advanceTimersByTime(5000);
      expect(watch.confirmed()).toBeNull();
      expect(reports).toEqual([]);
    },
  );

  it('when a miss lasts, then each field is reported once per page view however often the page is read', () => {
    const { watch, reports, changed } = setup();
    watch.see(page(['requester', 'replyBox']));
    vi.advanceTimersByTime(3000);
    expect(watch.confirmed()?.missing).toEqual(['requester', 'replyBox']);
    expect(changed).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 5; i++) {
      watch.see(page(['requester', 'replyBox']));
      vi.advanceTimersByTime(3000);
    }
    watch.see(page()); // found for a moment, then lost again on the same page view
    watch.see(page(['requester', 'replyBox']));
    vi.advanceTimersByTime(3000);
    expect(reports).toEqual([
      { adapter: 'helpscout', field: 'requester' },
      { adapter: 'helpscout', field: 'replyBox' },
    ]);
    watch.newPage(); // the agent reloads: a new view
    watch.see(page(['requester', 'replyBox']));
    vi.advanceTimersByTime(3000);
    expect(reports).toHaveLength(4);
    watch.see(page(['requester'], 'another ticket'));
    vi.advanceTimersByTime(3000);
    expect(reports).toHaveLength(5);
  });

  it('when a report cannot be sent, then it is sent again on the next flush (the socket reconnected)', async () => {
    const { watch, reports } = setup(true);
    watch.see(page(['conversation']));
    vi.advanceTimersByTime(3000);
    await vi.runAllTimersAsync();
    watch.flush();
    expect(reports).toHaveLength(2);
  });
});
