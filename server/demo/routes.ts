/**
 * The fake helpdesk: its page, its assets and its own ticket API. This is the helpdesk's data,
 * not Candor's, so it needs no token; Candor is reached from the page over socket.io like any panel.
 */
import path from 'node:path';
import { ROOT } from '../config.js';
import express from 'express';
import { existsSync } from 'node:fs';
import { DEMO_TICKETS } from './data.js';
import { allow } from '../web/auth.js';

const PUBLIC_DIR = path.join(ROOT, 'server/demo/public');
/** Where `npm run build` puts the desk's script and the panel's demo bundle. */
export const DEMO_DIST = path.join(ROOT, 'dist/demo');
/** The extension's panel page and styles: the preview is that panel, not a copy of it. */
const PANEL_DIR = path.join(ROOT, 'extension/panel');

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src " +
  "'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
  "frame-ancestors 'none'; form-action 'self'";
/** The preview's frame: the demo page (this origin) may hold it, nothing else may. */
const PANEL_CSP = CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'");

export function demoRouter(): express.Router {
  const router = express.Router();

  // The page must never be served without a CSP, but an app-wide policy (possibly stricter) wins.
  router.use('/demo', (_req, res, next) => {
    if (!res.get('Content-Security-Policy')) res.set('Content-Security-Policy', CSP);
    res.set('X-Content-Type-Options', 'nosniff');
    next();
  });

  router.get('/demo', allow('public.read'), (_req, res) => {
    if (!existsSync(path.join(DEMO_DIST, 'panel.js'))) {
      res
        .status(503)
        .type('text/plain')
        .send('The demo is not built yet: run `npm run build` (npm start does it for you).');
      return;
    }
    res.sendFile('index.html', { root: PUBLIC_DIR });
  });

  router.use('/demo/panel', (_req, res, next) => {
    res.set('Content-Security-Policy', PANEL_CSP);
    next();
  });
  router.get('/demo/panel/', allow('public.read'), (_req, res) => {
    res.sendFile('panel.html', { root: PANEL_DIR });
  });
  router.get('/demo/panel/panel.css', allow('public.read'), (_req, res) => {
    res.sendFile('panel.css', { root: PANEL_DIR });
  });
  router.get('/demo/panel/panel.js', allow('public.read'), (_req, res) => {
    res.sendFile('panel.js', { root: DEMO_DIST });
  });

  router.use(
    '/demo/assets',
    express.static(PUBLIC_DIR, { index: false, redirect: false }),
    express.static(DEMO_DIST, { index: false, redirect: false }),
  );

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
