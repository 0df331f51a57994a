/** Tokens, the audit log and suggestion outcomes: leads and admins. Only an admin makes or revokes an admin token. */
import { Router } from 'express';
import { AuditQuery, EmptyBody, OutcomeQuery, TokenBody } from '../../protocol/api.js';
import { AUDIT_KINDS, auditEntryView, type AuditKind } from '../../audit/chain.js';
import { allow, caller } from '../../web/auth.js';
import { authorize } from '../../permissions/authorize.js';
import { AppError, parseInput } from '../../errors.js';
import type { HttpDeps } from '../deps.js';
import { wordsOf } from '../../i18n/translate.js';
import { actorNames } from '../actors.js';
import { namesIn } from '../../taxonomy/taxonomy.js';

export function adminRoutes({ store, disconnectToken, settings }: HttpDeps): Router {
  const r = Router();

  r.post('/tokens', allow('token.create'), async (req, res) => {
    const body = parseInput(TokenBody, req.body);
    if (body.role === 'admin') authorize(caller(req), 'token.create_admin');
    const { record, token } = await store.tokens.create(
      body.name,
      body.role,
      { actor: caller(req).actor, channel: 'api' },
      body.team ?? null,
    );
    res.status(201).json({ token: record, secret: token });
  });

  r.get('/tokens', allow('token.list'), async (_req, res) => {
    res.json({ tokens: await store.tokens.list() });
  });

  r.post('/tokens/:tokenId/revoke', allow('token.revoke'), async (req, res) => {
    parseInput(EmptyBody, req.body ?? {});
    const target = (await store.tokens.list()).find((t) => t.id === req.params.tokenId);
    if (!target)
      throw new AppError('token_not_found', `no token with id "${req.params.tokenId}"`, 404, ['params', 'tokenId']);
    if (target.role === 'admin') authorize(caller(req), 'token.revoke_admin');
    const record = (await store.tokens.revoke(target.id, { actor: caller(req).actor, channel: 'api' }))!;
    disconnectToken(record.id);
    res.json({ token: record });
  });

  r.get('/audit', allow('audit.read'), async (req, res) => {
    const q = parseInput(AuditQuery, req.query, ['query']);
    if (q.kind && !AUDIT_KINDS.includes(q.kind as AuditKind)) {
      throw new AppError('invalid_input', `query.kind: expected one of ${AUDIT_KINDS.join(', ')}`, 400, [
        'query',
        'kind',
      ]);
    }
    const nameOf = await actorNames(store, wordsOf(req));
    res.vary('Accept-Language');
    const entries = (await store.audit.list({ ...q, kind: q.kind as AuditKind | undefined })).map((e) =>
      auditEntryView(e, nameOf),
    );
    // Payloads keep their keys; `names` holds the words a page shows for them.
    const names: Record<string, string> = {};
    for (const e of entries) namesIn(settings.taxonomy, e.payload, names);
    // Where the log starts when retention pruned it: nothing older can be listed.
    const { audit } = await store.retention.oldest();
    res.json({ entries, names, startsAt: audit?.pruned ? audit.at : null });
  });

  r.get('/audit/verify', allow('audit.read'), async (_req, res) => {
    res.json(await store.audit.verify());
  });

  r.get('/outcomes', allow('outcomes.read'), async (req, res) => {
    res.json({ outcomes: await store.outcomes.list(parseInput(OutcomeQuery, req.query, ['query'])) });
  });

  return r;
}
