/**
 * The `/panel` namespace. A panel authenticates with its bearer token at connect, opens tickets,
 * and from then on is pushed a new view whenever the customer's consents, flags or facts change.
 * Middleware runs only at connect, so revocation and consent changes reach open sockets by push
 * or disconnect. Each domain registers its own events.
 */
import { PANEL_NAMESPACE } from '../protocol/events.js';
import { tooManyFailures, type AttemptLimit } from '../permissions/attempts.js';
import { whoMay } from '../permissions/table.js';
import type { AssistDeps } from '../assist/service.js';
import type { Recorder } from '../recorder/recorder.js';
import { tokenRoom, type PanelServer } from './handle.js';
import { registerTicketHandlers } from './tickets.js';
import { registerOutcomeHandlers } from './outcomes.js';
import { registerLinkHandlers, type PanelLinks } from './portal-links.js';
import { registerNotesHandlers } from './notes.js';
import { createPush } from './push.js';
import { adapterMissHandlers } from './adapter-misses.js';
import { coachHandlers } from './coach.js';
import type { DeadlineRule } from '../protocol/requests.js';
import { registerRequestHandlers, type PanelRequestDeps } from './requests.js';

export type { PanelServer } from './handle.js';

export function attachPanels(
  io: PanelServer,
  deps: AssistDeps,
  recorder: Recorder,
  links: PanelLinks,
  failures: AttemptLimit,
  requestRule: DeadlineRule,
  optOut: PanelRequestDeps['optOut'],
) {
  const nsp = io.of(PANEL_NAMESPACE);
  const push = createPush(nsp, deps, recorder);
  const registerAdapterMissHandlers = adapterMissHandlers(deps.store, deps.log);
  const registerCoachHandlers = coachHandlers(deps);

  nsp.use(async (socket, next) => {
    const client = socket.handshake.address;
    const refuse = (body: { code: string; message: string } & Record<string, unknown>) => {
      deps.log.warn('refused', { code: body.code, event: 'connect', caller: null, client });
      next(Object.assign(new Error(body.code), { data: body }));
    };
    // Wrong tokens count against the client's address, as over REST: past the limit it is refused before any lookup.
    const blocked = await failures.blockedFor(client);
    if (blocked) return refuse(tooManyFailures(blocked).toJSON());
    const token: unknown = socket.handshake.auth?.token;
    const record = typeof token === 'string' ? await deps.store.tokens.authenticate(token).catch(() => null) : null;
    if (!record) {
      if (typeof token === 'string') await failures.count(client);
      return refuse({
        code: 'unauthorized',
        message: typeof token === 'string' ? 'invalid or revoked token' : 'missing token (auth: { token })',
      });
    }
    const { role } = record;
    // The panel is for whoever works tickets: a privacy officer's token opens none.
    if (role === 'privacy') return refuse({ code: 'forbidden', message: `the panel needs ${whoMay('assist.use')}` });
    socket.data = { tokenId: record.id, role, tickets: new Map(), shown: new Map(), flags: new Map() };
    void socket.join(tokenRoom(record.id));
    next();
  });

  nsp.on('connection', (socket) => {
    registerTicketHandlers(socket, deps, recorder, push.changesOf, requestRule);
    registerOutcomeHandlers(socket, deps);
    registerLinkHandlers(socket, deps.log, links);
    registerRequestHandlers(socket, { store: deps.store, log: deps.log, optOut });
    registerNotesHandlers(socket, deps, links);
    registerAdapterMissHandlers(socket);
    registerCoachHandlers(socket);
  });

  return {
    notify: push.notify,
    notifyAll: push.notifyAll,
    disconnectToken(tokenId: string) {
      nsp.in(tokenRoom(tokenId)).disconnectSockets(true);
    },
  };
}
