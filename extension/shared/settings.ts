/**
 * The agent's settings, kept in `chrome.storage.local` (never `sync`: the token stays on this
 * machine). Parsed on every read, since storage may hold what an older version wrote.
 */
import { z } from 'zod';

export const DEFAULT_SERVER = 'http://127.0.0.1:4870';

export const Settings = z.strictObject({
  serverUrl: z.url({
    protocol: /^https?$/,
    message: 'expected an http:// or https:// address, e.g. http://127.0.0.1:4870',
  }),
  token: z.string().trim(),
  /** The agent's name as customers see it: masked, like the customer's, before any model call. */
  agentName: z.string().trim().max(200),
});
export type Settings = z.infer<typeof Settings>;

export async function loadSettings(): Promise<Settings> {
  const stored = await chrome.storage.local.get(['serverUrl', 'token', 'agentName']);
  const parsed = Settings.safeParse({
    serverUrl: stored.serverUrl ?? DEFAULT_SERVER,
    token: stored.token ?? '',
    agentName: stored.agentName ?? '',
  });
  return parsed.success ? parsed.data : { serverUrl: DEFAULT_SERVER, token: '', agentName: '' };
}

export async function saveSettings(s: Settings): Promise<void> {
  await chrome.storage.local.set(s);
}

/** The match pattern that grants access to a server: its origin, any path. */
export const originPattern = (url: string) => `${new URL(url).origin}/*`;
