/**
 * Recording real sessions, for team leads: the switch (off by default), the recordings, and adding one to the gate
 * suite.
 */
import { Router } from 'express';
import { EmptyBody, RecordingId, RecordingSetting } from '../../protocol/api.js';
import { RECORDING_KEY, recordingSetting } from '../../recorder/recorder.js';
import { addToGate, listRecordings, readRecording } from '../../recorder/files.js';
import { allow, caller } from '../../web/auth.js';
import { parseInput } from '../../errors.js';
import type { HttpDeps } from '../deps.js';

export function recordingRoutes({ store, settings, prompts }: HttpDeps, recordingsDir: string): Router {
  const r = Router();

  r.get('/settings/recording', allow('recordings.read'), async (_req, res) => {
    res.json(await recordingSetting(store));
  });

  r.put('/settings/recording', allow('recordings.manage'), async (req, res) => {
    const body = parseInput(RecordingSetting, req.body);
    await store.settings.set(RECORDING_KEY, body, { actor: caller(req).actor, channel: 'api' });
    res.json(body);
  });

  r.get('/recordings', allow('recordings.read'), async (_req, res) => {
    res.json({ recordings: await listRecordings(recordingsDir, store.recordings) });
  });

  r.get('/recordings/:id', allow('recordings.read'), async (req, res) => {
    const id = parseInput(RecordingId, req.params.id, ['params', 'id']);
    res.json(await readRecording(recordingsDir, id, store.recordings));
  });

  r.post('/recordings/:id/add-to-gate', allow('recordings.manage'), async (req, res) => {
    parseInput(EmptyBody, req.body ?? {});
    const id = parseInput(RecordingId, req.params.id, ['params', 'id']);
    await addToGate(recordingsDir, prompts.gateDir, id, settings, store.recordings);
    res.status(201).json({ id, file: `${id}.json` });
  });

  return r;
}
