/** Tokens, the audit log and suggestion outcomes: leads and admins only. A lead cannot mint an admin token. */
import { Router } from 'express';
import { AuditQuery, OutcomeQuery, TokenBody } from '../../protocol/api.js';
import { AUDIT_KINDS, auditEntryView, type AuditKind } from '../../audit/chain.js';
import { auth, requireRole } from '../auth.js';
import { AppError, parseInput } from '../errors.js';
import type { HttpDeps } from '../deps.js';

export function adminRoutes({ store, disconnectToken }: HttpDeps): Router {
  const r = Router();
  r.use(['/tokens', '/audit', '/outcomes'], requireRole('lead', 'admin'));

  r.post('/tokens', async (req, res) => {
    const body = parseInput(TokenBody, req.body);
    if (body.role === 'admin' && auth(req).role !== 'admin') throw new AppError('forbidden', 'only an admin can create an admin token', 403, ['role']);
    const { record, token } = await store.tokens.create(body.name, body.role, { actor: auth(req).actor, channel: 'api' });
    res.status(201).json({ token: record, secret: token });
  });

  r.get('/tokens', async (_req, res) => {
    res.json({ tokens: await store.tokens.list() });
  });

  r.post('/tokens/:tokenId/revoke', async (req, res) => {
    const record = await store.tokens.revoke(String(req.params.tokenId), { actor: auth(req).actor, channel: 'api' });
    if (!record) throw new AppError('token_not_found', `no token with id "${req.params.tokenId}"`, 404, ['params', 'tokenId']);
    disconnectToken(record.id);
    res.json({ token: record });
  });

  r.get('/audit', async (req, res) => {
    const q = parseInput(AuditQuery, req.query, ['query']);
    if (q.kind && !AUDIT_KINDS.includes(q.kind as AuditKind)) {
      throw new AppError('invalid_input', `query.kind: expected one of ${AUDIT_KINDS.join(', ')}`, 400, ['query', 'kind']);
    }
    res.json({ entries: (await store.audit.list({ ...q, kind: q.kind as AuditKind | undefined })).map(auditEntryView) });
  });

  r.get('/audit/verify', async (_req, res) => {
    res.json(await store.audit.verify());
  });

  r.get('/outcomes', async (req, res) => {
    res.json({ outcomes: await store.outcomes.list(parseInput(OutcomeQuery, req.query, ['query'])) });
  });

  return r;
}
