/** Serves the helpdesk fixture pages (`test/fixtures/helpdesks/`) on 127.0.0.1, port 0. */
import express from 'express';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export async function serveFixtures(): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.use('/helpdesks', express.static(path.resolve(import.meta.dirname, '../fixtures/helpdesks')));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
