/** Article files as the spec has them: front matter first; a problem names the file, the line and what was expected. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArticle, readArticleDir } from './files.js';

const GOOD = `---
id: returns-policy            # unique slug: [a-z0-9][a-z0-9-]*
title: Returning an item
visibility: public            # public: may be quoted to customers; internal: agents only, never quoted
updated: 2026-10-01           # ISO date of the version in force
locale: en                    # optional, BCP 47, default en
tags: [returns, refunds]      # optional
---
You can return any item within 30 days of delivery for a full refund.
`;

describe('article files', () => {
  it("when a file is the spec's example, then it is read whole", () => {
    expect(checkArticle('returns.md', GOOD)).toEqual({
      id: 'returns-policy',
      title: 'Returning an item',
      visibility: 'public',
      updated: '2026-10-01',
      locale: 'en',
      tags: ['returns', 'refunds'],
      body: 'You can return any item within 30 days of delivery for a full refund.',
    });
  });

  it('when locale and tags are left out, then the article is English with no tags', () => {
    const text = GOOD.replace(/^locale:.*\n/m, '').replace(/^tags:.*\n/m, '');
    expect(checkArticle('a.md', text)).toMatchObject({ locale: 'en', tags: [] });
  });

  it('when a key is unknown, missing or bad, then each problem names the file and the line', () => {
    expect(checkArticle('a.md', GOOD.replace('locale: en', 'author: Sam'))).toEqual([
      'a.md:6: unknown front-matter key(s) author (expected id, title, visibility, updated, locale, tags)',
    ]);
    expect(checkArticle('a.md', GOOD.replace(/^title:.*\n/m, ''))).toEqual(['a.md:1: missing required key "title"']);
    const bad = checkArticle(
      'a.md',
      GOOD.replace('visibility: public', 'visibility: secret').replace('2026-10-01', '2026-02-30'),
    );
    expect(bad).toHaveLength(2);
    expect((bad as string[])[0]).toMatch(/^a\.md:4: visibility: /);
    expect((bad as string[])[1]).toMatch(/^a\.md:5: updated: expected a date that exists/);
    expect(checkArticle('a.md', GOOD.replace('id: returns-policy', 'id: Returns Policy'))).toEqual([
      expect.stringMatching(/^a\.md:2: id: expected a slug/),
    ]);
  });

  it('when the front matter is missing, not YAML, or the body is empty, then the line is named', () => {
    expect(checkArticle('a.md', 'Just text')).toEqual([expect.stringMatching(/^a\.md:1: missing front matter/)]);
    expect((checkArticle('a.md', GOOD.replace('tags: [returns, refunds]', 'tags: [returns')) as string[])[0]).toMatch(
      /^a\.md:\d+: front matter is not valid YAML/,
    );
    expect(checkArticle('a.md', `${GOOD.split('---\n').slice(0, 2).join('---\n')}---\n\n`)).toEqual([
      'a.md:9: the article has no text after its front matter',
    ]);
  });

  it('when a folder holds a bad file and an id twice, then the good files still load and the others are named', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'candor-articles-'));
    try {
      writeFileSync(path.join(dir, 'a.md'), GOOD);
      writeFileSync(path.join(dir, 'b.md'), GOOD);
      writeFileSync(path.join(dir, 'c.md'), GOOD.replace('returns-policy', 'other').replace('public', 'hidden'));
      writeFileSync(path.join(dir, 'notes.txt'), 'not an article');
      const { articles, problems } = readArticleDir(dir);
      expect(articles.map((a) => a.id)).toEqual(['returns-policy']);
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/b\.md:2: id "returns-policy" is already used by .*a\.md$/);
      expect(problems[1]).toMatch(/c\.md:4: visibility/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("when the project's own articles folder is read, then it has no problems", () => {
    const { articles, problems } = readArticleDir(path.resolve(import.meta.dirname, '../../articles'));
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.id, a.visibility])).toContainEqual(['refund-exceptions', 'internal']);
  });
});
