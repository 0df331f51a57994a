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
import { t, when } from './words.js';

const AGENT_REFUSED = t('admin.taught.refused');
const status = document.getElementById('status')!;

/** One compound selector in words: "a li with the attribute data-author-kind". */
function compoundInWords(compound: string): string {
  if (compound === ':scope') return t('admin.taught.itself');
  const tag = /^[a-z][\w-]*/i.exec(compound)?.[0];
  const parts: string[] = [];
  for (const m of compound.matchAll(
    /#((?:\\.|[\w-])+)|\.((?:\\.|[\w-])+)|\[([\w-]+)(?:="((?:\\.|[^"])*)")?\]|:nth-of-type\((\d+)\)/g,
  )) {
    if (m[1]) parts.push(t('admin.taught.id', { id: m[1].replace(/\\/g, '') }));
    else if (m[2]) parts.push(t('admin.taught.class', { name: m[2].replace(/\\/g, '') }));
    else if (m[3] && m[4] !== undefined)
      parts.push(t('admin.taught.attrIs', { attr: m[3], value: m[4].replace(/\\/g, '') }));
    else if (m[3]) parts.push(t('admin.taught.attr', { attr: m[3] }));
    else if (m[5]) parts.push(t('admin.taught.nth', { n: Number(m[5]) }));
  }
  // English says "an" before a vowel; the other languages give both keys the same words.
  const what = tag
    ? t(/^[aeiou]/.test(tag) ? 'admin.taught.elementAn' : 'admin.taught.elementA', { tag })
    : t('admin.taught.element');
  return parts.length ? t('admin.taught.with', { what, parts: parts.join(', ') }) : what;
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
    const what = compoundInWords(s);
    words.push(words.length ? t(direct ? 'admin.taught.directlyInside' : 'admin.taught.inside', { what }) : what);
    direct = false;
  }
  const selects = words.join(', ');
  return attribute ? t('admin.taught.attributeRead', { selects, attr: attribute }) : selects;
}

function fieldsTable(selectors: TaughtDraftView['selectors'], noInternalNotes: boolean): HTMLElement {
  const rows = (Object.keys(FIELD_WORDS) as (keyof typeof FIELD_WORDS)[]).map((field) => {
    const spec = selectors[field];
    const words =
      field === 'notConversation' && !spec
        ? noInternalNotes
          ? t('admin.taught.noNotes')
          : t('admin.taught.notMarked')
        : spec
          ? selectorInWords(spec)
          : t('admin.taught.notTaught');
    return el('tr', {}, [
      el('th', { text: t(`admin.taught.field.${field}`), attrs: { scope: 'row' } }),
      el('td', {}, [spec ? el('code', { text: spec }) : '—']),
      el('td', { text: words }),
    ]);
  });
  return el('table', { className: 'grid' }, [
    el('thead', {}, [
      el('tr', {}, [
        el('th', { text: t('admin.taught.fieldColumn') }),
        el('th', { text: t('admin.taught.selector') }),
        el('th', { text: t('admin.taught.selects') }),
      ]),
    ]),
    el('tbody', {}, rows),
  ]);
}

async function act(route: string, body: unknown, done: string) {
  const { status: code, body: answer } = await call('POST', route, body);
  status.textContent = code === 201 ? done : (answer.error?.message ?? t('admin.serverAnswered', { status: code }));
  if (code === 201) await load(false);
}

function siteSection(site: string, versions: TaughtVersionView[], drafts: TaughtDraftView[]): HTMLElement {
  const live = versions[0];
  const section = el('section', { className: 'box', attrs: { 'aria-label': site } }, [
    el('h2', { text: site }),
    el('p', {
      text: live
        ? t(live.rolledBackFrom ? 'admin.taught.liveRestoring' : 'admin.taught.live', {
            version: live.version,
            name: live.name,
            by: live.approvedBy,
            at: when(live.approvedAt),
            from: live.rolledBackFrom ?? '',
          })
        : t('admin.taught.noVersion'),
    }),
  ]);
  for (const d of drafts.filter((x) => x.approvedAs === null)) {
    const refused = !d.selectors.notConversation && !d.noInternalNotes;
    section.append(
      el('h3', {
        text: t('admin.taught.draft', { id: d.id, name: d.name, by: d.taughtBy, at: when(d.submittedAt) }),
      }),
      fieldsTable(d.selectors, d.noInternalNotes),
      button(
        t('admin.taught.approve', { id: d.id }),
        () => void act('/taught-adapters/approve', { draftId: d.id }, t('admin.taught.approved', { id: d.id, site })),
        'primary',
        refused ? { 'aria-describedby': `refused-${d.id}` } : {},
      ),
      refused
        ? el('p', {
            className: 'error',
            text: t('admin.taught.willRefuse'),
            attrs: { id: `refused-${d.id}` },
          })
        : '',
    );
  }
  for (const v of versions) {
    section.append(
      el('h3', {
        text: t(v === live ? 'admin.taught.versionLive' : 'admin.taught.version', {
          version: v.version,
          draft: v.draftId,
          by: v.taughtBy,
        }),
      }),
      fieldsTable(v.selectors, v.noInternalNotes),
      v === live
        ? ''
        : button(
            t('admin.taught.rollBack', { site, version: v.version }),
            () =>
              void act(
                '/taught-adapters/rollback',
                { site, version: v.version },
                t('admin.taught.rolledBack', { site, version: v.version }),
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
    status.textContent = body.error?.message ?? t('admin.serverAnswered', { status: code });
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
    status.textContent = sites.length ? t('admin.taught.sites', { n: sites.length }) : t('admin.taught.noSites');
}

signIn(AGENT_REFUSED, async () => {
  document.getElementById('workspace')!.hidden = false;
  await load();
});
