/**
 * Pushing a customer's change to the panels showing them. Changes to one customer are pushed in
 * order (a later notice never overtakes an earlier one), each view recorded in the audit log
 * before anyone sees it, and counted, so a model answer begun before a change is checked again.
 */
import type { Namespace } from 'socket.io';
import type { AssistView } from '../protocol/assist.js';
import type { Notice } from '../protocol/events.js';
import type { AuditDraft } from '../audit/chain.js';
import { refreshOf, refreshTicket, type AssistDeps } from '../assist/service.js';
import type { Recorder } from '../recorder/recorder.js';
import { actorOf, customerRoom, type PanelSocket } from './handle.js';
import { noteShown } from './tickets.js';

export function createPush(nsp: Namespace, deps: AssistDeps, recorder: Recorder) {
  const queues = new Map<string, Promise<void>>();
  /** How many changes each customer has had since start. */
  const changes = new Map<string, number>();

  async function push(customerId: string, notice: Notice) {
    // This server's own panels only: with several servers each updates its own, told by the others
    // (realtime/cluster.ts).
    const sockets = (await nsp.local.in(customerRoom(customerId)).fetchSockets()) as unknown as PanelSocket[];
    if (sockets.length === 0) return;
    const snap = await deps.store.customers.snapshot(customerId);
    if (!snap) return;
    const refresh = refreshOf(deps, snap);
    const out: { socket: PanelSocket; view: AssistView }[] = [];
    const audit: AuditDraft[] = [];
    for (const socket of sockets) {
      for (const [ticketId, t] of socket.data.tickets) {
        if (t.customerId !== customerId) continue;
        const built = await refreshTicket(deps, refresh, { ticketId, ...t }, t.last, actorOf(socket));
        socket.data.tickets.set(ticketId, { ...t, last: built.view });
        noteShown(socket, customerId, built.view);
        out.push({ socket, view: built.view });
        audit.push(...built.audit);
      }
    }
    await deps.store.audit.append(audit);
    for (const { socket, view } of out) socket.emit('assist:updated', { view, notice });
  }

  function notify(customerId: string, notice: Notice): Promise<void> {
    // Every server hears of an erasure here (its own, or another's through realtime/cluster.ts): the customer's
    // data key, destroyed in the key store, must not live on in this server's memory either.
    if (notice.kind === 'customer.erased') deps.store.keys.forget(customerId);
    changes.set(customerId, (changes.get(customerId) ?? 0) + 1);
    const next = (queues.get(customerId) ?? Promise.resolve())
      .then(() => push(customerId, notice))
      .catch((e: Error) => {
        deps.log.error('push to panels failed', { customerId, error: e.name });
      })
      .then(() => recorder.changed(customerId)); // in the same order as the pushes; it never rejects
    queues.set(customerId, next);
    void next.finally(() => queues.get(customerId) === next && queues.delete(customerId));
    return next;
  }

  return {
    changesOf: (customerId: string) => changes.get(customerId) ?? 0,
    notify,
    /**
     * The help centre changed: every ticket open on this server is searched again, through each customer's queue, so
     * the articles a panel lists and the suggestions citing them follow at once.
     */
    async notifyAll(notice: Notice): Promise<void> {
      const sockets = (await nsp.local.fetchSockets()) as unknown as PanelSocket[];
      const customers = new Set(sockets.flatMap((s) => [...s.data.tickets.values()].map((t) => t.customerId)));
      await Promise.all([...customers].map((id) => notify(id, notice)));
    },
  };
}
