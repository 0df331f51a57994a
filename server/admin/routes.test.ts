/**
 * The lead's pages share one nav: every page lists every page, in the same order, and marks itself. Their text is
 * the catalogue's, in the reader's language: a page naming a message the catalogue lacks fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../config.js';
import { CATALOGUE } from '../i18n/catalogue.js';
import { wordsFor } from '../i18n/translate.js';
import { adminPages, translatePage } from './routes.js';

let server: ReturnType<ReturnType<typeof express>['listen']>;
let base = '';
beforeAll(async () => {
  server = express().use(adminPages()).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const PAGES = ['prompts', 'audit', 'adapters', 'taught', 'insights', 'coach', 'breach', 'requests', 'articles'];

describe('the lead pages’ nav', () => {
  it('when any page is served, then its nav links every page in one order and marks that page alone', async () => {
    for (const page of PAGES) {
      const html = await (await fetch(`${base}/admin/${page}`)).text();
      const nav = /<nav aria-label="[^"]*" class="pages">(.*?)<\/nav>/s.exec(html)?.[1] ?? '';
      expect(
        [...nav.matchAll(/href="\/admin\/(\w+)"/g)].map((m) => m[1]),
        page,
      ).toEqual(PAGES);
      expect(
        [...nav.matchAll(/href="\/admin\/(\w+)" aria-current="page"/g)].map((m) => m[1]),
        page,
      ).toEqual([page]);
      expect(html).not.toContain('{{');
    }
  });
});

const PUBLIC = path.join(ROOT, 'server/admin/public');

describe('the lead pages’ words', () => {
  it('when a page names a message, then the catalogue has it', () => {
    const named = readdirSync(PUBLIC)
      .filter((f) => f.endsWith('.html'))
      .flatMap((f) =>
        [...readFileSync(path.join(PUBLIC, f), 'utf8').matchAll(/\{\{t:([\w.]+)\}\}/g)].map((m) => m[1]!),
      );
    expect(named.length).toBeGreaterThan(40);
    expect(named.filter((key) => !(key in CATALOGUE.en))).toEqual([]);
  });

  it('when a page names a message the catalogue lacks, then serving it fails instead of showing the key', () => {
    expect(() => translatePage('<p>{{t:admin.nav.nowhere}}</p>', wordsFor('de'))).toThrow(/admin\.nav\.nowhere/);
  });

  it('fills a page in the reader’s language, its markup escaped, and says so in <html lang>', () => {
    expect(translatePage('<html lang="{{lang}}"><h2>{{t:admin.signIn.title}}</h2>', wordsFor('fr'))).toBe(
      '<html lang="fr"><h2>Se connecter</h2>',
    );
    expect(translatePage('<a title="{{t:admin.notBuilt}}">', wordsFor('en'))).toContain(
      'title="The page &#34;{page}&#34; is not built yet',
    );
  });

  it('when the browser asks for German, then the nav is German and the answer varies by Accept-Language', async () => {
    const res = await fetch(`${base}/admin/audit`, { headers: { 'accept-language': 'de-AT,de;q=0.9' } });
    const html = await res.text();
    expect(res.headers.get('vary')).toMatch(/Accept-Language/i);
    expect(html).toContain('<nav aria-label="Seiten der Teamleitung" class="pages">');
    expect(html).toContain('<html lang="de">');
  });
});
