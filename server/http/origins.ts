/**
 * Which browser origins may open a socket. The extension's origin is derived from the `key` in
 * the top-level `manifest.json`: that key pins the extension's id for unpacked installs, so the
 * panel of this checkout is allowed without configuration.
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

/** A browser may connect only from this server's own pages or an allowed origin. */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser page: the token still decides
  return origin === `http://${req.headers.host}` || origin === `https://${req.headers.host}` || allowed.includes(origin);
}
