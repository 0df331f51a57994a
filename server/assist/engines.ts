/** Chooses the engine from the configuration: a model when an API key is set, the offline engine otherwise. */
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { offlineEngine, type Engine } from '../suggest/engine.js';
import { createOpenAIClient, modelEngine } from '../suggest/model/engine.js';
import type { AssistSettings } from './assist.js';

export type EngineName = Engine['name'];

export function engineFor(
  name: EngineName,
  config: Config,
  settings: AssistSettings,
  log: Logger,
  model = config.CANDOR_MODEL,
): Engine {
  if (name === 'offline') return offlineEngine(settings);
  if (!config.OPENAI_API_KEY)
    throw new Error('the openai engine needs OPENAI_API_KEY (any value for a local endpoint that does not check it)');
  const client = createOpenAIClient({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    timeoutMs: config.CANDOR_MODEL_TIMEOUT_MS,
    retries: config.CANDOR_MODEL_RETRIES,
  });
  return modelEngine(settings, { client, model, timeoutMs: config.CANDOR_MODEL_TIMEOUT_MS, log });
}

export const configuredEngine = (config: Config): EngineName => (config.OPENAI_API_KEY ? 'openai' : 'offline');
