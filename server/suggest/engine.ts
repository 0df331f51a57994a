/**
 * An engine writes candidate suggestions for a context view; whatever it writes, the guard in
 * assist.ts checks each one before anyone sees it. Engines yield one whole suggestion at a time,
 * so a panel can show the first while the next is still being written.
 */
import type { Message } from '../protocol/domain.js';
import type { Suggestion } from '../protocol/assist.js';
import type { AssistContext } from '../context/view.js';
import { offlineSuggestions, type EngineDeps } from './offline.js';

/** What was sent to a model, exactly, masked: recorded before the call is made. */
export interface ModelCall {
  ticketId: string;
  /** The host the prompt goes to: who received the customer's (masked) text, for the portal's list of recipients. */
  endpoint: string;
  model: string;
  templates: { id: string; version: number }[];
  messages: { role: 'system' | 'user'; content: string }[];
  /** The facts the prompt carried (masked) and the consents they rest on: the consent snapshot. */
  factIds: string[];
  consentIds: string[];
  /** The public articles (at their version) whose passages the prompt carried. */
  articles?: { id: string; updated: string }[];
}

export interface EngineRequest {
  ticketId: string;
  conversation: readonly Message[];
  /** Names known from the ticket besides the customer's (the agent's): always masked. */
  names: readonly string[];
  /** Records a model call before it is made; answers the id suggestions point to ("what the AI saw"). */
  recordModelCall(call: ModelCall): Promise<number | null>;
}

/** The engine could not give an answer that may be used; the message is for the agent. */
export class EngineFailure extends Error {
  override name = 'EngineFailure';
}

export interface Engine {
  name: 'offline' | 'openai';
  /** The host a model engine sends prompts to; the offline engine sends nothing anywhere. */
  endpoint?: string;
  suggest(ctx: AssistContext, request: EngineRequest): AsyncIterable<Suggestion>;
}

export function offlineEngine(deps: EngineDeps): Engine {
  return {
    name: 'offline',
    async *suggest(ctx) {
      yield* offlineSuggestions(ctx.view, deps, ctx.articles);
    },
  };
}
