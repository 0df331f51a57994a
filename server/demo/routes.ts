/**
 * The fake helpdesk: its page, its assets and its own ticket API. This is the helpdesk's data,
 * not Candor's, so it needs no token; Candor is reached from the page over socket.io like any panel.
 */
import path from 'node:path';
import { ROOT } from '../config.js';
import express from 'express';
import { build } from 'esbuild';
import { DEMO_TICKETS } from './data.js';
import { allow } from '../web/auth.js';

const PUBLIC_DIR = path.join(ROOT, 'server/demo/public');

/**
 * The one formatting module (server/format/) for the page's plain script: bundled from its source on first
 * use and kept, so demo.js formats times, counts and reasons with the very code the extension's panel runs.
 */
let formatScript: Promise<string> | null = null;
const bundleFormat = () =>
  (formatScript ??= build({
    entryPoints: [path.join(ROOT, 'server/format/browser.ts')],
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    target: 'chrome116',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text));

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src " +
  "'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
  "frame-ancestors 'none'; form-action 'self'";

export function demoRouter(): express.Router {
  const router = express.Router();

  // The page must never be served without a CSP, but an app-wide policy (possibly stricter) wins.
  router.use('/demo', (_req, res, next) => {
    if (!res.get('Content-Security-Policy')) res.set('Content-Security-Policy', CSP);
    res.set('X-Content-Type-Options', 'nosniff');
    next();
  });

  router.get('/demo', allow('public.read'), (_req, res) => {
    res.sendFile('index.html', { root: PUBLIC_DIR });
  });

  router.get('/demo/assets/format.js', allow('public.read'), async (_req, res) => {
    res.type('text/javascript').send(await bundleFormat());
  });

  router.use('/demo/assets', express.static(PUBLIC_DIR, { index: false, redirect: false }));

  router.get('/demo/api/tickets', allow('public.read'), (_req, res) => {
    const tickets = DEMO_TICKETS.map((t) => ({
      id: t.id,
      subject: t.subject,
      requesterName: t.requesterName,
      requesterEmail: t.requesterEmail,
      status: t.status,
      lastMessageAt: t.messages.at(-1)!.at,
    })).sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt));
    res.json({ tickets });
  });

  router.get('/demo/api/tickets/:id', allow('public.read'), (req, res) => {
    const ticket = DEMO_TICKETS.find((t) => t.id === req.params.id);
    if (!ticket) {
      res
        .status(404)
        .json({ error: { code: 'ticket_not_found', message: 'no demo ticket has this id', path: ['id'] } });
      return;
    }
    res.json({ ticket });
  });

  return router;
}
