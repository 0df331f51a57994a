/**
 * Each command's one-line usage, apart from the commands themselves: `candor --help` and a wrong call print them
 * without loading any command (commands.ts loads only the one that runs).
 */
export const REPLAY_USAGE =
  'usage: candor replay <file-or-folder>... [--json] [--engine offline|openai] [--model NAME] [--prompts DIR]';
export const AUDIT_USAGE = 'usage: candor audit verify   (reads DATABASE_URL, or CANDOR_DATA_DIR, default ./data)';
export const TOKENS_USAGE =
  'usage: candor tokens create --role agent|lead|admin|privacy --name NAME [--team TEAM] | candor tokens list';
export const MASK_USAGE =
  'usage: candor mask < lines.jsonl   (each line {"id": "...", "text": "...", "names"?: ["Customer Name", ...]})';
export const PROMPTS_USAGE =
  'usage: candor prompts check [DIR] [--model]   (DIR: default ' +
  'CANDOR_PROMPTS_DIR; --model: the model templates are required too)';
export const MIGRATE_USAGE =
  'usage: candor migrate-to-postgres   (from CANDOR_DATA_DIR to ' +
  'DATABASE_URL; stop the servers first; run again to resume)';
export const BREACH_USAGE =
  'usage: candor breach report (--token TOKEN_ID | --actor ACTOR) --from TIME [--until TIME] [--json]';
export const ENCRYPT_USAGE =
  'usage: candor encrypt [--batch N]   (CANDOR_DATA_DIR, or DATABASE_URL; stop the servers first; ' +
  'run again to resume)';
export const KEYS_USAGE = 'usage: candor keys rotate   (the master key in CANDOR_KEY_DIR; servers may keep running)';
export const RETENTION_USAGE =
  'usage: candor retention (show | run)   (reads DATABASE_URL, or CANDOR_DATA_DIR, and CANDOR_RETAIN_*_DAYS)';
export const ARTICLES_USAGE = 'usage: candor articles check DIR | candor articles import DIR';
export const REQUESTS_USAGE = 'usage: candor requests detect < lines.jsonl   (each line {"id": "...", "text": "..."})';
