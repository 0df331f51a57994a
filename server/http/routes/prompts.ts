/** The lead's template editor API: read, check, preview, gate, publish, roll back, export, import. Leads and admins only. */
import { Router } from 'express';
import { OutcomeSummaryQuery, PromptCheckBody, PromptGateBody, PromptPreviewBody, PromptPublishBody, PromptRollbackBody } from '../../protocol/api.js';
import { auth, requireRole } from '../auth.js';
import { AppError, parseInput } from '../errors.js';
import type { HttpDeps } from '../deps.js';
import { draftSet, publish, type PromptsDeps, type PublishResult } from '../../prompts/publish.js';
import { gateSessions, runGate, withTemplates } from '../../prompts/gate.js';
import { previewSession } from '../../prompts/preview.js';
import { exportLive, importChanged } from '../../prompts/files.js';
import { summarise } from '../../prompts/outcomes.js';
import { stamp } from '../../prompts/versions.js';
import path from 'node:path';

/** A publish's answer: 201 with the version, or why not (the gate's findings in the error). */
function answer(result: PublishResult): { status: number; body: unknown } {
  switch (result.kind) {
    case 'published':
      return { status: 201, body: { id: result.record.templateId, version: result.record.version } };
    case 'invalid':
      return { status: 400, body: { error: { code: 'invalid_template', message: 'the draft has problems', path: ['source'], problems: result.problems } } };
    case 'blocked':
      return { status: 409, body: { error: { code: 'gate_failed', message: `the draft breaks the rules in ${result.violations.length} place(s) of the recorded sessions`, path: ['source'], violations: result.violations } } };
    case 'differences':
      return { status: 409, body: { error: { code: 'differences_not_accepted', message: `the draft changes the suggestions in ${result.differences.length} turn(s); accept them to publish`, path: ['acceptDifferences'], differences: result.differences } } };
    case 'raced':
      return { status: 409, body: { error: { code: 'version_conflict', message: 'another version was published at the same moment; reload and try again', path: [] } } };
  }
}

export function promptRoutes(deps: HttpDeps): Router {
  const r = Router();
  r.use(['/prompts', '/outcomes/summary'], requireRole('lead', 'admin'));
  const p: PromptsDeps = { store: deps.store, settings: deps.settings, gateDir: deps.prompts.gateDir, model: deps.prompts.model };
  const liveOf = async (id: string) => {
    const history = await deps.store.templates.history(id);
    if (!history.length) throw new AppError('template_not_found', `no template "${id}"`, 404, ['params', 'id']);
    return history;
  };

  r.get('/prompts', async (_req, res) => {
    const templates = (deps.settings.phrasing.templates);
    const live = await deps.store.templates.live();
    res.json({
      templates: live.map((v) => {
        const t = templates.find((x) => x.id === v.templateId);
        return { id: v.templateId, kind: t?.kind ?? '', description: t?.description ?? '', file: v.file, live: { version: v.version, author: v.author, createdAt: v.createdAt, message: v.message } };
      }),
    });
  });

  r.get('/prompts/sessions', (_req, res) => {
    res.json({ sessions: gateSessions(deps.prompts.gateDir, deps.settings.taxonomy) });
  });

  r.post('/prompts/check', async (req, res) => {
    const body = parseInput(PromptCheckBody, req.body);
    const draft = await draftSet(p, body.id, body.source);
    res.json({ problems: 'problems' in draft ? draft.problems : [] });
  });

  r.post('/prompts/export', async (_req, res) => {
    res.json({ written: await exportLive(p, deps.prompts.dir) });
  });

  r.post('/prompts/import', async (req, res) => {
    res.json(await importChanged(p, deps.prompts.dir, auth(req).actor));
  });

  r.get('/prompts/:id', async (req, res) => {
    const history = await liveOf(String(req.params.id));
    const kind = deps.settings.phrasing.templates.find((t) => t.id === req.params.id)?.kind ?? '';
    res.json({ id: history[0]!.templateId, kind, file: history[0]!.file, source: history[0]!.source, versions: history.map(({ source: _s, templateId: _t, file: _f, ...v }) => v) });
  });

  r.post('/prompts/:id/preview', async (req, res) => {
    const body = parseInput(PromptPreviewBody, req.body);
    const session = gateSessions(deps.prompts.gateDir, deps.settings.taxonomy).find((s) => s.id === body.sessionId);
    if (!session) throw new AppError('session_not_found', `no recorded session "${body.sessionId}" in the gate suite`, 404, ['sessionId']);
    const draft = await draftSet(p, String(req.params.id), body.source);
    if ('problems' in draft) return void res.json({ problems: draft.problems, turns: [] });
    const kind = draft.templates.find((t) => t.id === req.params.id)!.kind;
    const turns = await previewSession(path.join(deps.prompts.gateDir, session.file), withTemplates(deps.settings, draft.templates), kind.startsWith('model-'));
    res.json({ problems: [], turns });
  });

  r.post('/prompts/:id/gate', async (req, res) => {
    const body = parseInput(PromptGateBody, req.body);
    const draft = await draftSet(p, String(req.params.id), body.source);
    if ('problems' in draft) return void res.json({ ok: false, problems: draft.problems, violations: [], differences: [] });
    res.json({ problems: [], ...(await runGate(deps.prompts.gateDir, deps.settings, withTemplates(deps.settings, draft.templates))) });
  });

  r.post('/prompts/:id/versions', async (req, res) => {
    const body = parseInput(PromptPublishBody, req.body);
    await liveOf(String(req.params.id));
    const out = answer(await publish(p, { id: String(req.params.id), source: body.source, message: body.message, author: auth(req).actor, acceptDifferences: body.acceptDifferences }));
    res.status(out.status).json(out.body);
  });

  r.post('/prompts/:id/rollback', async (req, res) => {
    const body = parseInput(PromptRollbackBody, req.body);
    const id = String(req.params.id);
    await liveOf(id);
    const earlier = await deps.store.templates.get(id, body.version);
    if (!earlier) throw new AppError('version_not_found', `template "${id}" has no version ${body.version}`, 404, ['version']);
    // The lead chose that version's text: its changes to the suggestions are accepted, the rules still apply.
    const result = await publish(p, { id, source: stamp(earlier.source, body.version), message: body.message ?? `rolled back to version ${body.version}`, author: auth(req).actor, acceptDifferences: true, rolledBackFrom: body.version });
    const out = answer(result);
    res.status(out.status).json(out.body);
  });

  r.get('/outcomes/summary', async (req, res) => {
    const { templateId } = parseInput(OutcomeSummaryQuery, req.query, ['query']);
    const [outcomes, shown] = await Promise.all([deps.store.outcomes.list({ templateId, limit: 1_000_000 }), deps.store.templates.shown(templateId)]);
    res.json({ versions: summarise(templateId, outcomes, shown) });
  });

  return r;
}
