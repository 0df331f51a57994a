/**
 * Markup in every rendered field, in Debian's Chromium against a real server: hostile strings go
 * into every field a customer, a model, an agent, a lead or the organisation's configuration
 * controls, and every page that shows them is rendered — the /demo helpdesk with its Candor
 * preview, the extension's side panel and options, the demo outbox, the privacy portal and its
 * start page, the lead's template editor and audit log. On each page: no script ran
 * (`window.__pwned`), no element was made from the data (no image, svg, frame, inline script or
 * event-handler attribute, no `javascript:` address), the hostile text is there as text (so the
 * field really was rendered), the page reported no CSP violation and fetched nothing from another
 * origin. Liquid templates that quote a fact (`{{ fact.text }}`) show a template in the fact as
 * the characters it is.
 *
 * Checks are counted, and the figures printed at the end as one line.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../../scripts/build.mjs';
import { ROOT } from '../../server/config.js';
import { html } from '../../server/portal/html.js';
import { demoPanel, launchWithExtension, openBlenderTicket } from '../helpers/browser.js';
import { startFakeOpenAI, userPrompt } from '../../harness/fake-openai.js';
import { startServer, type TestServer } from '../../harness/server.js';

// ---- the hostile strings and where they go ------------------------------------------------------

/** Each is lowercase, so a category name (which Candor lower-cases) still holds it exactly. */
const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  'javascript:window.__pwned=1',
  '{{7*7}}',
  '{% raw %}',
  '{{ 7 | times: 7 }}',
  'invoice\u202Efdp.exe',
] as const;
/** All of them in one string (185 characters), for fields that take that much. */
const ALL = HOSTILE.join(' ');
/**
 * For the agent's free text (a rating's reason, an edit), which is masked before it is kept: the
 * masker replaces the customer's and the agent's names, and both hold every string above, so these
 * are other hostile strings, none of them part of a name.
 */
const FREE_TEXT = [
  '<b onmouseover="window.__pwned=1">bold</b>',
  '<iframe srcdoc="&lt;script&gt;parent.__pwned=1&lt;/script&gt;"></iframe>',
  '<svg><animate onbegin=top.__pwned=1 attributeName=x dur=1s>',
  '<a href="JaVaScRiPt:top.__pwned=1">link</a>',
  '{{ 6 | times: 7 }}',
  'gnp\u202Eexe.txt',
] as const;
const FREE_MARKUP = FREE_TEXT.slice(0, 4);

const SUPPORT = 'essential.service.operations.support';
const EMAIL = 'dana.kowalski@example.org'; // the requester of the demo's ticket T-1001
const DISPLAY_NAME = ALL;
const CONTROLLER = `Shop ${ALL}`;
/** A recipient in the organisation's register (`CANDOR_RECIPIENTS`); its agreement must be an https:// URL. */
const RECIPIENT = {
  name: `Desk ${ALL}`,
  role: 'processor',
  purpose: `Hosts ${ALL}`,
  where: `In ${ALL}`,
  agreement: 'https://desk.example.com/dpa',
};
const PURPOSE_NAME = `purpose ${ALL}`;
const DESCRIPTION = `Rules ${ALL}`;
const VERSION_MESSAGE = `Shorter ${ALL}`;
const RELAY_TICKET = `T-relay ${ALL}`;
/** The helpdesk page's own ticket id, subject and customer message (the panel reads them). */
const PAGE_TICKET = `T ${ALL}`;
const SUBJECT = `Kettle ${ALL}`;
const CUSTOMER_TEXT = `My quokkaspring zephyrkettle blender is broken ${ALL}`;
const AGENT_NAME = `Zorbo Quell ${ALL}`;
const DEMO_REPLY = `Agent reply ${ALL}`;
const REASON = `too formal ${FREE_TEXT.join(' ')}`;
const EDIT = `Edited reply ${FREE_TEXT.join(' ')}`;
const GATE_TITLE = `Gate ${ALL}`;
const GATE_TEXT = `My zephyrkettle blender broke ${ALL}`;

const factText = (i: number) => `Blender zephyrkettle order ${i}: ${ALL}`;
const categoryKey = (i: number) => `user.behavior.purchase_history.h${i}`;
const categoryName = (i: number) => `cat${i} ${HOSTILE[i]}`;
const factSource = (i: number) => `src-f${i} ${HOSTILE[i]}`;
const valueKey = (i: number) => `key${i} ${HOSTILE[i]}`;
const valueValue = (i: number) => `value${i} ${HOSTILE[i]}`;
const consentSource = (i: number) => `src-k${i} ${HOSTILE[i]}`;
const importSystem = (i: number) => `sys${i} ${HOSTILE[i]}`;
const EACH = HOSTILE.map((_, i) => i);

/** The model answers the side panel's ticket (it mentions "quokkaspring") with markup, and fails everything else. */
const MODEL_QUOTE = `You wrote: "${ALL}" Thanks, let me look into it.`;
const MODEL_FACT = `I can see on your account ${ALL} [1] — is that the one you mean?`;

// ---- counting ------------------------------------------------------------------------------------

const figures = { pages: new Set<string>(), fields: new Set<string>(), checks: 0, failures: [] as string[] };

function check(page: string, ok: boolean, what: string) {
  figures.pages.add(page);
  figures.checks += 1;
  if (!ok) figures.failures.push(`${page}: ${what}`);
}

/** The field's value is on the page as these very characters. */
function shows(page: string, field: string, haystack: string, needle: string) {
  figures.fields.add(field);
  check(page, haystack.includes(needle), `${field} is not shown literally: ${JSON.stringify(needle)}`);
}

const failuresOf = (page: string) => figures.failures.filter((f) => f.startsWith(`${page}: `));

/** As the audit page shortens a payload value. */
const brief = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);

// ---- watching a page -----------------------------------------------------------------------------

interface Watched {
  name: string;
  /** The document scanned: a page, or a frame in one (the /demo preview). */
  page: Page | Frame;
  /** Its own scripts, as their `src` attributes. */
  scripts: string[];
  /** The ids of its own frames (the /demo page holds Candor's panel); any other frame is a finding. */
  ownFrames: string[];
  foreign: string[];
  consoleCsp: string[];
  errors: string[];
}

function watch(name: string, page: Page, origins: string[], scripts: string[], ownFrames: string[] = []): Watched {
  const w: Watched = { name, page, scripts, ownFrames, foreign: [], consoleCsp: [], errors: [] };
  const allowed = (url: string) => {
    const u = new URL(url);
    if (u.protocol === 'data:' || url === 'about:blank') return false;
    // `URL.origin` is "null" for chrome-extension: addresses, so build it.
    const origin = `${u.protocol.replace(/^ws/, 'http')}//${u.host}`;
    return origins.includes(origin);
  };
  page.on('request', (r) => void (allowed(r.url()) || w.foreign.push(r.url())));
  page.on('websocket', (ws) => void (allowed(ws.url()) || w.foreign.push(ws.url())));
  page.on('console', (m) => void (/Content Security Policy|Refused to/i.test(m.text()) && w.consoleCsp.push(m.text())));
  page.on('pageerror', (e) => w.errors.push(e.message));
  return w;
}

/** No script ran, no element came from data, no CSP violation so far. */
async function scan(w: Watched, when: string) {
  const found = await w.page.evaluate((ownFrames) => {
    const win = window as unknown as { __pwned?: unknown; __csp?: string[] };
    const handlers: string[] = [];
    const scriptUrls: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) handlers.push(`<${el.localName} ${a.name}>`);
        if (
          /^(href|src|action|formaction|xlink:href|data|srcdoc)$/i.test(a.name) &&
          /^\s*(javascript|data):/i.test(a.value)
        )
          scriptUrls.push(`<${el.localName} ${a.name}="${a.value}">`);
      }
    }
    return {
      pwned: win.__pwned,
      csp: win.__csp ?? null,
      images: [...document.querySelectorAll('img, image, picture, video, audio, source')].map((e) =>
        e.outerHTML.slice(0, 80),
      ),
      svg: [...document.querySelectorAll('svg, math')].map((e) => e.outerHTML.slice(0, 80)),
      frames: [
        ...document.querySelectorAll(
          'iframe, frame, object, embed, base, meta[http-equiv], form[action^="javascript"]',
        ),
      ]
        .filter((e) => !(e.localName === 'iframe' && ownFrames.includes(e.id)))
        .map((e) => e.outerHTML.slice(0, 80)),
      scripts: [...document.scripts].map((s) => s.getAttribute('src') ?? `inline: ${s.textContent?.slice(0, 60)}`),
      handlers,
      scriptUrls,
    };
  }, w.ownFrames);
  const at = `${when}:`;
  check(w.name, found.pwned === undefined, `${at} window.__pwned is ${String(found.pwned)}`);
  check(w.name, found.csp !== null && found.csp.length === 0, `${at} CSP violations ${JSON.stringify(found.csp)}`);
  check(w.name, found.images.length === 0, `${at} media elements ${JSON.stringify(found.images)}`);
  check(w.name, found.svg.length === 0, `${at} svg/math elements ${JSON.stringify(found.svg)}`);
  check(
    w.name,
    found.frames.length === 0,
    `${at} frames, objects, base or meta refresh ${JSON.stringify(found.frames)}`,
  );
  check(
    w.name,
    JSON.stringify(found.scripts) === JSON.stringify(w.scripts),
    `${at} scripts ${JSON.stringify(found.scripts)}, expected ${JSON.stringify(w.scripts)}`,
  );
  check(w.name, found.handlers.length === 0, `${at} event-handler attributes ${JSON.stringify(found.handlers)}`);
  check(w.name, found.scriptUrls.length === 0, `${at} javascript:/data: addresses ${JSON.stringify(found.scriptUrls)}`);
}

/** What the page's network and console said, over its whole life. */
function settle(w: Watched) {
  check(w.name, w.foreign.length === 0, `requests to other origins: ${JSON.stringify(w.foreign)}`);
  check(w.name, w.consoleCsp.length === 0, `CSP reports on the console: ${JSON.stringify(w.consoleCsp)}`);
  check(w.name, w.errors.length === 0, `page errors: ${JSON.stringify(w.errors)}`);
}

const textOf = (page: Page | Frame, selector = 'body') =>
  page
    .locator(selector)
    .first()
    .evaluate((e) => e.textContent ?? '');
const textsOf = (page: Page | Frame, selector: string) =>
  page.locator(selector).evaluateAll((es) => es.map((e) => e.textContent ?? ''));

// ---- the world -----------------------------------------------------------------------------------

let work: string;
let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
let s: TestServer;
let desk: Server;
let deskUrl: string;
let extDir: string;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
/** Set once everything started, so a failed start is not reported as 0 failures. */
let ready = false;
/** The portal link as it arrived in the demo outbox. */
let portalLink = '';

/** A helpdesk page in the /demo helpdesk's markup (the extension's demo adapter reads it), holding markup as text. */
const HELPDESK = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A helpdesk</title></head>
<body><main id="ticket-pane">
<article id="ticket" data-candor-ticket-id="${PAGE_TICKET}" data-requester-email="${EMAIL}">
  <h1 id="ticket-subject">${SUBJECT}</h1>
  <p><span id="ticket-requester-name">${ALL}</span></p>
  <ol id="messages"><li data-role="customer"><p class="message-text">${CUSTOMER_TEXT}</p></li></ol>
  <form id="reply-form"><textarea id="reply"></textarea></form>
</article>
</main></body></html>`.text;

function prepareFiles() {
  work = mkdtempSync(path.join(tmpdir(), 'candor-markup-'));
  const prompts = path.join(work, 'prompts');
  cpSync(path.join(ROOT, 'prompts'), prompts, { recursive: true });
  const system = path.join(prompts, 'model/system.liquid');
  writeFileSync(
    system,
    readFileSync(system, 'utf8').replace(/^description: .*$/m, `description: ${JSON.stringify(DESCRIPTION)}`),
  );

  const gate = path.join(work, 'gate');
  mkdirSync(gate);
  writeFileSync(
    path.join(gate, 'hostile-markup.json'),
    JSON.stringify({
      format: 'candor.session/v1',
      id: 'hostile-markup',
      title: GATE_TITLE,
      recordedAt: '2026-11-20T09:00:00Z',
      customer: { id: 'c_gate', displayName: DISPLAY_NAME },
      facts: [
        {
          id: 'g1',
          category: categoryKey(0),
          text: factText(0),
          value: { [valueKey(0)]: valueValue(0) },
          source: factSource(0),
          collectedAt: '2026-11-14T10:00:00Z',
        },
      ],
      consents: [
        {
          id: 'kg',
          purpose: SUPPORT,
          categories: [categoryKey(0)],
          status: 'granted',
          at: '2026-03-01T00:00:00Z',
          expiresAt: null,
          source: consentSource(0),
        },
      ],
      turns: [{ role: 'customer', text: GATE_TEXT }],
    }),
  );

  const taxonomy = path.join(work, 'taxonomy.json');
  writeFileSync(
    taxonomy,
    JSON.stringify({
      categories: EACH.map((i) => ({
        key: categoryKey(i),
        parent: 'user.behavior.purchase_history',
        name: categoryName(i),
      })),
      purposes: [{ key: 'functional.h', parent: 'functional', name: PURPOSE_NAME }],
    }),
  );
  return { prompts, gate, taxonomy };
}

async function ok(res: Promise<{ status: number; body: unknown }>) {
  const { status, body } = await res;
  if (status >= 300) throw new Error(`seeding failed: ${status} ${JSON.stringify(body)}`);
  return body as Record<string, unknown>;
}

/** Dana, whose every field holds markup: eight facts, each in its own category under its own imported consent. */
async function seed() {
  const { admin, agent, lead } = s.tokens;
  await ok(s.api('PUT', '/customers/c_dana', { displayName: DISPLAY_NAME, email: EMAIL }, admin));
  await ok(
    s.api(
      'POST',
      '/customers/c_dana/facts',
      {
        facts: EACH.map((i) => ({
          id: `f${i}`,
          category: categoryKey(i),
          text: factText(i),
          value: { [valueKey(i)]: valueValue(i) },
          source: factSource(i),
          collectedAt: '2026-11-14T10:00:00Z',
        })),
      },
      admin,
    ),
  );
  for (const i of EACH) {
    await ok(
      s.api(
        'POST',
        '/customers/c_dana/consents/import',
        {
          system: importSystem(i),
          consents: [
            {
              id: `k${i}`,
              purpose: SUPPORT,
              categories: [categoryKey(i)],
              status: 'granted',
              at: '2026-03-01T00:00:00Z',
              source: consentSource(i),
            },
          ],
        },
        admin,
      ),
    );
  }
  // A consent for a purpose the organisation named, which permits nothing for support.
  await ok(
    s.api(
      'POST',
      '/customers/c_dana/consents/import',
      {
        system: 'the test seed',
        consents: [
          {
            id: 'k_fun',
            purpose: 'functional.h',
            categories: ['user.behavior.purchase_history'],
            status: 'granted',
            at: '2026-03-01T00:00:00Z',
            source: 'signup',
          },
        ],
      },
      admin,
    ),
  );
  // An agent relays a grant the customer made in a ticket: the ticket id is the helpdesk's free text.
  await ok(
    s.api(
      'POST',
      '/customers/c_dana/consents',
      {
        consent: {
          id: 'k_agent',
          purpose: SUPPORT,
          categories: ['user.contact.email'],
          status: 'granted',
          source: 'chat',
        },
        ticketId: RELAY_TICKET,
        channel: 'chat',
      },
      agent,
    ),
  );
  // A lead publishes a version of the model's rules with a message.
  const live = await ok(s.api('GET', '/prompts/model.system', undefined, lead));
  await ok(
    s.api(
      'POST',
      '/prompts/model.system/versions',
      {
        source: `${String(live.source).trimEnd()}\nKeep every reply short.\n`,
        message: VERSION_MESSAGE,
        acceptDifferences: true,
      },
      lead,
    ),
  );
  await ok(s.api('PUT', '/settings/recording', { enabled: true }, lead));
}

beforeAll(async () => {
  const files = prepareFiles();
  fake = await startFakeOpenAI((req) =>
    userPrompt(req).includes('quokkaspring')
      ? {
          content: JSON.stringify({
            suggestions: [
              { text: MODEL_QUOTE, footnotes: [] },
              { text: MODEL_FACT, footnotes: [{ marker: 1, facts: ['F1'] }] },
            ],
          }),
        }
      : { status: 500 },
  );
  s = await startServer(
    {
      CANDOR_DEMO: 'true',
      CANDOR_PROMPTS_DIR: files.prompts,
      CANDOR_GATE_DIR: files.gate,
      CANDOR_TAXONOMY: files.taxonomy,
      CANDOR_CONTROLLER_NAME: CONTROLLER,
      CANDOR_RECIPIENTS: JSON.stringify([RECIPIENT]),
      CANDOR_MAIL_FROM: 'Candor demo shop <privacy@example.org>',
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: fake.url,
      CANDOR_MODEL: 'test-model',
      CANDOR_MODEL_RETRIES: '0',
    },
    { smtp: false }, // mail goes to the demo outbox
  );
  desk = createServer(
    (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HELPDESK),
  );
  await new Promise<void>((resolve) => desk.listen(0, '127.0.0.1', resolve));
  deskUrl = `http://127.0.0.1:${(desk.address() as AddressInfo).port}/ticket`;
  extDir = mkdtempSync(path.join(tmpdir(), 'candor-ext-'));
  await Promise.all([seed(), buildExtension(extDir)]);
  ({ context, worker, extensionId } = await launchWithExtension(extDir));
  // A fresh install opens Options by itself, in whatever tab comes next: let it, then close it.
  const options = `chrome-extension://${extensionId}/options.html`;
  for (const until = Date.now() + 10_000; !context.pages().some((p) => p.url() === options) && Date.now() < until; )
    await new Promise((r) => setTimeout(r, 50));
  await Promise.all(
    context
      .pages()
      .filter((p) => p.url() === options)
      .map((p) => p.close()),
  );
  // Every page reports CSP violations into `window.__csp` from its first moment.
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  ready = true;
}, 60_000);

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => (desk ? desk.close(resolve) : resolve(null)));
  await s?.close();
  await fake?.close();
  for (const dir of [work, extDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  if (!ready) figures.failures.push('setup: the server, pages or browser did not start');
  console.log(
    `markup: ${figures.pages.size} pages, ${figures.fields.size} fields, ` +
      `${HOSTILE.length + FREE_TEXT.length} hostile strings, ` +
      `${figures.checks} checks, ${figures.failures.length} failures`,
  );
});

// ---- the pages ------------------------------------------------------------------------------------

describe('markup in every rendered field, in Chromium', () => {
  it(
    'the /demo helpdesk and its Candor preview show the customer, facts, ' +
      'consents, Liquid-made suggestions and the agent’s reply as text',
    async () => {
      const name = 'the /demo helpdesk';
      const page = await context.newPage();
      const w = watch(name, page, [s.url], ['/demo/assets/desk.js'], ['candor-panel']);
      // The panel's socket: each time it opens the ticket, and each answer it gets.
      const socket = { opens: 0, answers: 0 };
      page.on('websocket', (ws) => {
        ws.on('framesent', (f) => void (String(f.payload).includes('"ticket:open"') && socket.opens++));
        ws.on('framereceived', () => void socket.answers++);
      });
      const frame = await demoPanel(page, s.url, s.tokens.agent);
      // The preview is the extension's panel in a frame: scanned as a document of its own.
      const p: Watched = { ...w, name: `${name}'s Candor preview`, page: frame, scripts: ['panel.js'], ownFrames: [] };
      await openBlenderTicket(page);
      // The model fails for this ticket: the offline engine phrases the suggestions with the Liquid templates.
      const fact = frame.locator('.suggestion', { hasText: 'you ordered Blender zephyrkettle' }).first();
      await fact.waitFor();
      await scan(w, 'with the ticket open');
      await scan(p, 'with the ticket open');

      const view = await textOf(frame, '#view');
      shows(p.name, 'customer display name', await textOf(frame, '#context-title'), DISPLAY_NAME);
      for (const i of EACH) {
        shows(p.name, 'fact text', view, factText(i));
        shows(p.name, 'consent source', view, ` · ${consentSource(i)}`);
        shows(p.name, 'category name', view, `allowed their ${categoryName(i)} to be used`);
      }
      // Liquid's `{{ fact.text }}` put the fact in as it is: the template strings in it were not run.
      const suggestions = await textsOf(frame, '.suggestion-text');
      shows(p.name, 'fact text', suggestions.join('\n'), `: ${ALL} [1] — is that the one you're writing about?`);
      await fact.getByRole('button', { name: 'Footnote 1' }).click();
      const footnotes = (await textsOf(frame, '.footnotes li')).join('\n');
      shows(p.name, 'fact text', footnotes, `[1] Blender zephyrkettle order `);
      const cited = EACH.filter((i) => footnotes.includes(`order ${i}: ${ALL} — from ${factSource(i)}.`));
      check(p.name, cited.length > 0, 'no footnote quotes a fact and its source as they are');
      for (const i of cited) shows(p.name, 'fact source', footnotes, `from ${factSource(i)}.`);
      await scan(p, 'with a footnote open');

      const [opens, answers] = [socket.opens, socket.answers];
      await page.fill('#reply', DEMO_REPLY);
      await page.click('#reply-form button[type=submit]');
      await page.locator('#messages .message-text', { hasText: 'Agent reply' }).waitFor();
      shows(name, 'agent reply in the helpdesk', await textOf(page, '#messages'), DEMO_REPLY);
      // Candor opens the longer conversation again, and shows what it answered.
      await expect.poll(() => socket.opens).toBeGreaterThan(opens);
      await expect.poll(() => socket.answers).toBeGreaterThan(answers);
      await frame.locator('.suggestion-text').first().waitFor();
      await scan(w, 'after the agent replied');
      await scan(p, 'after the agent replied');
      settle(w);
      await page.close();
      expect([...failuresOf(name), ...failuresOf(p.name)]).toEqual([]);
    },
  );

  it(
    'the side panel shows the helpdesk’s ticket, the customer’s data, the ' +
      'model’s markup and what the AI saw as text, and its options the ' +
      'agent’s name',
    async () => {
      const name = 'the side panel';
      const own = `chrome-extension://${extensionId}`;
      await worker.evaluate(
        ([serverUrl, token, agentName]) => chrome.storage.local.set({ serverUrl, token, agentName }),
        [s.url, s.tokens.agent, AGENT_NAME] as const,
      );
      const helpdesk = await context.newPage();
      await helpdesk.goto(deskUrl);
      const tab = await worker.evaluate(
        async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null,
        deskUrl,
      );
      const panel = await context.newPage();
      const w = watch(name, panel, [s.url, own], ['panel.js']);
      await panel.goto(`${own}/panel.html?tab=${tab}`);
      await panel.locator('#connection[data-state="connected"]').waitFor();
      const quote = panel.locator('.suggestion', { hasText: 'You wrote' });
      const fact = panel.locator('.suggestion', { hasText: 'I can see on your account' });
      await quote.waitFor();
      await fact.waitFor();
      await scan(w, 'with the ticket open');

      shows(name, 'ticket subject', await textOf(panel, '#page-state'), `Ticket: “${SUBJECT}”`);
      shows(name, 'customer display name', await textOf(panel, '#context-title'), DISPLAY_NAME);
      const facts = await textOf(panel, '.facts');
      for (const i of EACH) {
        shows(name, 'fact text', facts, factText(i));
        shows(name, 'consent source', facts, ` · ${consentSource(i)}`);
        shows(name, 'category name', facts, `allowed their ${categoryName(i)} to be used`);
      }
      shows(name, 'model suggestion text', await textOf(panel, '.suggestions'), MODEL_QUOTE);
      shows(name, 'model suggestion text', (await fact.locator('.suggestion-text').textContent())!, MODEL_FACT);

      await fact.getByRole('button', { name: 'Footnote 1' }).click();
      const footnote = (await fact.locator('.footnotes li').textContent())!;
      shows(name, 'fact text', footnote, `: ${ALL} — from src-f`);
      shows(name, 'fact source', footnote, ' — from src-f');
      check(
        name,
        EACH.some((i) => footnote.includes(`order ${i}: ${ALL} — from ${factSource(i)}.`)),
        'the footnote does not quote its fact and source as they are',
      );

      // What the AI saw: the masked prompt, exactly as kept.
      await fact.getByRole('button', { name: 'What the AI saw' }).click();
      await fact.locator('.ai-saw').waitFor();
      const [call] = (await s.api('GET', '/audit?kind=model.called&limit=1', undefined, s.tokens.lead)).body
        .entries as {
        seq: number;
      }[];
      const sent = (await s.api('GET', `/model-calls/${call!.seq}`, undefined, s.tokens.agent)).body as {
        messages: { content: string }[];
      };
      const saw = (await textsOf(panel, '.ai-saw pre')).join('\n');
      for (const m of sent.messages) shows(name, 'model prompt (masked conversation and facts)', saw, m.content);
      check(
        name,
        saw.includes('{{7*7}}') && saw.includes('{% raw %}'),
        'the prompt lost the template strings of the facts',
      );
      await scan(w, 'with a footnote and what the AI saw open');

      // The agent rates with a reason and inserts an edit: free text the lead reads later.
      await quote.getByRole('button', { name: 'Poor suggestion' }).click();
      await quote.getByRole('textbox', { name: /Reason for your rating/ }).fill(REASON);
      await quote.getByRole('button', { name: 'Save reason' }).click();
      await quote.getByRole('button', { name: 'Edit before insert' }).click();
      await quote.getByRole('textbox', { name: 'Edit the suggestion before inserting' }).fill(EDIT);
      await quote.getByRole('button', { name: 'Insert edited' }).click();
      await expect.poll(() => helpdesk.inputValue('#reply')).toBe(EDIT);

      // A withdrawal arrives as a notice that names the category.
      await ok(s.api('POST', '/customers/c_dana/consents/k7/withdraw', { channel: 'chat' }, s.tokens.agent));
      await panel.locator('.notice', { hasText: 'Customer withdrew consent' }).waitFor();
      shows(
        name,
        'category name',
        await textOf(panel, '#notices'),
        `Customer withdrew consent for ${categoryName(7)} at `,
      );
      await scan(w, 'after a withdrawal');
      settle(w);
      await panel.close();
      await helpdesk.close();

      const options = await context.newPage();
      const o = watch('the extension options', options, [s.url, own], ['options.js']);
      await options.goto(`${own}/options.html`);
      await expect.poll(() => options.inputValue('#agent-name')).toBe(AGENT_NAME);
      figures.fields.add('agent name');
      check(
        o.name,
        (await options.inputValue('#agent-name')) === AGENT_NAME,
        'the agent name is not in its field as it is',
      );
      await scan(o, 'with the settings shown');
      settle(o);
      await options.close();
      expect([...failuresOf(name), ...failuresOf(o.name)]).toEqual([]);
    },
  );

  it('the demo outbox shows the mail with the customer’s name and the controller’s as text', async () => {
    const name = 'the demo outbox';
    await ok(s.api('POST', '/customers/c_dana/portal-links', {}, s.tokens.agent));
    const page = await context.newPage();
    const w = watch(name, page, [s.url], []);
    await page.goto(`${s.url}/demo/outbox`);
    await scan(w, 'with a mail');
    const mail = (await textsOf(page, '.mail'))[0]!;
    shows(name, 'controller name', mail, `Your privacy page at ${CONTROLLER}`);
    shows(name, 'customer display name', mail, `Hello ${DISPLAY_NAME},`);
    check(name, (await page.locator('.mail a').count()) === 1, 'the mail should hold exactly one link, the portal’s');
    portalLink = (await page.locator('.mail a').first().getAttribute('href'))!;
    check(name, portalLink.startsWith(`${s.url}/portal/l/`), `the link goes elsewhere: ${portalLink}`);
    settle(w);
    await page.close();
    expect(failuresOf(name)).toEqual([]);
  });

  it(
    'the privacy portal shows every fact, value, source, category, ' +
      'purpose, consent source, import system and ticket as text',
    async () => {
      const name = 'the privacy portal';
      const page = await context.newPage();
      const w = watch(name, page, [s.url], []);
      await page.goto(portalLink);
      await page.locator('[data-fact="f0"]').waitFor();
      await scan(w, 'signed in');
      shows(name, 'controller name', await page.title(), CONTROLLER);
      shows(name, 'controller name', await textOf(page, 'h1'), `Your data at ${CONTROLLER}`);
      shows(name, 'customer display name', await textOf(page, '.lead'), `Hello ${DISPLAY_NAME}, this page`);
      for (const i of EACH) {
        const f = await textOf(page, `[data-fact="f${i}"]`);
        shows(name, 'category name', f, categoryName(i));
        shows(name, 'fact text', f, factText(i));
        shows(name, 'fact value key', f, `${valueKey(i)}: `);
        shows(name, 'fact value', f, `: ${valueValue(i)}`);
        shows(name, 'fact source', f, `From ${factSource(i)}, recorded`);
        if (i !== 7) shows(name, 'consent source', f, `(${consentSource(i)}).`); // k7 was withdrawn
        const k = await textOf(page, `[data-consent="k${i}"]`);
        shows(name, 'category name', k, `Use your ${categoryName(i)} to help you`);
        shows(name, 'consent source', k, `Given through: ${consentSource(i)}.`);
        shows(name, 'consent import system', k, `Brought over from ${importSystem(i)}.`);
      }
      shows(name, 'purpose name', await textOf(page, '[data-consent="k_fun"]'), `for "${PURPOSE_NAME}"`);
      shows(
        name,
        'ticket id',
        await textOf(page, '[data-consent="k_agent"]'),
        `from what you said in support ticket ${RELAY_TICKET}.`,
      );
      const recipients = await textOf(page, 'section[aria-labelledby="recipients-title"]');
      shows(name, 'controller name', recipients, `To help you with support, ${CONTROLLER} shares your data`);
      shows(name, 'recipient name', recipients, `Our agreement with ${RECIPIENT.name}`);
      shows(name, 'recipient purpose', recipients, RECIPIENT.purpose);
      shows(name, 'recipient place', recipients, RECIPIENT.where);
      shows(name, 'ticket id', recipients, `Ticket demo:${PAGE_TICKET}: the conversation`);
      const receipts = await textOf(page, '.receipts');
      for (const i of EACH)
        shows(
          name,
          'category name',
          receipts,
          `Use your ${categoryName(i)} to help you with support requests (granted)`,
        );

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Signed out' }).waitFor();
      await scan(w, 'signed out');
      settle(w);
      await page.close();
      expect(failuresOf(name)).toEqual([]);
    },
  );

  it(
    'the portal’s start page, its answer and its page for an ended visit ' + 'show the controller’s name as text',
    async () => {
      const name = 'the portal start page';
      const page = await context.newPage();
      const w = watch(name, page, [s.url], []);
      await page.goto(`${s.url}/portal/start`);
      await scan(w, 'asking for an address');
      shows(name, 'controller name', await page.title(), `Your privacy page · ${CONTROLLER}`);
      shows(name, 'controller name', await textOf(page, '.lead'), `See what ${CONTROLLER} holds about you`);
      await page.fill('#email', EMAIL);
      await page.getByRole('button', { name: 'E-mail me a link' }).click();
      await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
      await scan(w, 'after asking for a link');
      shows(name, 'controller name', await textOf(page, '.lead'), `If ${CONTROLLER} holds data about this address`);
      await page.goto(`${s.url}/portal`); // the visit ended at sign-out: the start page again, saying why
      await page.locator('.notice', { hasText: 'your visit has ended' }).waitFor();
      await scan(w, 'without a session');
      shows(name, 'controller name', await textOf(page, '.lead'), `See what ${CONTROLLER} holds about you`);
      settle(w);
      await page.close();
      expect(failuresOf(name)).toEqual([]);
    },
  );

  let lead: Page;

  it(
    'the template editor shows descriptions, version messages, agents’ ' +
      'reasons and a recorded session’s words as text',
    async () => {
      const name = 'the template editor';
      lead = await context.newPage();
      const w = watch(name, lead, [s.url], ['/admin/assets/prompts.js']);
      await lead.goto(`${s.url}/admin/prompts#model.system`);
      await lead.fill('#token', s.tokens.lead);
      await lead.getByRole('button', { name: 'Sign in' }).click();
      await lead.locator('#template-title', { hasText: 'model.system' }).waitFor();
      await lead.locator('#versions tr[data-version="2"]').waitFor();
      await lead.locator('#recording-list li').first().waitFor();
      await scan(w, 'with model.system open');

      figures.fields.add('template description');
      check(
        name,
        (await lead.locator('[data-template="model.system"]').getAttribute('title')) === DESCRIPTION,
        'the template’s description is not its title as it is',
      );
      shows(name, 'template version message', await textOf(lead, '#versions'), VERSION_MESSAGE);
      const { outcomes } = (await s.api('GET', '/outcomes', undefined, s.tokens.lead)).body as {
        outcomes: { reason: string | null; edit: { text: string } | null }[];
      };
      const reason = outcomes.find((x) => x.reason)?.reason ?? '';
      const edit = outcomes.find((x) => x.edit)?.edit?.text ?? '';
      for (const h of FREE_MARKUP) {
        check(name, reason.includes(h), `the rating reason was kept without ${h}: ${JSON.stringify(reason)}`);
        check(name, edit.includes(h), `the edit was kept without ${h}: ${JSON.stringify(edit)}`);
      }
      const outcomesText = await textOf(lead, '#outcomes');
      shows(name, 'rating reason (masked)', outcomesText, reason);
      for (const h of FREE_MARKUP) shows(name, 'rating reason (masked)', outcomesText, h);
      shows(name, 'recorded session title', await textOf(lead, '#session'), `${GATE_TITLE} (hostile-markup)`);

      await lead.selectOption('#session', 'hostile-markup');
      await lead.getByRole('button', { name: 'Preview' }).click();
      const turn = lead.locator('#preview-result .turn').first();
      await turn.waitFor();
      shows(
        name,
        'recorded session customer words',
        (await turn.locator('.customer').textContent())!,
        `“${GATE_TEXT}”`,
      );
      shows(
        name,
        'fact text',
        (await textsOf(lead, '#preview-result .suggestion')).join('\n'),
        `you ordered ${factText(0)} [1]`,
      );
      shows(
        name,
        'fact source',
        (await textsOf(lead, '#preview-result .footnote')).join('\n'),
        `${factText(0)} — from ${factSource(0)}.`,
      );
      // The prompt as the model would get it, masked: shown as the server made it.
      const source = (await s.api('GET', '/prompts/model.system', undefined, s.tokens.lead)).body.source as string;
      const preview = (
        await s.api('POST', '/prompts/model.system/preview', { source, sessionId: 'hostile-markup' }, s.tokens.lead)
      ).body as { turns: { modelPrompt: { system: string; user: string } }[] };
      const prompt = await textOf(lead, '#preview-result .prompt');
      shows(name, 'model prompt (masked conversation and facts)', prompt, preview.turns[0]!.modelPrompt.system);
      shows(name, 'model prompt (masked conversation and facts)', prompt, preview.turns[0]!.modelPrompt.user);
      await scan(w, 'with a preview');
      settle(w);
      expect(failuresOf(name)).toEqual([]);
    },
  );

  it('the audit log shows import systems, tickets and version messages from the payloads as text', async () => {
    const name = 'the audit log';
    const w = watch(name, lead, [s.url], ['/admin/assets/audit.js']);
    await lead.getByRole('navigation', { name: 'Team lead pages' }).getByRole('link', { name: 'Audit log' }).click();
    await lead.locator('#entries tbody tr').first().waitFor();
    await scan(w, 'with the newest entries');

    const show = async (kind: string) => {
      await lead.getByLabel('Kind').selectOption(kind);
      await lead.getByRole('button', { name: 'Show entries' }).click();
      await lead.locator(`#entries tbody tr[data-kind="${kind}"]`).first().waitFor();
      await lead.waitForFunction(
        (k) => [...document.querySelectorAll('#entries tbody tr')].every((r) => r.getAttribute('data-kind') === k),
        kind,
      );
      return {
        pairs: (await textsOf(lead, '#entries dd')).join('\n'),
        payloads: (await textsOf(lead, '#entries pre.payload')).join('\n'),
      };
    };
    const granted = await show('consent.granted');
    for (const i of EACH) {
      shows(name, 'consent import system', granted.pairs, importSystem(i));
      shows(name, 'consent import system', granted.payloads, JSON.stringify(importSystem(i)));
    }
    await scan(w, 'with consent grants');
    const viewed = await show('context.viewed');
    shows(name, 'ticket id', viewed.pairs, brief(`demo:${PAGE_TICKET}`));
    await scan(w, 'with context views');
    const published = await show('template.published');
    shows(name, 'template version message', published.pairs, brief(VERSION_MESSAGE));
    shows(name, 'template version message', published.payloads, JSON.stringify(VERSION_MESSAGE));
    await scan(w, 'with published templates');
    settle(w);
    await lead.close();
    expect(failuresOf(name)).toEqual([]);
  });
});
