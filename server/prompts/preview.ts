/**
 * A draft template replayed against one recorded session, as the lead sees it before publishing:
 * per customer turn the facts shown and withheld, the suggestions the draft yields, and for the
 * model's templates the prompt exactly as the model engine would build it, masked. No model is
 * called: the suggestions come from the offline engine.
 */
import type { AssistSettings } from '../assist/assist.js';
import type { Footnote, Suggestion } from '../protocol/assist.js';
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
  suggestions: { text: string; footnotes: Footnote[]; template: Suggestion['template'] }[];
  modelPrompt?: { system: string; user: string };
}

/** What one engine call made: the template of each suggestion by its text, and the model prompt when asked for. */
interface Call {
  templates: Map<string, Suggestion['template']>;
  prompt?: { system: string; user: string };
}

/**
 * The offline engine, noting for each call (one a customer turn) which template made each
 * suggestion, since the replay reports only texts, and first, when asked, the masked prompt the
 * model engine would send.
 */
function noting(settings: AssistSettings, withModelPrompt: boolean, calls: Call[]): Engine {
  const offline = offlineEngine(settings);
  return {
    name: 'offline',
    async *suggest(ctx, request) {
      const call: Call = { templates: new Map() };
      calls.push(call);
      if (withModelPrompt) {
        const masker = createMasker({ names: [ctx.view.customer.displayName, ...request.names] });
        const [system, user] = buildPrompt(ctx, request.conversation, settings.phrasing, masker).messages;
        call.prompt = { system: system!.content, user: user!.content };
      }
      for await (const s of offline.suggest(ctx, request)) {
        call.templates.set(s.text, s.template);
        yield s;
      }
    },
  };
}

export async function previewSession(
  file: string,
  draft: AssistSettings,
  withModelPrompt: boolean,
): Promise<PreviewTurn[]> {
  const loaded = loadSession(file, draft.taxonomy);
  if (!loaded.ok) throw new Error(`${file} ${loaded.path}: ${loaded.message}`);
  const calls: Call[] = [];
  const report = await replaySession(loaded.session, file, draft, noting(draft, withModelPrompt, calls));
  return report.turns.map((t, i) => {
    const turn = loaded.session.turns[t.turn]!;
    const call = calls[i]!;
    return {
      turn: t.turn,
      customerText: turn.role === 'event' ? '' : turn.text,
      shown: t.context.shown.map((f) => ({ factId: f.factId, text: f.text, consentId: f.consentId })),
      withheld: t.context.withheld,
      suggestions: t.suggestions.map((s) => ({ ...s, template: call.templates.get(s.text)! })),
      ...(call.prompt ? { modelPrompt: call.prompt } : {}),
    };
  });
}
