/**
 * Draft notices to the customers a breach reached, from the `breach-notice` template: the customer's name, the
 * categories in words, the window and the controller. Text for the privacy officer to review; Candor sends nothing.
 */
import { customerScope, type Phrasing } from '../templates/phrasing.js';
import { renderPrompt } from '../templates/templates.js';
import { listOf } from '../format/words.js';
import { formatDayAndTime } from '../dates.js';
import type { BreachCustomer, BreachReport } from '../protocol/breach.js';

export function draftNotices(
  phrasing: Phrasing,
  controllerName: string,
  customers: readonly BreachCustomer[],
  window: { from: string; until: string },
): Pick<BreachReport, 'notices' | 'noticeTemplate'> {
  const template = phrasing.only('breach-notice');
  if (!template) return { notices: [], noticeTemplate: null };
  const breach = { from: formatDayAndTime(window.from), until: formatDayAndTime(window.until) };
  // An erased customer has no name or address left to write to.
  const notices = customers
    .filter((c) => !c.erased)
    .map((c) => ({
      customerId: c.customerId,
      text: renderPrompt(template, {
        customer: customerScope({ displayName: c.displayName! }),
        breach: { ...breach, categories: listOf(c.categories.filter((k) => k.category).map((k) => k.categoryName)) },
        controller: { name: controllerName },
      }),
    }));
  return { notices, noticeTemplate: { id: template.id, version: template.version } };
}
