/**
 * Structured log lines on stderr. Callers pass ids, counts and reasons — never a customer's
 * values, a token or a prompt's text — and `redact` keeps a bearer token out even by accident.
 * Nor a ticket id: erasure removes it everywhere else, and a log line cannot be erased; the
 * customer id or the model call's audit entry (`modelCall`) says which one it was.
 */
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const redact = (s: string) => s.replace(/cnd_[A-Za-z0-9_-]{8,}/g, 'cnd_…');

export function createLogger(
  level: Level | 'silent' = 'info',
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const at =
    (lvl: Level) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[lvl] < ORDER[level]) return;
      write(redact(JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...fields })));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
