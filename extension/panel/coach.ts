/**
 * "Check my reply": the panel reads the helpdesk's reply box and asks the server to check it before the agent sends.
 * Each flag is shown in words with the agent's sentence; the agent applies its rephrasing (or takes the sentence
 * out) through the helpdesk's editor, or ignores it, and the server counts which. Candor never sends.
 */
import type { IdentifierType, ReplyCheck, ReplyFlag } from '../../server/protocol/coach.js';
import { REPLY_TEXT_MAX } from '../../server/protocol/coach.js';
import { button, el } from '../../browser/dom.js';
import { request, type PanelSocket } from './connection.js';
import type { PanelHost } from './host.js';
import { reasonWords } from './summary.js';
import { type MessageKey, plural, t, uiLocale } from '../shared/i18n.js';

const IDENTIFIER_KEYS: Record<IdentifierType, MessageKey> = {
  CARD: 'coach_id_card',
  IBAN: 'coach_id_iban',
  SSN: 'coach_id_ssn',
  NINO: 'coach_id_nino',
};

/** One flag as the agent reads it, in the panel's language (the server's English words serve the lead's page). */
function flagSentence(flag: ReplyFlag): string {
  const category = flag.categoryName ?? t('coach_customer_data');
  if (flag.kind === 'undisclosed_fact') return t('coach_flag_undisclosed', category);
  if (flag.kind === 'withheld_value')
    return t('coach_flag_withheld', category, flag.reason ? reasonWords(flag.reason) : t('coach_withheld'));
  return t('coach_flag_identifier', t(flag.identifier ? IDENTIFIER_KEYS[flag.identifier] : 'coach_id_unknown'));
}

interface Checked {
  ticketId: string;
  /** The text the server checked: a withheld sentence is shown from here, never from the answer. */
  text: string;
  result: ReplyCheck;
  done: Map<string, string>;
}

export interface CoachDeps {
  socket(): PanelSocket | null;
  tabId(): number | null;
  host: Pick<PanelHost, 'readReply' | 'replaceIn' | 'removeFrom'>;
}

const sentenceOf = (c: Checked, f: ReplyFlag) => f.sentence ?? c.text.slice(f.start, f.end);

export function mountCoach(box: HTMLElement, deps: CoachDeps) {
  let ticketId: string | null = null;
  let checked: Checked | null = null;
  let status = '';
  let busy = false;

  const report = (c: Checked, f: ReplyFlag, action: 'applied' | 'ignored') => {
    const socket = deps.socket();
    if (socket?.connected)
      void request(socket, 'reply:flag', { ticketId: c.ticketId, flagId: f.id, action }).catch(() => undefined);
  };

  async function check() {
    const socket = deps.socket();
    const tab = deps.tabId();
    if (busy || !socket?.connected || tab === null || !ticketId) return;
    const forTicket = ticketId;
    busy = true;
    status = t('coach_reading');
    paint();
    try {
      const read = await deps.host.readReply(tab);
      if (!read.ok) throw new Error(t('coach_read_failed', t(read.reason)));
      if (read.text.length > REPLY_TEXT_MAX)
        throw new Error(t('coach_too_long', REPLY_TEXT_MAX.toLocaleString(uiLocale)));
      const result = await request(socket, 'reply:check', { ticketId: forTicket, text: read.text });
      if (ticketId !== forTicket) return;
      checked = { ticketId: forTicket, text: read.text, result, done: new Map() };
      const found = result.flags.length
        ? plural('coach_flags', result.flags.length)
        : plural('coach_clean', result.sentences);
      status = `${found} ${plural('coach_left', result.checksLeft)}`;
    } catch (e) {
      if (ticketId === forTicket) status = (e as Error).message;
    } finally {
      busy = false;
      paint();
    }
  }

  /** The rephrasing fixes every flag on its sentence, so all of them count as followed. */
  async function apply(c: Checked, f: ReplyFlag) {
    const tab = deps.tabId();
    if (tab === null) return;
    const sentence = sentenceOf(c, f);
    let failed = '';
    if (f.rephrasing) {
      const done = await deps.host.replaceIn(tab, sentence, f.rephrasing);
      if (!done.ok) failed = t(done.reason);
    } else {
      const done = await deps.host.removeFrom(tab, [sentence]);
      if (!done.removed.length) failed = t(done.left[0]?.reason ?? 'page_no_answer');
    }
    if (failed) c.done.set(f.id, t('coach_change_failed', failed));
    else
      for (const g of c.result.flags.filter((g) => g.start === f.start && !c.done.has(g.id))) {
        c.done.set(g.id, t(f.rephrasing ? 'coach_rephrased' : 'coach_taken_out'));
        report(c, g, 'applied');
      }
    paint();
  }

  function ignore(c: Checked, f: ReplyFlag) {
    c.done.set(f.id, t('coach_ignored'));
    report(c, f, 'ignored');
    paint();
  }

  function flagItem(c: Checked, f: ReplyFlag) {
    const done = c.done.get(f.id);
    return el('li', { className: 'flag', attrs: { 'data-kind': f.kind, 'data-flag-id': f.id } }, [
      el('p', { className: 'flag-words', text: flagSentence(f) }),
      el('blockquote', { className: 'flag-sentence', text: sentenceOf(c, f) }),
      f.rephrasing &&
        el('p', { className: 'rephrasing' }, [`${t('coach_suggested')} `, el('q', { text: f.rephrasing })]),
      done
        ? el('p', { className: 'status', text: done, attrs: { role: 'status' } })
        : el('div', { className: 'actions' }, [
            button(t(f.rephrasing ? 'coach_use' : 'coach_take_out'), () => void apply(c, f), 'primary'),
            button(t('coach_ignore'), () => ignore(c, f)),
          ]),
    ]);
  }

  function paint() {
    box.hidden = ticketId === null;
    const c = checked?.ticketId === ticketId ? checked : null;
    box.replaceChildren(
      el('section', { className: 'coach', attrs: { 'aria-labelledby': 'coach-title' } }, [
        el('h2', { text: t('coach_title'), attrs: { id: 'coach-title' } }),
        el('p', { className: 'actions' }, [
          button(t('coach_check'), () => void check(), 'primary', busy ? { disabled: '' } : {}),
        ]),
        el('p', {
          className: 'muted small',
          text: t('coach_explain'),
        }),
        status && el('p', { className: 'coach-status', text: status, attrs: { role: 'status' } }),
        c !== null &&
          c.result.flags.length > 0 &&
          el(
            'ul',
            { className: 'flags' },
            c.result.flags.map((f) => flagItem(c, f)),
          ),
      ]),
    );
  }

  return {
    /** The ticket the panel shows (null: none, or one without a reply box): a new ticket starts afresh. */
    follow(next: string | null) {
      if (next === ticketId) return;
      ticketId = next;
      checked = null;
      status = '';
      paint();
    },
  };
}
