/**
 * Serves the helpdesk fixture pages (`test/fixtures/helpdesks/`) at `/helpdesks/…` on 127.0.0.1, port 0,
 * the helpdesks' own API answers the pages read (`/api/…`, e.g. Zendesk's ticket with its users), and,
 * when given, a folder of editor bundles built at test time at `/ckeditor5/…`; and the pages' broken copies
 * (`test/fixtures/lost/`) at `/lost/…`.
 */
import express from 'express';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const HELPDESKS = path.resolve(import.meta.dirname, '../fixtures/helpdesks');

export async function serveFixtures(
  options: { ckeditor5Dir?: string } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.use('/helpdesks', express.static(HELPDESKS));
  app.use('/api', express.static(path.join(HELPDESKS, 'api')));
  // Copies of those pages with one selector broken, as a helpdesk's redesign would break it.
  app.use('/lost', express.static(path.resolve(import.meta.dirname, '../fixtures/lost')));
  if (options.ckeditor5Dir) app.use('/ckeditor5', express.static(options.ckeditor5Dir));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      const closed = new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      server.closeAllConnections(); // a browser's keep-alive connection would hold close() open
      return closed;
    },
  };
}
