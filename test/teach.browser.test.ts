/**
 * "Teach this page" on the page's side (issue 17), in Chromium: the selector derivation (id, then
 * data-* attributes, then aria/role/name, then classes, then a short structural path), each derived
 * selector accepted by the protocol's schema (with `querySelector`, in the browser), and a whole
 * teaching of a helpdesk no built-in adapter knows, tested on the page with the built-in reader.
 */
import { build } from 'esbuild';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleAdapters, runAdapters } from './helpers/adapters.js';
import { launchChromium } from './helpers/browser.js';
import { serveFixtures } from './helpers/fixtures.js';
import { messageIn } from '../extension/shared/i18n.js';

type Teach = typeof import('../extension/content/teach.js') & {
  TaughtSelectors: typeof import('../server/protocol/taught.js').TaughtSelectors;
};

let bundle: string;
let adapters: string;
let fixtures: Awaited<ReturnType<typeof serveFixtures>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const root = path.resolve(import.meta.dirname, '..');
  const out = await build({
    stdin: {
      contents:
        "export * from './extension/content/teach.ts';\n" +
        "export { TaughtSelectors } from './server/protocol/taught.ts';\n",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'candorTeach',
    target: 'chrome116',
    write: false,
    logLevel: 'silent',
  });
  bundle = out.outputFiles[0]!.text;
  adapters = await bundleAdapters();
  fixtures = await serveFixtures();
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await fixtures?.close();
});

async function load(html?: string) {
  if (html) await page.setContent(html);
  else await page.goto(`${fixtures.url}/helpdesks/unknown-desk.html`);
  await page.addScriptTag({ content: bundle });
}

/** Derives a selector for the element `target` finds, and checks it finds that element alone and passes the schema. */
const derived = (target: string) =>
  page.evaluate((t) => {
    const { deriveSelector, TaughtSelectors } = (window as unknown as { candorTeach: Teach }).candorTeach;
    const el = document.querySelector(t)!;
    const selector = deriveSelector(el);
    const found = document.querySelectorAll(selector);
    const schema = TaughtSelectors.shape.editor.safeParse(selector);
    return { selector, alone: found.length === 1 && found[0] === el, schema: schema.success };
  }, target);

describe('deriving a selector from a picked element', () => {
  it('when an element has a stable id, then the id is the selector; a generated id is passed over', async () => {
    await load(
      '<div id="reply-box">a</div><div id="ember1234" data-testid="composer">b</div>' +
        '<div id="x-5f3a9c0d" class="note">c</div><div class="note">d</div>',
    );
    expect(await derived('#reply-box')).toEqual({ selector: '#reply-box', alone: true, schema: true });
    expect(await derived('[data-testid="composer"]')).toEqual({
      selector: 'div[data-testid="composer"]',
      alone: true,
      schema: true,
    });
    // Neither its id (generated) nor its class (shared) is unique: the structure is.
    expect(await derived('#x-5f3a9c0d')).toEqual({ selector: 'body > div:nth-of-type(3)', alone: true, schema: true });
  });

  it('when an element has no id or data attribute, then aria, role or name come before classes', async () => {
    await load(
      '<section><button class="btn" aria-label="Send reply">s</button><button class="btn">t</button>' +
        '<textarea class="box" name="body"></textarea><div role="log" class="x"></div></section>',
    );
    expect((await derived('[aria-label="Send reply"]')).selector).toBe('button[aria-label="Send reply"]');
    expect((await derived('textarea')).selector).toBe('textarea[name="body"]');
    expect((await derived('[role="log"]')).selector).toBe('div[role="log"]');
  });

  it(
    'when a data value looks like one record’s id (it ' + 'has a digit), then only the attribute name is used',
    async () => {
      await load('<article data-ticket-id="58120">a</article><article>b</article><p data-row="12">c</p><p>d</p>');
      expect((await derived('[data-ticket-id]')).selector).toBe('article[data-ticket-id]');
      expect((await derived('[data-row]')).selector).toBe('p[data-row]');
    },
  );
});

describe('the protocol schema of a taught selector, in the browser', () => {
  it(
    'when querySelector refuses a selector or it carries ' + 'braces, then the schema refuses it naming the field',
    async () => {
      await load('<p>x</p>');
      const answers = await page.evaluate(() => {
        const { TaughtSelectors } = (window as unknown as { candorTeach: Teach }).candorTeach;
        return ['p::::q', 'article[data-id="{id}"]', 'p > span', `${'a, '.repeat(9)}b`].map((s) => {
          const r = TaughtSelectors.shape.editor.safeParse(s);
          return r.success ? 'ok' : r.error.issues[0]!.message;
        });
      });
      expect(answers).toEqual([
        'editor: not a selector the browser accepts',
        'editor: braces, semicolons and control characters are not part of a selector',
        'ok',
        'editor: at most 8 selectors in a list',
      ]);
    },
  );
});

describe('teaching a helpdesk no built-in adapter knows', () => {
  it('when the fixture desk is opened, then no built-in adapter recognises it', async () => {
    await load();
    await page.addScriptTag({ content: adapters });
    expect(await runAdapters(page, 'detected')).toEqual([]);
  });

  it(
    'when the agent picks the e-mail, a customer message, one of theirs, the internal note and the reply box, ' +
      'then the description reads the ticket with the note left out and passes the schema',
    async () => {
      await load();
      const result = await page.evaluate(async () => {
        const { derive, testOnPage, TaughtSelectors } = (window as unknown as { candorTeach: Teach }).candorTeach;
        const q = (s: string) => document.querySelector(s)!;
        const given: Record<string, string | undefined> = {};
        const steps: [Parameters<typeof derive>[0], string][] = [
          ['requesterEmail', '.contact-value'],
          ['customerMessage', 'li:nth-child(1) .bubble-body'],
          ['agentMessage', 'li:nth-child(2) .bubble-meta'],
          ['internalNote', 'li:nth-child(3) .bubble-body'],
          ['editor', 'textarea'],
        ];
        const shown: string[] = [];
        for (const [step, target] of steps) {
          const answer = derive(step, q(target), given);
          if (!answer.ok) return { failed: `${step}: ${answer.reason.key}` };
          Object.assign(given, answer.pick);
          shown.push(answer.shown);
        }
        const report = await testOnPage(document, given);
        return { given, shown, report, schema: TaughtSelectors.safeParse(report.selectors).success };
      });
      expect(result).not.toHaveProperty('failed');
      expect(result.given).toMatchObject({
        requesterEmail: 'span.contact-value',
        message: 'ol.timeline > li[data-author-kind]',
        messageText: 'div.bubble-body',
        fromCustomer: '[data-author-kind="customer"]',
        notConversation: '[data-visibility="internal"]',
        editor: 'textarea[name="body"]',
      });
      expect(result.shown![0]).toBe('dana.kowalski@example.org');
      expect(result.report).toMatchObject({
        ok: true,
        problems: [],
        found: {
          email: 'dana.kowalski@example.org',
          customerMessages: 2,
          otherMessages: 1,
          notesLeftOut: 1,
          canInsert: true,
        },
      });
      expect(result.report!.selectors!.ticket).toBe('section[data-view="conversation"]');
      expect(result.schema).toBe(true);
    },
  );

  it(
    'when a field is found more than once or the customer ' + 'is not told apart, then the test names the problem',
    async () => {
      await load();
      const report = await page.evaluate(async () => {
        const { testOnPage } = (window as unknown as { candorTeach: Teach }).candorTeach;
        return testOnPage(document, {
          requesterEmail: 'dd',
          message: 'ol.timeline > li',
          messageText: '.bubble-body',
          fromCustomer: '[data-author-kind="nobody"]',
          editor: 'textarea',
        });
      });
      expect(report.ok).toBe(false);
      expect(report.problems).toContainEqual({
        key: 'teach_p_found_times',
        subs: ['2', { key: 'teach_field_requesterEmail' }],
      });
      expect(report.problems).toContainEqual({ key: 'teach_p_no_customer_message', subs: [] });
      // The panel words them from the catalogue: the English reads as before.
      expect(
        report.problems.map((p) =>
          messageIn('en', p.key, ...p.subs.map((x) => (typeof x === 'string' ? x : messageIn('en', x.key)))),
        ),
      ).toContain("Found 2 times, not once: the requester's e-mail.");
    },
  );

  it('when messages differ only by row striping, then striping is not taken for who wrote them', async () => {
    await load(
      '<ol class="history"><li class="txn message odd"><p class="body">from the customer</p></li>' +
        '<li class="txn message even"><p class="body">from us</p></li>' +
        '<li class="txn message odd"><p class="body">a comment</p></li></ol>',
    );
    const answers = await page.evaluate(() => {
      const { derive } = (window as unknown as { candorTeach: Teach }).candorTeach;
      const [customer, ours, note] = [...document.querySelectorAll('.body')];
      const given: Record<string, string | undefined> = {};
      const first = derive('customerMessage', customer!, given);
      if (first.ok) Object.assign(given, first.pick);
      return [first, derive('agentMessage', ours!, given), derive('internalNote', note!, given)];
    });
    expect(answers[0]).toMatchObject({ ok: true, pick: { message: 'ol.history > li.txn' } });
    expect(answers.slice(1)).toEqual([
      { ok: false, reason: { key: 'teach_p_no_difference', subs: [] } },
      { ok: false, reason: { key: 'teach_p_note_same', subs: [] } },
    ]);
  });

  it('when a pick is not what the step asks for, then it is refused in words', async () => {
    await load();
    const answers = await page.evaluate(() => {
      const { derive } = (window as unknown as { candorTeach: Teach }).candorTeach;
      return [
        derive('requesterEmail', document.querySelector('.conv-title')!, {}),
        derive('editor', document.querySelector('.conv-title')!, {}),
        derive('agentMessage', document.querySelector('.bubble-body')!, {}),
      ];
    });
    expect(answers.map((a) => (a.ok ? 'ok' : messageIn('en', a.reason.key)))).toEqual([
      'No e-mail address is in what you picked. Pick the element that shows it.',
      'That is not a box you can type in. Pick the reply box itself.',
      'Pick a message from the customer first.',
    ]);
  });
});
