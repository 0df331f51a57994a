/**
 * When a privacy request is due, by the jurisdiction's rule: the GDPR's one month from arrival (Art. 12(3):
 * the same day of the next month, or that month's last day when it has none; extendable by two months,
 * which the business decides and tells the customer), the CCPA's 45 days.
 */
import type { DeadlineRule } from '../protocol/requests.js';

export function dueAt(receivedAt: string, rule: DeadlineRule): string {
  const t = new Date(receivedAt);
  if (rule === 'ccpa') return new Date(t.getTime() + 45 * 86_400_000).toISOString();
  const due = new Date(t);
  due.setUTCDate(1);
  due.setUTCMonth(due.getUTCMonth() + 1);
  const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(t.getUTCDate(), lastDay));
  return due.toISOString();
}
