/**
 * `reply:check` and `reply:flag`: the agent's own reply checked before they send it, and what they did with each
 * flag. A check could be used to test guesses at a withheld value, so only a whole value counts (coach/check.ts),
 * checks are capped per token and customer (a panel names its own ticket ids, so a cap per ticket would restart
 * with every made-up id), and each is audited as counts.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { FlagOutcome, ReplyCheckRequest, type ReplyCheck } from '../protocol/coach.js';
import { AppError, parseInput } from '../errors.js';
import { currentContext, type AssistDeps } from '../assist/service.js';
import { checkReply, countByKind } from '../coach/check.js';
import { actorOf, handle, type PanelSocket } from './handle.js';

/** More than an agent needs to check one reply while writing it; few enough that guessing gets nowhere. */
export const REPLY_CHECKS = { points: 30, seconds: 60 * 60 };

export function coachHandlers(deps: AssistDeps) {
  const limiter = new RateLimiterMemory({ points: REPLY_CHECKS.points, duration: REPLY_CHECKS.seconds });
  return (socket: PanelSocket) => {
    socket.on(
      'reply:check',
      handle(deps.log, socket, 'reply:check', async (payload): Promise<ReplyCheck> => {
        const { ticketId, text } = parseInput(ReplyCheckRequest, payload);
        const ticket = socket.data.tickets.get(ticketId);
        if (!ticket)
          throw new AppError('ticket_not_open', 'a reply is checked for a ticket open in this panel', 404, [
            'ticketId',
          ]);
        let checksLeft: number;
        try {
          checksLeft = (await limiter.consume(`${socket.data.tokenId}\u0000${ticket.customerId}`)).remainingPoints;
        } catch {
          throw new AppError(
            'too_many_checks',
            `at most ${REPLY_CHECKS.points} reply checks per ticket per hour (one customer's tickets share them); ` +
              'check again later, or read the reply yourself against the facts shown',
            429,
            ['ticketId'],
          );
        }
        const ctx = await currentContext(deps, { ticketId, ...ticket });
        const { sentences, flags } = checkReply(text, ctx);
        const counts = countByKind(flags);
        await deps.store.coach.recordCheck(socket.data.tokenId, counts, {
          kind: 'reply.checked',
          actor: actorOf(socket),
          customerId: ticket.customerId,
          payload: { sentences, flags: counts },
        });
        for (const f of flags) socket.data.flags.set(f.id, { ticketId, kind: f.kind });
        return { ticketId, sentences, flags, checksLeft };
      }),
    );

    socket.on(
      'reply:flag',
      handle(deps.log, socket, 'reply:flag', async (payload) => {
        const outcome = parseInput(FlagOutcome, payload);
        const flag = socket.data.flags.get(outcome.flagId);
        if (!flag || flag.ticketId !== outcome.ticketId)
          throw new AppError(
            'flag_not_found',
            `no open flag "${outcome.flagId}" was given to this panel on ticket "${outcome.ticketId}"`,
            404,
            ['flagId'],
          );
        socket.data.flags.delete(outcome.flagId); // each flag is followed or ignored once
        await deps.store.coach.recordOutcome(socket.data.tokenId, flag.kind, outcome.action);
        return null;
      }),
    );
  };
}
