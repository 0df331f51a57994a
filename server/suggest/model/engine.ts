/**
 * The model engine: any OpenAI-compatible endpoint through the official SDK. The model sees only
 * the permitted facts, masked; it answers in a zod-defined structure, streamed, and each whole
 * suggestion is converted (re-hydrated, repaired when safe) and handed on to the guard as soon as
 * it is complete. Failures become an EngineFailure whose message the agent reads.
 */
import OpenAI from 'openai';
import { ContentFilterFinishReasonError, LengthFinishReasonError } from 'openai/core/error';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { Logger } from '../../log.js';
import { createMasker } from '../../masking/masker.js';
import type { EngineDeps } from '../offline.js';
import { EngineFailure, type Engine } from '../engine.js';
import { channel } from './channel.js';
import { buildPrompt } from './prompt.js';
import { ModelAnswer, ModelSuggestion, toSuggestion } from './answer.js';

/** The answer's JSON schema, converted from zod once: converting it took about half a millisecond a request. */
const RESPONSE_FORMAT = zodResponseFormat(ModelAnswer, 'suggestions');

export interface ModelEngineOptions {
  client: OpenAI;
  model: string;
  timeoutMs: number;
  log: Logger;
}

export function createOpenAIClient(o: {
  apiKey: string;
  baseURL?: string | undefined;
  timeoutMs: number;
  retries: number;
}) {
  // The SDK retries 408/409/429/5xx and dropped connections with exponential backoff.
  return new OpenAI({ apiKey: o.apiKey, baseURL: o.baseURL, timeout: o.timeoutMs, maxRetries: o.retries });
}

/** Says in plain words why the model's answer is not shown. */
export function explain(e: unknown, o: { timeoutMs: number; retries?: number }): string {
  const tail = 'Showing offline suggestions instead.';
  if (e instanceof OpenAI.APIConnectionTimeoutError)
    return `The model did not answer within ${Math.round(o.timeoutMs / 1000)} s. ${tail}`;
  if (e instanceof OpenAI.RateLimitError) return `The model endpoint is rate-limiting requests (429). ${tail}`;
  if (e instanceof OpenAI.AuthenticationError) return `The model endpoint refused the API key (401). ${tail}`;
  if (e instanceof OpenAI.APIConnectionError) return `The model endpoint could not be reached. ${tail}`;
  if (e instanceof OpenAI.APIError)
    return `The model endpoint answered with an error (${e.status ?? 'no status'}). ${tail}`;
  if (e instanceof LengthFinishReasonError) return `The model's answer was cut off before it was complete. ${tail}`;
  if (e instanceof ContentFilterFinishReasonError)
    return `The model's answer was stopped by its content filter. ${tail}`;
  return `The model's answer was not in the expected format, so it was withheld. ${tail}`;
}

export function modelEngine(deps: EngineDeps, o: ModelEngineOptions): Engine {
  const endpoint = new URL(o.client.baseURL).host;
  return {
    name: 'openai',
    endpoint,
    async *suggest(ctx, request) {
      const masker = createMasker({ names: [ctx.view.customer.displayName, ...request.names] });
      const prompt = buildPrompt(ctx, request.conversation, deps.phrasing, masker);
      const { system, user } = prompt.templates;
      const modelCall = await request.recordModelCall({
        ticketId: request.ticketId,
        endpoint,
        model: o.model,
        templates: [system, user].map((t) => ({ id: t.id, version: t.version })),
        messages: prompt.messages,
        factIds: ctx.view.shown.map((f) => f.factId),
        consentIds: [...new Set(ctx.view.shown.map((f) => f.consentId))],
        articles: [...prompt.articleRefs.values()].map((m) => ({ id: m.article.id, updated: m.article.updated })),
      });
      const template = { id: system.id, version: system.version };
      const out = channel<ModelSuggestion>();
      let handed = 0;
      const handOn = (items: unknown) => {
        if (!Array.isArray(items)) return;
        // While streaming, an item is complete once the next one has begun.
        for (; handed < items.length - 1; handed += 1) out.push(items[handed]);
      };
      const stream = o.client.chat.completions.stream({
        model: o.model,
        messages: prompt.messages,
        response_format: RESPONSE_FORMAT,
        ...(system.model?.temperature !== undefined ? { temperature: system.model.temperature } : {}),
        ...(system.model?.maxTokens !== undefined ? { max_tokens: system.model.maxTokens } : {}),
      });
      stream.on('content.delta', ({ parsed }) => handOn((parsed as { suggestions?: unknown } | null)?.suggestions));
      stream
        .finalChatCompletion()
        .then((completion) => {
          const parsed = completion.choices[0]?.message.parsed;
          if (!parsed) throw new Error('no parsed answer');
          for (; handed < parsed.suggestions.length; handed += 1) out.push(parsed.suggestions[handed]!);
          out.end();
        })
        .catch((e: unknown) => out.fail(e));

      let usable = 0;
      try {
        for await (const item of out.drain()) {
          const raw = ModelSuggestion.safeParse(item);
          if (!raw.success) continue; // a malformed item is dropped; the final parse judges the whole answer
          const converted = toSuggestion({
            raw: raw.data,
            refs: prompt.refs,
            articleRefs: prompt.articleRefs,
            view: ctx.view,
            masker,
            deps,
            template,
            modelCall,
          });
          if (!converted.ok) {
            o.log.warn('model suggestion dropped', { modelCall, reason: converted.reason });
            continue;
          }
          if (converted.repairs.length)
            o.log.info('model suggestion repaired', { modelCall, repairs: converted.repairs });
          usable += 1;
          yield converted.suggestion;
          if (usable >= 3) break;
        }
      } catch (e) {
        stream.abort();
        o.log.warn('model call failed', {
          modelCall,
          error: (e as Error).name,
          status: (e as { status?: number }).status,
        });
        throw new EngineFailure(explain(e, o));
      }
    },
  };
}
