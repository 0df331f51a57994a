/**
 * The lead's template editor API: read, check, preview, gate, publish, roll back, export, import. Leads and admins
 * only.
 */
import { wordsOf } from '../../i18n/translate.js';
import { actorNames } from '../actors.js';
import path from 'node:path';
import { Router } from 'express';
import {
  EmptyBody,
  OutcomeSummaryQuery,
  PromptCheckBody,
  PromptGateBody,
  PromptPreviewBody,
  PromptPublishBody,
  PromptRollbackBody,
} from '../../protocol/api.js';
import { allow, caller } from '../../web/auth.js';
import { AppError, parseInput } from '../../errors.js';
import type { HttpDeps } from '../deps.js';
import { draftSet, publish, type PromptsDeps, type PublishResult } from '../../prompts/publish.js';
import { gateSessions } from '../../prompts/gate.js';
import { gateInWorker, previewInWorker } from '../../prompts/sandbox.js';
import { exportLive, importChanged } from '../../prompts/files.js';
import { summarise } from '../../prompts/outcomes.js';
import type { TemplateVersionRecord } from '../../store/types.js';

/** The version a publish wrote, or why it was refused, as the error the lead acts on (the gate's findings in it). */
function published(result: PublishResult): TemplateVersionRecord {
  switch (result.kind) {
    case 'published':
      return result.record;
    case 'invalid':
      throw new AppError('invalid_template', 'the draft has problems', 400, ['source'], { problems: result.problems });
    case 'blocked':
      throw new AppError(
        'gate_failed',
        `the draft breaks the rules in ${result.violations.length} place(s) of the recorded sessions`,
        409,
        ['source'],
        { violations: result.violations },
      );
    case 'differences':
      throw new AppError(
        'differences_not_accepted',
        `the draft changes the suggestions in ${result.differences.length} turn(s); accept them to publish`,
        409,
        ['acceptDifferences'],
        { differences: result.differences },
      );
    case 'raced':
      throw new AppError(
        'version_conflict',
        'another version was published at the same moment; reload and try again',
        409,
        [],
      );
  }
}

export function promptRoutes(deps: HttpDeps): Router {
  const r = Router();
  const p: PromptsDeps = {
    store: deps.store,
    settings: deps.settings,
    gateDir: deps.prompts.gateDir,
    model: deps.prompts.model,
    budgetMs: deps.prompts.budgetMs,
  };
  const liveOf = async (id: string) => {
    const history = await deps.store.templates.history(id);
    if (!history.length) throw new AppError('template_not_found', `no template "${id}"`, 404, ['params', 'id']);
    return history;
  };

  r.get('/prompts', allow('prompts.read'), async (req, res) => {
    const templates = deps.settings.phrasing.templates;
    const live = await deps.store.templates.live();
    const nameOf = await actorNames(deps.store, wordsOf(req));
    res.vary('Accept-Language');
    res.json({
      templates: live.map((v) => {
        const t = templates.find((x) => x.id === v.templateId);
        return {
          id: v.templateId,
          kind: t?.kind ?? '',
          description: t?.description ?? '',
          file: v.file,
          live: {
            version: v.version,
            author: v.author,
            authorName: nameOf(v.author),
            createdAt: v.createdAt,
            message: v.message,
          },
        };
      }),
    });
  });

  r.get('/prompts/sessions', allow('prompts.read'), (_req, res) => {
    res.json({ sessions: gateSessions(deps.prompts.gateDir, deps.settings.taxonomy) });
  });

  r.post('/prompts/check', allow('prompts.edit'), async (req, res) => {
    const body = parseInput(PromptCheckBody, req.body);
    const draft = await draftSet(p, body.id, body.source);
    res.json({ problems: 'problems' in draft ? draft.problems : [] });
  });

  r.post('/prompts/export', allow('prompts.edit'), async (req, res) => {
    parseInput(EmptyBody, req.body ?? {});
    res.json({ written: await exportLive(p, deps.prompts.dir) });
  });

  r.post('/prompts/import', allow('prompts.edit'), async (req, res) => {
    parseInput(EmptyBody, req.body ?? {});
    res.json(await importChanged(p, deps.prompts.dir, caller(req).actor));
  });

  r.get('/prompts/:id', allow('prompts.read'), async (req, res) => {
    const history = await liveOf(String(req.params.id));
    const kind = deps.settings.phrasing.templates.find((t) => t.id === req.params.id)?.kind ?? '';
    const nameOf = await actorNames(deps.store, wordsOf(req));
    res.vary('Accept-Language');
    res.json({
      id: history[0]!.templateId,
      kind,
      file: history[0]!.file,
      source: history[0]!.source,
      versions: history.map(({ source: _s, templateId: _t, file: _f, ...v }) => ({
        ...v,
        authorName: nameOf(v.author),
      })),
    });
  });

  r.post('/prompts/:id/preview', allow('prompts.edit'), async (req, res) => {
    const body = parseInput(PromptPreviewBody, req.body);
    await liveOf(String(req.params.id));
    const session = gateSessions(deps.prompts.gateDir, deps.settings.taxonomy).find((s) => s.id === body.sessionId);
    if (!session)
      throw new AppError('session_not_found', `no recorded session "${body.sessionId}" in the gate suite`, 404, [
        'sessionId',
      ]);
    const draft = await draftSet(p, String(req.params.id), body.source);
    if ('problems' in draft) return void res.json({ problems: draft.problems, turns: [] });
    const kind = draft.templates.find((t) => t.id === req.params.id)!.kind;
    const turns = await previewInWorker(
      p,
      path.join(deps.prompts.gateDir, session.file),
      draft.templates,
      kind.startsWith('model-'),
    );
    res.json({ problems: [], turns });
  });

  r.post('/prompts/:id/gate', allow('prompts.edit'), async (req, res) => {
    const body = parseInput(PromptGateBody, req.body);
    await liveOf(String(req.params.id));
    const draft = await draftSet(p, String(req.params.id), body.source);
    if ('problems' in draft)
      return void res.json({ ok: false, problems: draft.problems, violations: [], differences: [] });
    res.json({ problems: [], ...(await gateInWorker(p, draft.templates)) });
  });

  r.post('/prompts/:id/versions', allow('prompts.edit'), async (req, res) => {
    const body = parseInput(PromptPublishBody, req.body);
    await liveOf(String(req.params.id));
    const record = published(
      await publish(p, {
        id: String(req.params.id),
        source: body.source,
        message: body.message,
        author: caller(req).actor,
        acceptDifferences: body.acceptDifferences,
      }),
    );
    res.status(201).json({ id: record.templateId, version: record.version });
  });

  r.post('/prompts/:id/rollback', allow('prompts.edit'), async (req, res) => {
    const body = parseInput(PromptRollbackBody, req.body);
    const id = String(req.params.id);
    await liveOf(id);
    const earlier = await deps.store.templates.get(id, body.version);
    if (!earlier)
      throw new AppError('version_not_found', `template "${id}" has no version ${body.version}`, 404, ['version']);
    // The lead chose that version's text: its changes to the suggestions are accepted, the rules still apply.
    const record = published(
      await publish(p, {
        id,
        source: earlier.source,
        message: body.message ?? `rolled back to version ${body.version}`,
        author: caller(req).actor,
        acceptDifferences: true,
        rolledBackFrom: body.version,
      }),
    );
    res.status(201).json({ id: record.templateId, version: record.version });
  });

  r.get('/outcomes/summary', allow('outcomes.read'), async (req, res) => {
    const { templateId } = parseInput(OutcomeSummaryQuery, req.query, ['query']);
    const [outcomes, shown] = await Promise.all([
      deps.store.outcomes.list({ templateId, limit: 1_000_000 }),
      deps.store.templates.shown(templateId),
    ]);
    res.json({ versions: summarise(templateId, outcomes, shown) });
  });

  return r;
}
