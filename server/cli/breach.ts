/**
 * `candor breach report`: the breach report of the API, from the server's machine (DATABASE_URL, else
 * CANDOR_DATA_DIR): which customers' facts a compromised token or actor was shown or sent to a model, the 72-hour
 * deadline, and draft notices; `--json` prints the report as the API answers it. Audited as `breach.reported` by `cli`.
 */
import { parseArgs } from 'node:util';
import { parseConfig } from '../config.js';
import { openStore } from '../store/index.js';
import { loadAssistSettings } from '../assist/settings.js';
import { phrasingFrom } from '../templates/phrasing.js';
import { templatesFrom } from '../prompts/versions.js';
import { AppError, parseInput } from '../errors.js';
import { BreachBody, type BreachCustomer, type BreachReport } from '../protocol/breach.js';
import { reportBreach } from '../breach/report.js';
import { countOf } from '../format/words.js';
import { formatDayAndTime } from '../dates.js';
import { UsageError, type Io } from './io.js';

/** The body's fields as the command's options name them, for its errors. */
const FLAGS: Record<string, string> = { tokenId: '--token', actor: '--actor', from: '--from', until: '--until' };

const times = (n: number) => countOf(n, { one: 'time', other: 'times' });
const facts = (n: number) => countOf(n, { one: 'fact', other: 'facts' });
const span = (x: { first: string; last: string }) => `${formatDayAndTime(x.first)} to ${formatDayAndTime(x.last)}`;
const given = (x: BreachCustomer | BreachCustomer['categories'][number]) =>
  `${facts(x.facts)}, shown ${times(x.shown)}, sent to a model ${times(x.sentToModel)}, ${span(x)}`;

function linesOf(r: BreachReport): string[] {
  const who = [r.subject.name, r.subject.revokedAt ? `revoked ${formatDayAndTime(r.subject.revokedAt)}` : '']
    .filter(Boolean)
    .join(', ');
  const erased = r.customers.filter((c) => c.erased).length;
  return [
    `Breach report for ${r.subject.actor}${who ? ` (${who})` : ''}`,
    `Window: ${formatDayAndTime(r.window.from)} to ${formatDayAndTime(r.window.until)}`,
    ...(r.logStartsAt
      ? [
          `The audit log starts at ${formatDayAndTime(r.logStartsAt)} (older entries were removed by retention): ` +
            `nothing before it is counted.`,
        ]
      : []),
    `Detected ${formatDayAndTime(r.detectedAt)}: notify the supervisory authority by ` +
      `${formatDayAndTime(r.deadline)} (72 hours; ${r.timeLeft}).`,
    '',
    `${countOf(r.customers.length, { one: 'customer', other: 'customers' })} affected` +
      `${erased ? ` (${erased} erased)` : ''}:`,
    ...r.customers.flatMap((c) =>
      c.erased
        ? [`  ${c.customerId} (erased): ${given(c)}`]
        : [
            `  ${c.customerId}, ${c.displayName}: ${given(c)}`,
            ...c.categories.map((k) => `    ${k.categoryName}: ${given(k)}`),
          ],
    ),
    '',
    r.noticeTemplate
      ? `Draft notices (template ${r.noticeTemplate.id} v${r.noticeTemplate.version}); review them, nothing was sent:`
      : 'No breach-notice template is published: no notices were drafted.',
    ...r.notices.flatMap((n) => ['', `--- to ${n.customerId}`, n.text]),
    '',
    `Recorded in the audit log as entry ${r.auditSeq}.`,
  ];
}

function bodyOf(values: { token?: string; actor?: string; from?: string; until?: string }): BreachBody {
  const raw = { tokenId: values.token, actor: values.actor, from: values.from, until: values.until };
  try {
    return parseInput(BreachBody, Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const field = String(e.path[0] ?? '');
    throw new UsageError(e.message.replace(`${field}:`, `${FLAGS[field] ?? field}:`));
  }
}

export async function breachCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      token: { type: 'string' },
      actor: { type: 'string' },
      from: { type: 'string' },
      until: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (positionals.join(' ') !== 'report') throw new UsageError('expected "breach report"');
  const body = bodyOf(values);
  const config = parseConfig();
  const settings = loadAssistSettings(config);
  const store = await openStore(config);
  try {
    // The templates the server speaks with: the published versions, else (a store never served) the files.
    const live = await store.templates.live();
    const phrasing = live.length ? phrasingFrom(templatesFrom(live)) : settings.phrasing;
    const deps = { store, taxonomy: settings.taxonomy, phrasing, controllerName: config.CANDOR_CONTROLLER_NAME };
    const report = await reportBreach(deps, body, 'cli');
    for (const line of values.json ? [JSON.stringify(report, null, 2)] : linesOf(report)) io.out(line);
    return 0;
  } finally {
    await store.close();
  }
}
