/** Debian's Chromium, headless, driven by playwright-core; never a downloaded browser. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { buildExtension } from '../../scripts/build.mjs';

export const CHROMIUM = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling out, which this network refuses.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/**
 * Chromium with an unpacked extension loaded (new headless mode runs extensions); answers its
 * service worker too. `args` adds switches (e.g. `--host-resolver-rules` for a named test host); `lang` runs
 * the browser in that language (its UI language, which chrome.i18n follows, and the pages' navigator.language).
 */
export async function launchWithExtension(
  extensionDir: string,
  args: string[] = [],
  lang?: string,
): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  const language = lang ? { locale: lang, env: { ...process.env, LANGUAGE: lang } } : {};
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 860 },
    ...language,
    args: [
      ...ARGS,
      ...args,
      ...(lang ? [`--lang=${lang}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, extensionId: new URL(worker.url()).host };
}

/**
 * The extension, built into a temporary folder, loaded in Chromium and signed in to `server` as `token`
 * (the agent's, unless given): what every test of the panel beside a helpdesk starts from. `close()` ends
 * the browser and removes the build.
 */
export async function extensionSignedIn(
  server: { url: string; tokens: { agent: string } },
  token = server.tokens.agent,
): Promise<{ context: BrowserContext; worker: Worker; extensionId: string; close(): Promise<void> }> {
  const dir = await buildExtension(mkdtempSync(path.join(tmpdir(), 'candor-ext-')));
  const launched = await launchWithExtension(dir);
  await launched.worker.evaluate(([serverUrl, token]) => chrome.storage.local.set({ serverUrl, token }), [
    server.url,
    token,
  ] as const);
  return {
    ...launched,
    async close() {
      await launched.context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the /demo helpdesk in `page` and connects its Candor preview (the extension's panel, in a frame) with
 * `token`: the panel's frame, connected.
 */
export async function demoPanel(page: Page, serverUrl: string, token: string): Promise<Frame> {
  await page.goto(`${serverUrl}/demo`);
  const frame = await (await page.waitForSelector('#candor-panel')).contentFrame();
  if (!frame) throw new Error('the /demo page has no Candor panel frame');
  await frame.locator('#demo-token').fill(token);
  await frame.getByRole('button', { name: 'Connect' }).click();
  await frame.locator('#connection[data-state="connected"]').waitFor();
  return frame;
}

/**
 * Opens Dana's "Blender stopped working" ticket (T-1001) in the /demo desk and waits until the desk shows it: the desk
 * opens its newest ticket by itself on load, and a test that read the page before the click took effect would read
 * that one.
 */
export async function openBlenderTicket(desk: Page): Promise<void> {
  await desk.getByRole('button', { name: /Blender stopped working/ }).click();
  await desk.locator('article#ticket[data-candor-ticket-id="T-1001"]').waitFor();
}
