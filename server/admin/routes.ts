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

/** Each page: `public/<name>.html` and its bundle `<name>.js`, served at `/admin/<name>`; its name in the nav. */
const PAGES = {
  prompts: { title: 'The template editor', link: 'Templates' },
  audit: { title: 'The audit log', link: 'Audit log' },
  adapters: { title: 'The helpdesk adapters page', link: 'Helpdesk adapters' },
  taught: { title: 'Taught adapters', link: 'Taught adapters' },
  insights: { title: 'The insights page', link: 'Insights' },
  coach: { title: 'The reply coach page', link: 'Reply coach' },
  breach: { title: 'The breach report', link: 'Breach report' },
  requests: { title: 'The privacy requests page', link: 'Privacy requests' },
  articles: { title: 'The help-centre articles page', link: 'Help-centre articles' },
};

/** The one list of the pages, in every page's `{{nav}}`, the current one marked. */
const nav = (current: string) =>
  `<nav aria-label="Team lead pages" class="pages">${Object.entries(PAGES)
    .map(([name, { link }]) => `<a href="/admin/${name}"${name === current ? ' aria-current="page"' : ''}>${link}</a>`)
    .join(' ')}</nav>`;

export function adminPages(): express.Router {
  const router = express.Router();
  for (const [name, { title }] of Object.entries(PAGES)) {
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
      const page = readFileSync(path.join(PUBLIC_DIR, `${name}.html`), 'utf8');
      res.type('html').send(page.replace('{{nonce}}', nonce).replace('{{nav}}', nav(name)));
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
