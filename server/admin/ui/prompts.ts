/**
 * `/admin/prompts`: the team lead's template editor. Sign in with a lead token; pick a template;
 * edit it with the server's checks inline; preview it against a recorded session; publish through
 * the gate (every recorded session replayed with the draft); roll back; see how each version did.
 */
import {
  call,
  type RecordingSummary,
  type Difference,
  type GateSession,
  type PreviewTurn,
  type Problem,
  type TemplateDetail,
  type TemplateSummary,
  type VersionOutcomes,
  type Violation,
} from './api.js';
import { createEditor } from './editor.js';
import { signIn } from './sign-in.js';
import { blocked, differences, outcomeRows, previewTurns, problemItems, versionRows } from './views.js';
import { button, el } from '../../../browser/dom.js';
import { t } from './words.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const state = { templates: [] as TemplateSummary[], current: null as TemplateDetail | null };

/** An error answer's extra detail, wherever the route put it (`violations`, `differences`, `problems`). */
const detail = <T>(body: Record<string, unknown>, key: string): T[] =>
  ((body[key] ?? (body.error as Record<string, unknown> | undefined)?.[key]) as T[] | undefined) ?? [];

async function check(source: string): Promise<Problem[]> {
  if (!state.current) return [];
  const { body } = await call<{ problems: Problem[] }>('POST', '/prompts/check', { id: state.current.id, source });
  const problems = body.problems ?? [];
  $('problems').replaceChildren(...problemItems(problems));
  return problems;
}

const editor = createEditor($('editor'), check);

async function showTemplates() {
  const [{ body: list }, { body: sessions }] = await Promise.all([
    call<{ templates: TemplateSummary[] }>('GET', '/prompts'),
    call<{ sessions: GateSession[] }>('GET', '/prompts/sessions'),
  ]);
  state.templates = list.templates;
  $('session').replaceChildren(
    ...sessions.sessions.map((s) => el('option', { text: `${s.title} (${s.id})`, attrs: { value: s.id } })),
  );
  $('template-list').replaceChildren(
    ...state.templates.map((t) =>
      el('li', {}, [
        button(`${t.id} · v${t.live.version}`, () => void open(t.id), '', {
          'data-template': t.id,
          title: t.description,
          'aria-current': String(state.current?.id === t.id),
        }),
      ]),
    ),
  );
  $('workspace').hidden = false;
}

async function open(id: string) {
  const [{ body: detail }, { body: outcomes }] = await Promise.all([
    call<TemplateDetail>('GET', `/prompts/${encodeURIComponent(id)}`),
    call<{ versions: VersionOutcomes[] }>('GET', `/outcomes/summary?templateId=${encodeURIComponent(id)}`),
  ]);
  state.current = detail;
  history.replaceState(null, '', `#${id}`);
  const live = detail.versions[0]?.version ?? 0;
  $('template').hidden = false;
  $('template-title').textContent = detail.id;
  $('template-meta').textContent = t('admin.prompts.meta', { kind: detail.kind, file: detail.file, version: live });
  editor.load(detail.source);
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-template]'))
    b.setAttribute('aria-current', String(b.dataset.template === id));
  $('versions').replaceChildren(...versionRows(detail.versions, live, (v) => void rollback(v)));
  $('outcomes').replaceChildren(...outcomeRows(outcomes.versions ?? []));
  $('preview-result').replaceChildren();
  $('gate-result').replaceChildren();
  $('problems').replaceChildren();
}

async function preview() {
  if (!state.current) return;
  const out = $('preview-result');
  out.replaceChildren(el('p', { className: 'muted', text: t('admin.prompts.replayingOne') }));
  const { status, body } = await call<{ problems: Problem[]; turns: PreviewTurn[] }>(
    'POST',
    `/prompts/${encodeURIComponent(state.current.id)}/preview`,
    { source: editor.text(), sessionId: $<HTMLSelectElement>('session').value },
  );
  if (status !== 200)
    return void out.replaceChildren(
      el('p', { className: 'error', text: body.error?.message ?? t('admin.serverAnswered', { status }) }),
    );
  if (body.problems?.length)
    return void out.replaceChildren(el('p', { className: 'error', text: t('admin.prompts.fixFirst') }));
  out.replaceChildren(...previewTurns(body.turns));
}

/** A publish's or rollback's answer: the version, or the error with the gate's findings in it. */
type PublishAnswer = Record<string, unknown> & { version?: number; error?: { code: string; message: string } };

async function publish(acceptDifferences: boolean) {
  if (!state.current) return;
  const id = state.current.id;
  const out = $('gate-result');
  out.replaceChildren(el('p', { className: 'muted', text: t('admin.prompts.replayingAll') }));
  const message = $<HTMLInputElement>('message').value.trim() || 'edited in the template editor';
  const { status, body } = await call<{ version: number }>('POST', `/prompts/${encodeURIComponent(id)}/versions`, {
    source: editor.text(),
    message,
    acceptDifferences,
  });
  if (status === 201) await reload(id); // first: opening the template clears the result shown below
  showPublished(status, body as PublishAnswer, () => void publish(true));
}

async function rollback(version: number) {
  if (!state.current) return;
  const id = state.current.id;
  const { status, body } = await call<{ version: number }>('POST', `/prompts/${encodeURIComponent(id)}/rollback`, {
    version,
    message: `rolled back to version ${version}`,
  });
  if (status === 201) await reload(id);
  showPublished(status, body as PublishAnswer, () => undefined);
}

function showPublished(status: number, body: PublishAnswer, accept: () => void) {
  const out = $('gate-result');
  const code = body.error?.code;
  if (status === 201)
    return void out.replaceChildren(
      el('p', {
        className: 'passed',
        attrs: { role: 'status' },
        text: t('admin.prompts.published', { version: body.version ?? '' }),
      }),
    );
  if (code === 'gate_failed') return void out.replaceChildren(blocked(detail<Violation>(body, 'violations')));
  if (code === 'differences_not_accepted')
    return void out.replaceChildren(differences(detail<Difference>(body, 'differences'), accept));
  if (code === 'invalid_template')
    return void out.replaceChildren(el('p', { className: 'blocked', text: t('admin.prompts.invalid') }));
  out.replaceChildren(
    el('p', { className: 'blocked', text: body.error?.message ?? t('admin.serverAnswered', { status }) }),
  );
}

/** After a publish: the list's live versions and the template's versions and outcomes, fresh. */
async function reload(id: string) {
  await showTemplates();
  await open(id);
}

/** The recorder's switch and the recordings, each of which can join the gate suite. */
async function showRecordings() {
  const [{ body: setting }, { body: list }] = await Promise.all([
    call<{ enabled: boolean }>('GET', '/settings/recording'),
    call<{ recordings: RecordingSummary[] }>('GET', '/recordings'),
  ]);
  $<HTMLInputElement>('recording').checked = setting.enabled;
  $('recording-state').textContent = setting.enabled ? t('admin.prompts.recordingOn') : t('admin.prompts.recordingOff');
  $('recording-list').replaceChildren(
    ...(list.recordings ?? []).map((r) =>
      el('li', { attrs: { 'data-recording': r.id } }, [
        `${t('admin.prompts.recording', { title: r.title, n: r.customerTurns })} `,
        button(t('admin.prompts.addToGate'), () => void addToGate(r.id)),
      ]),
    ),
  );
}

async function addToGate(id: string) {
  const { status, body } = await call<{ file: string }>('POST', `/recordings/${encodeURIComponent(id)}/add-to-gate`);
  // The session list is refreshed first, so the message never announces a session the preview cannot pick yet.
  if (status === 201) await showTemplates();
  $('recording-state').textContent =
    status === 201 ? t('admin.prompts.added', { id }) : (body.error?.message ?? t('admin.serverAnswered', { status }));
}

async function files(action: 'export' | 'import') {
  const out = $('files-result');
  const { status, body } = await call<{
    written?: string[];
    published?: { id: string; version: number }[];
    unchanged?: string[];
    blocked?: { id: string }[];
  }>('POST', `/prompts/${action}`);
  if (status !== 200) {
    out.textContent = body.error?.message ?? t('admin.serverAnswered', { status });
    return;
  }
  const counts = {
    published: body.published?.length ?? 0,
    unchanged: body.unchanged?.length ?? 0,
    blocked: body.blocked?.length ?? 0,
  };
  out.textContent =
    action === 'export'
      ? t('admin.prompts.exported', { n: body.written?.length ?? 0 })
      : body.blocked?.length
        ? t('admin.prompts.importedBlocked', { ...counts, ids: body.blocked.map((b) => b.id).join(', ') })
        : t('admin.prompts.imported', counts);
  if (action === 'import') await showTemplates();
}

$('preview').addEventListener('click', () => void preview());
$('publish').addEventListener('click', () => void publish(false));
$('export').addEventListener('click', () => void files('export'));
$('recording').addEventListener(
  'change',
  () =>
    void call('PUT', '/settings/recording', { enabled: $<HTMLInputElement>('recording').checked }).then(showRecordings),
);
$('import').addEventListener('click', () => void files('import'));

async function start() {
  await Promise.all([showTemplates(), showRecordings()]);
  const wanted = decodeURIComponent(location.hash.slice(1));
  const first = state.templates.find((t) => t.id === wanted) ?? state.templates[0];
  if (first) await open(first.id);
}

signIn(t('admin.prompts.refused'), start);
