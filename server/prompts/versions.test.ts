/** Versions as stored: the version line stamped, diffs between versions, prompts/ imported once. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../config.js';
import { keysIn, openSqliteStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { TemplateError } from '../templates/templates.js';
import { diffOf, importNewFiles, sameTemplate, stamp, templatesFrom } from './versions.js';

const GENERAL = readFileSync(path.join(ROOT, 'prompts/offline/general.liquid'), 'utf8');

describe('stamp and sameTemplate', () => {
  it('sets the front matter version line and nothing else', () => {
    const stamped = stamp(GENERAL, 7);
    expect(stamped).toContain('\nversion: 7\n');
    expect(stamped.replace('version: 7', 'version: 1')).toBe(GENERAL);
  });

  it('treats sources that differ only in their version line as the same template', () => {
    expect(sameTemplate(GENERAL, stamp(GENERAL, 4))).toBe(true);
    expect(sameTemplate(GENERAL, GENERAL.replace('\n---\n', '\n---\nHello. '))).toBe(false);
  });
});

describe('diffOf', () => {
  it('is a unified diff naming the file, with removed and added lines', () => {
    const after = `${stamp(GENERAL, 2)}One more line.\n`;
    const diff = diffOf('prompts/offline/general.liquid', GENERAL, after);
    expect(diff).toContain('--- a/prompts/offline/general.liquid');
    expect(diff).toContain('+++ b/prompts/offline/general.liquid');
    expect(diff).toContain('-version: 1');
    expect(diff).toContain('+version: 2');
    expect(diff).toContain('+One more line.');
  });

  it('is empty for a first version', () => {
    expect(diffOf('prompts/offline/general.liquid', '', GENERAL)).toBe('');
  });
});

describe('importNewFiles', () => {
  let dir: string;
  let prompts: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'candor-versions-'));
    prompts = path.join(dir, 'prompts');
    cpSync(path.join(ROOT, 'prompts'), prompts, { recursive: true, filter: (f) => !f.includes(`${path.sep}sessions`) });
    store = await openSqliteStore(dir, keysIn(dir));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports every template as version 1 by system, once', async () => {
    const imported = await importNewFiles(store, prompts, { model: true });
    // 15 in English, 11 in each of German, French, Spanish and Dutch.
    expect(imported).toHaveLength(59);
    expect(await store.templates.get('offline.general', 1)).toMatchObject({
      file: 'offline/general.liquid',
      author: 'system',
      message: 'imported from prompts/offline/general.liquid',
      diff: '',
      rolledBackFrom: null,
    });
    expect(await importNewFiles(store, prompts)).toEqual([]);
    expect(templatesFrom(await store.templates.live(), { model: true })).toHaveLength(59);
  });

  it('leaves a stored template alone when its file changed, and imports only a new id', async () => {
    await importNewFiles(store, prompts);
    const file = path.join(prompts, 'offline/general.liquid');
    writeFileSync(file, readFileSync(file, 'utf8').replace('version: 1', 'version: 5'));
    writeFileSync(
      path.join(prompts, 'offline/fact-orders.liquid'),
      readFileSync(path.join(prompts, 'offline/fact-purchase.liquid'), 'utf8')
        .replace('id: offline.fact.purchase', 'id: offline.fact.orders')
        .replace('version: 1', 'version: 3'),
    );
    expect(await importNewFiles(store, prompts)).toEqual(['offline.fact.orders']);
    expect((await store.templates.get('offline.fact.orders', 1))!.source).toContain('version: 1');
    expect(await store.templates.history('offline.general')).toHaveLength(1);
  });

  it('when a file has a problem, then nothing is imported and the problem names the file', async () => {
    const file = path.join(prompts, 'offline/general.liquid');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{{ customer.firstName', '{{ customer.nickname'));
    await expect(importNewFiles(store, prompts)).rejects.toThrow(TemplateError);
    await expect(importNewFiles(store, prompts)).rejects.toThrow(
      /offline\/general\.liquid:\d+: unknown variable "customer\.nickname"/,
    );
    expect(await store.templates.live()).toEqual([]);
  });
});
