/**
 * The floor under the socket figures: a bare socket.io server that acknowledges each event with its payload, nothing
 * else. Run as its own process (`PORT` from the environment), like the Candor server it is compared with.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
new Server(http, { transports: ['websocket'] }).of('/panel').on('connection', (s) => {
  s.on('ticket:open', (payload: unknown, ack: (a: unknown) => void) => ack({ ok: true, payload }));
  s.on('ticket:close', (_: unknown, ack: (a: unknown) => void) => ack({ ok: true, data: null }));
});
http.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
