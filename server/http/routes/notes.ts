/** The lead's switch for customer notes after replies (`assist/notes.ts`): off, offered, or on by default. */
import { Router } from 'express';
import { CustomerNotesSetting } from '../../protocol/api.js';
import { NOTES_KEY, notesSetting } from '../../assist/notes.js';
import { allow, caller } from '../../web/auth.js';
import { parseInput } from '../../errors.js';
import type { HttpDeps } from '../deps.js';

export function notesRoutes({ store }: HttpDeps): Router {
  const r = Router();
  r.get('/settings/customer-notes', allow('notes.settings_read'), async (_req, res) => {
    res.json(await notesSetting(store));
  });
  r.put('/settings/customer-notes', allow('notes.settings_manage'), async (req, res) => {
    const body = parseInput(CustomerNotesSetting, req.body);
    await store.settings.set(NOTES_KEY, body, { actor: caller(req).actor, channel: 'api' });
    res.json(body);
  });
  return r;
}
