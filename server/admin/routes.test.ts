/** The lead's pages share one nav: every page lists every page, in the same order, and marks itself. */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPages } from './routes.js';

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
      const nav = /<nav aria-label="Team lead pages"[^>]*>(.*?)<\/nav>/s.exec(html)?.[1] ?? '';
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
