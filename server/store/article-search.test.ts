/** What the article search keeps, seen through how often it asks the database: within its cap, and the least used out. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { articleSearch, KEPT_MATCHES } from './article-search.js';
import { articleStore } from './articles.js';
import { migrate } from './migrations.js';
import type { Sql } from './sql.js';
import { openMemoryDb, sqliteSql } from './sqlite.js';

let sql: Sql;
let asked: number;
let search: ReturnType<typeof articleSearch>;
/** The store's connection, counting each word's full-text query. */
const counting = (q: Sql): Sql => ({
  ...q,
  all: (text, params) => {
    if (text.includes(' MATCH ')) asked++;
    return q.all(text, params);
  },
});
const find = (word: string) => search({ parts: [{ terms: [word], weight: 1 }], limit: 5 });

beforeEach(async () => {
  sql = sqliteSql(openMemoryDb());
  await migrate(sql);
  await articleStore(sql).upsert(
    [
      {
        id: 'warranty',
        title: 'Warranty on appliances',
        visibility: 'public',
        updated: '2026-10-01',
        locale: 'en',
        tags: [],
        body: 'Blenders and kettles carry a two-year warranty.',
      },
    ],
    { actor: 'lead:tok_test', channel: 'api' },
  );
  asked = 0;
  search = articleSearch(counting(sql));
});
afterEach(() => sql.close());

it('when a word is searched again, whether it matched or not, then the database is not asked again', async () => {
  expect((await find('kettles')).map((h) => h.article.id)).toEqual(['warranty']);
  await find('toaster');
  const first = asked;
  expect(first).toBeGreaterThan(0);
  expect((await find('kettles')).map((h) => h.article.id)).toEqual(['warranty']);
  await find('toaster');
  expect(asked).toBe(first);
});

it('when more words than the cap are searched, then the one used longest ago is asked again, and one just used is not', async () => {
  await find('kettles');
  await find('blenders');
  for (let i = 0; i < KEPT_MATCHES - 2; i++) await find(`word${i}x`);
  await find('kettles'); // used again: now the newest
  await find('onemore'); // over the cap: the one used longest ago, "blenders", goes
  asked = 0;
  await find('kettles');
  expect(asked).toBe(0);
  await find('blenders');
  expect(asked).toBeGreaterThan(0);
});
