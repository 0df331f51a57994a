/**
 * Where this server is reached, from configuration alone: the base of portal links and receipts,
 * and the browser origins allowed to open a socket. Never the request's Host header, which anyone
 * can set (a DNS-rebinding page would name itself). The extension's origin is derived from the
 * `key` in the top-level `manifest.json`: that key pins the extension's id for unpacked installs,
 * so the panel of this checkout is allowed without configuration.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { ROOT } from '../config.js';

/** Chrome's extension id: the first 128 bits of SHA-256 of the public key, as letters a–p. */
export function extensionIdOf(publicKeyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export function candorExtensionOrigin(manifestPath = path.join(ROOT, 'manifest.json')): string {
  const { key } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { key: string };
  return `chrome-extension://${extensionIdOf(key)}`;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * This server's own origins: the public URL when configured, else its listening address (every
 * loopback spelling when it listens on loopback or all interfaces). `port` is read when asked,
 * since a test server listens on port 0.
 */
export function ownOrigins(publicUrl: string | undefined, host: string, port: () => number): () => string[] {
  if (publicUrl) {
    const origin = new URL(publicUrl).origin;
    return () => [origin];
  }
  const hosts = ['127.0.0.1', 'localhost', '::1', '0.0.0.0', '::'].includes(host)
    ? LOOPBACK
    : [host.includes(':') ? `[${host}]` : host];
  return () => hosts.map((h) => `http://${h}:${port()}`);
}

/** The base of links customers are sent: the configured public URL, else this server's first own origin. */
export const publicBase = (publicUrl: string | undefined, own: () => string[]) => () =>
  (publicUrl ?? own()[0]!).replace(/\/+$/, '');

/** A browser may connect only from this server's own origins, the extension, or a configured one. */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser page: the token still decides
  return allowed.includes(origin);
}
