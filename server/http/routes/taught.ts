/**
 * Taught adapters (issue 17): an agent submits what they taught Candor on a helpdesk page, an admin
 * approves it for the whole team or rolls a site back to an earlier version, and every panel fetches
 * the approved ones. Only selectors and who/when travel here, never page content.
 */
import { Router } from 'express';
import { TaughtAdapterBody, TaughtApproveBody, TaughtQuery, TaughtRollbackBody } from '../../protocol/taught.js';
import { allow, caller } from '../../web/auth.js';
import { AppError, parseInput } from '../../errors.js';
import type { HttpDeps } from '../deps.js';

const CONFLICT = 'another approval for this site was recorded at the same moment; reload and try again';

export function taughtRoutes({ store }: Pick<HttpDeps, 'store'>): Router {
  const r = Router();
  const meta = (req: Parameters<typeof caller>[0]) => ({ actor: caller(req).actor, channel: 'api' });

  r.post('/taught-adapters', allow('adapter.teach'), async (req, res) => {
    const body = parseInput(TaughtAdapterBody, req.body);
    res.status(201).json(await store.taught.submit(body, meta(req)));
  });

  r.get('/taught-adapters', allow('adapter.use'), async (req, res) => {
    const { site } = parseInput(TaughtQuery, req.query, ['query']);
    res.json({ adapters: await store.taught.live(site) });
  });

  r.get('/taught-adapters/review', allow('adapter.review'), async (_req, res) => {
    res.json({ drafts: await store.taught.drafts(), versions: await store.taught.versions() });
  });

  r.post('/taught-adapters/approve', allow('adapter.approve'), async (req, res) => {
    const { draftId } = parseInput(TaughtApproveBody, req.body);
    const done = await store.taught.approve(draftId, meta(req));
    if (done === 'unknown') throw new AppError('draft_not_found', 'no taught adapter has this id', 404, ['draftId']);
    if (done === 'already_approved')
      throw new AppError('already_approved', 'this taught adapter is approved already', 409, ['draftId']);
    if (done === 'conflict') throw new AppError('conflict', CONFLICT, 409, ['draftId']);
    if ('refused' in done)
      throw new AppError(
        'internal_notes_not_excluded',
        `${done.refused}: internal notes must be left out before approval: the teacher marks what an internal ` +
          'note looks like, or records that this helpdesk shows none on the ticket page',
        409,
        done.refused.split('.'),
      );
    res.status(201).json(done);
  });

  r.post('/taught-adapters/rollback', allow('adapter.rollback'), async (req, res) => {
    const { site, version } = parseInput(TaughtRollbackBody, req.body);
    const done = await store.taught.rollback(site, version, meta(req));
    if (done === null)
      throw new AppError('version_not_found', 'this site has no approved version with this number', 404, ['version']);
    if (done === 'conflict') throw new AppError('conflict', CONFLICT, 409, ['version']);
    res.status(201).json(done);
  });

  return r;
}
