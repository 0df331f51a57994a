/**
 * The team lead's pages. They are static: the page asks for a lead token and calls the REST API
 * with it, so the API's role checks are the only gate (an agent token gets 403 there).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { ROOT } from '../config.js';
import { allow } from '../web/auth.js';

const PUBLIC_DIR = path.join(ROOT, 'server/admin/public');
/** Where `npm run build` puts the pages' bundles. */
export const ADMIN_DIST = path.join(ROOT, 'dist/admin');
const DEVELOPMENT = process.env.NODE_ENV === 'development';

/**
 * The editor (CodeMirror) writes its styles into a `<style>` element, which a strict CSP blocks;
 * a fresh nonce per page lets exactly those in, and no other inline style or any inline script.
 */
const csp = (nonce: string) =>
  `default-src 'self'; script-src 'self'; style-src 'self' ` +
  `'nonce-${nonce}'; img-src 'self' data:; connect-src 'self'; object-src ` +
  `'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'`;

/** Each page: `public/<name>.html` and its bundle `<name>.js`, served at `/admin/<name>`. */
const PAGES = {
  prompts: 'The template editor',
  audit: 'The audit log',
  adapters: 'The helpdesk adapters page',
  taught: 'Taught adapters',
  insights: 'The insights page',
  breach: 'The breach report',
};

export function adminPages(): express.Router {
  const router = express.Router();
  for (const [name, title] of Object.entries(PAGES)) {
    router.get(`/admin/${name}`, allow('public.read'), (_req, res) => {
      if (!existsSync(path.join(ADMIN_DIST, `${name}.js`))) {
        res
          .status(503)
          .type('text/plain')
          .send(`${title} is not built yet: run \`npm run build\` (npm start does it for you).`);
        return;
      }
      const nonce = randomBytes(16).toString('base64');
      res.set('Content-Security-Policy', csp(nonce));
      res.type('html').send(readFileSync(path.join(PUBLIC_DIR, `${name}.html`), 'utf8').replace('{{nonce}}', nonce));
    });
  }
  // Source maps are the bundles' source, for a developer's tools only; an older build may have left some.
  const noMaps = (req: express.Request, _res: express.Response, next: express.NextFunction) =>
    req.path.endsWith('.map') && !DEVELOPMENT ? next('router') : next();
  router.use(
    '/admin/assets',
    noMaps,
    express.static(PUBLIC_DIR, { index: false, redirect: false }),
    express.static(ADMIN_DIST, { index: false, redirect: false }),
  );
  return router;
}
