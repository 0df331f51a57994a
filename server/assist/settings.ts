/** Builds the assist's settings — taxonomy, rules, templates — from the configuration, once at start. */
import type { Config } from '../config.js';
import { loadTaxonomyFile, checkPurpose } from '../taxonomy/taxonomy.js';
import { loadTemplates } from '../templates/templates.js';
import { phrasingFrom } from '../templates/phrasing.js';
import type { AssistSettings } from './assist.js';

export function loadAssistSettings(
  config: Config,
  promptsDir = config.CANDOR_PROMPTS_DIR,
  options: { model?: boolean } = {},
): AssistSettings {
  const taxonomy = loadTaxonomyFile(config.CANDOR_TAXONOMY);
  checkPurpose(taxonomy, config.CANDOR_PURPOSE, ['CANDOR_PURPOSE']);
  return {
    taxonomy,
    phrasing: phrasingFrom(loadTemplates(promptsDir, options)),
    limit: config.CANDOR_CONTEXT_LIMIT,
    rules: {
      purpose: config.CANDOR_PURPOSE,
      specialRoots: taxonomy.specialRoots,
      neverShownRoots: taxonomy.neverShownRoots,
    },
  };
}
