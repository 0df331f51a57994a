/**
 * Serves the helpdesk fixture pages (`test/fixtures/helpdesks/`) at `/helpdesks/…`, and their broken copies
 * (`test/fixtures/lost/`) at `/lost/…`, on 127.0.0.1, port 0.
 */
import express from 'express';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export async function serveFixtures(): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.use('/helpdesks', express.static(path.resolve(import.meta.dirname, '../fixtures/helpdesks')));
  // Copies of those pages with one selector broken, as a helpdesk's redesign would break it.
  app.use('/lost', express.static(path.resolve(import.meta.dirname, '../fixtures/lost')));
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
