/**
 * `/admin/taught`: taught adapters by site (issue 17). For each site, the live version, every
 * version before it (each can be restored: a rollback is a new version), and the drafts agents
 * submitted, each field shown with its selector and what it selects in words. Approving and rolling
 * back are the admin's; the server refuses a draft whose internal notes are not left out.
 */
import { call } from './api.js';
import { signIn } from './sign-in.js';
import { button, el } from '../../../browser/dom.js';
import { FIELD_WORDS, type TaughtDraftView, type TaughtVersionView } from '../../protocol/taught.js';

const AGENT_REFUSED = 'This page is for admins (and leads, to look): an agent token cannot open it.';
const status = document.getElementById('status')!;

/** One compound selector in words: "a li with the attribute data-author-kind". */
function compoundInWords(compound: string): string {
  if (compound === ':scope') return 'itself';
  const tag = /^[a-z][\w-]*/i.exec(compound)?.[0];
  const parts: string[] = [];
  for (const m of compound.matchAll(
    /#((?:\\.|[\w-])+)|\.((?:\\.|[\w-])+)|\[([\w-]+)(?:="((?:\\.|[^"])*)")?\]|:nth-of-type\((\d+)\)/g,
  )) {
    if (m[1]) parts.push(`the id “${m[1].replace(/\\/g, '')}”`);
    else if (m[2]) parts.push(`the class “${m[2].replace(/\\/g, '')}”`);
    else if (m[3] && m[4] !== undefined) parts.push(`${m[3]} = “${m[4].replace(/\\/g, '')}”`);
    else if (m[3]) parts.push(`an attribute ${m[3]}`);
    else if (m[5]) parts.push(`number ${m[5]} of its kind`);
  }
  const what = tag ? `${/^[aeiou]/.test(tag) ? 'an' : 'a'} ${tag} element` : 'an element';
  return parts.length ? `${what} with ${parts.join(', ')}` : what;
}

/** A selector in words, read from the inside out: "a li element …, directly inside an ol element …". */
export function selectorInWords(spec: string): string {
  const [selector, attribute] = spec.split(/@(?=[\w-]+$)/) as [string, string?];
  const steps = selector.split(/\s*(>)\s*|\s+/).filter((s) => s !== undefined && s !== '');
  const words: string[] = [];
  let direct = false;
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!;
    if (s === '>') {
      direct = true;
      continue;
    }
    words.push(words.length ? `${direct ? 'directly inside' : 'inside'} ${compoundInWords(s)}` : compoundInWords(s));
    direct = false;
  }
  return `${words.join(', ')}${attribute ? `; its attribute ${attribute} is read` : ''}`;
}

function fieldsTable(selectors: TaughtDraftView['selectors'], noInternalNotes: boolean): HTMLElement {
  const rows = (Object.keys(FIELD_WORDS) as (keyof typeof FIELD_WORDS)[]).map((field) => {
    const spec = selectors[field];
    const words =
      field === 'notConversation' && !spec
        ? noInternalNotes
          ? 'none: the teacher recorded that this helpdesk shows no internal notes on the ticket page'
          : 'not marked: approval is refused until internal notes are left out'
        : spec
          ? selectorInWords(spec)
          : 'not taught';
    return el('tr', {}, [
      el('th', { text: FIELD_WORDS[field], attrs: { scope: 'row' } }),
      el('td', {}, [spec ? el('code', { text: spec }) : '—']),
      el('td', { text: words }),
    ]);
  });
  return el('table', { className: 'grid' }, [
    el('thead', {}, [
      el('tr', {}, [el('th', { text: 'Field' }), el('th', { text: 'Selector' }), el('th', { text: 'Selects' })]),
    ]),
    el('tbody', {}, rows),
  ]);
}

async function act(route: string, body: unknown, done: string) {
  const { status: code, body: answer } = await call('POST', route, body);
  status.textContent = code === 201 ? done : (answer.error?.message ?? `The server answered ${code}.`);
  if (code === 201) await load(false);
}

function siteSection(site: string, versions: TaughtVersionView[], drafts: TaughtDraftView[]): HTMLElement {
  const live = versions[0];
  const section = el('section', { className: 'box', attrs: { 'aria-label': site } }, [
    el('h2', { text: site }),
    el('p', {
      text: live
        ? `Live: version ${live.version} (“${live.name}”), approved by ${live.approvedBy} at ${live.approvedAt}` +
          `${live.rolledBackFrom ? `, restoring version ${live.rolledBackFrom}` : ''}.`
        : 'No version approved yet: panels use only their own drafts here.',
    }),
  ]);
  for (const d of drafts.filter((x) => x.approvedAs === null)) {
    const refused = !d.selectors.notConversation && !d.noInternalNotes;
    section.append(
      el('h3', { text: `Draft ${d.id}: “${d.name}”, taught by ${d.taughtBy} at ${d.submittedAt}` }),
      fieldsTable(d.selectors, d.noInternalNotes),
      button(
        `Approve draft ${d.id} for the team`,
        () => void act('/taught-adapters/approve', { draftId: d.id }, `Draft ${d.id} approved for ${site}.`),
        'primary',
        refused ? { 'aria-describedby': `refused-${d.id}` } : {},
      ),
      refused
        ? el('p', {
            className: 'error',
            text: 'Internal notes are not left out: the server will refuse it.',
            attrs: { id: `refused-${d.id}` },
          })
        : '',
    );
  }
  for (const v of versions) {
    section.append(
      el('h3', {
        text: `Version ${v.version}${v === live ? ' (live)' : ''}: from draft ${v.draftId}, taught by ${v.taughtBy}`,
      }),
      fieldsTable(v.selectors, v.noInternalNotes),
      v === live
        ? ''
        : button(
            `Roll ${site} back to version ${v.version}`,
            () =>
              void act(
                '/taught-adapters/rollback',
                { site, version: v.version },
                `${site} rolled back: a new version restores version ${v.version}.`,
              ),
          ),
    );
  }
  return section;
}

async function load(announce = true) {
  const { status: code, body } = await call<{ drafts: TaughtDraftView[]; versions: TaughtVersionView[] }>(
    'GET',
    '/taught-adapters/review',
  );
  if (code !== 200) {
    status.textContent = body.error?.message ?? `The server answered ${code}.`;
    return;
  }
  const sites = [...new Set([...body.versions.map((v) => v.site), ...body.drafts.map((d) => d.site)])].sort();
  document.getElementById('sites')!.replaceChildren(
    ...sites.map((s) =>
      siteSection(
        s,
        body.versions.filter((v) => v.site === s),
        body.drafts.filter((d) => d.site === s),
      ),
    ),
  );
  if (announce)
    status.textContent = sites.length ? `${sites.length} site(s) taught.` : 'No helpdesk has been taught yet.';
}

signIn(AGENT_REFUSED, async () => {
  document.getElementById('workspace')!.hidden = false;
  await load();
});
