/**
 * The team lead's pages. They are static: the page asks for a lead token and calls the REST API
 * with it, so the API's role checks are the only gate (an agent token gets 403 there).
 *
 * They are in the reader's language. The language is chosen here, from Accept-Language by the portal's own
 * `wordsOf`, and not in the browser from `navigator.languages`: one negotiation for every page Candor serves, and
 * the page's static text (`{{t:key}}`, filled below) and what its script writes (ui/words.ts reads `<html lang>`)
 * can never disagree.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { ROOT } from '../config.js';
import { allow } from '../web/auth.js';
import { isKey, wordsOf, type Words } from '../i18n/translate.js';

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

/** Each page: `public/<name>.html` and its bundle `<name>.js`, served at `/admin/<name>`, named `admin.nav.<name>`. */
const PAGES = [
  'prompts',
  'audit',
  'adapters',
  'taught',
  'insights',
  'coach',
  'breach',
  'requests',
  'articles',
] as const;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The one list of the pages, in every page's `{{nav}}`, the current one marked. */
const nav = (current: string, words: Words) =>
  `<nav aria-label="${escapeHtml(words.t('admin.nav.label'))}" class="pages">${PAGES.map(
    (name) =>
      `<a href="/admin/${name}"${name === current ? ' aria-current="page"' : ''}>` +
      `${escapeHtml(words.t(`admin.nav.${name}`))}</a>`,
  ).join(' ')}</nav>`;

/** A page's `{{t:key}}`s, each the message in the reader's language; `{{lang}}`, the language. */
export function translatePage(html: string, words: Words): string {
  return html
    .replace(/\{\{t:([\w.]+)\}\}/g, (_, key: string) => {
      if (!isKey(key)) throw new Error(`An admin page names the message ${key}, which the catalogue lacks.`);
      return escapeHtml(words.t(key));
    })
    .replaceAll('{{lang}}', words.lang);
}

export function adminPages(): express.Router {
  const router = express.Router();
  for (const name of PAGES) {
    router.get(`/admin/${name}`, allow('public.read'), (req, res) => {
      const words = wordsOf(req);
      res.vary('Accept-Language');
      if (!existsSync(path.join(ADMIN_DIST, `${name}.js`))) {
        res
          .status(503)
          .type('text/plain')
          .send(words.t('admin.notBuilt', { page: words.t(`admin.nav.${name}`), command: 'npm run build' }));
        return;
      }
      const nonce = randomBytes(16).toString('base64');
      res.set('Content-Security-Policy', csp(nonce));
      const page = readFileSync(path.join(PUBLIC_DIR, `${name}.html`), 'utf8');
      res
        .type('html')
        .send(translatePage(page, words).replace('{{nonce}}', nonce).replace('{{nav}}', nav(name, words)));
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
