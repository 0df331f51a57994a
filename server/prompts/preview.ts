/**
 * A draft template replayed against one recorded session, as the lead sees it before publishing:
 * per customer turn the facts shown and withheld, the suggestions the draft yields, and for the
 * model's templates the prompt exactly as the model engine would build it, masked. No model is
 * called: the suggestions come from the offline engine.
 */
import type { AssistSettings } from '../assist/assist.js';
import type { Footnote } from '../protocol/assist.js';
import { createMasker } from '../masking/index.js';
import { loadSession } from '../replay/files.js';
import { replaySession } from '../replay/replay.js';
import { offlineEngine, type Engine } from '../suggest/engine.js';
import { buildPrompt } from '../suggest/model/prompt.js';

export interface PreviewTurn {
  turn: number;
  customerText: string;
  shown: { factId: string; text: string; consentId: string }[];
  withheld: { category: string; reason: string; count: number }[];
  suggestions: { text: string; footnotes: Footnote[] }[];
  modelPrompt?: { system: string; user: string };
}

/** The offline engine, noting first for each call the masked prompt the model engine would send. */
function notingPrompts(settings: AssistSettings, prompts: { system: string; user: string }[]): Engine {
  const offline = offlineEngine(settings);
  return {
    name: 'offline',
    async *suggest(ctx, request) {
      const masker = createMasker({ names: [ctx.view.customer.displayName, ...request.names] });
      const [system, user] = buildPrompt(ctx, request.conversation, settings.phrasing, masker).messages;
      prompts.push({ system: system!.content, user: user!.content });
      yield* offline.suggest(ctx, request);
    },
  };
}

export async function previewSession(file: string, draft: AssistSettings, withModelPrompt: boolean): Promise<PreviewTurn[]> {
  const loaded = loadSession(file, draft.taxonomy);
  if (!loaded.ok) throw new Error(`${file} ${loaded.path}: ${loaded.message}`);
  const prompts: { system: string; user: string }[] = [];
  const engine = withModelPrompt ? notingPrompts(draft, prompts) : offlineEngine(draft);
  const report = await replaySession(loaded.session, file, draft, engine);
  return report.turns.map((t, i) => {
    const turn = loaded.session.turns[t.turn]!;
    return {
      turn: t.turn,
      customerText: turn.role === 'event' ? '' : turn.text,
      shown: t.context.shown.map((f) => ({ factId: f.factId, text: f.text, consentId: f.consentId })),
      withheld: t.context.withheld,
      suggestions: t.suggestions,
      ...(withModelPrompt && prompts[i] ? { modelPrompt: prompts[i] } : {}),
    };
  });
}
