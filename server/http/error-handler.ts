/**
 * Turns every failure into `{ "error": { "code", "message", "path" } }`; unexpected ones are logged without customer
 * values and answered 500.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../log.js';
import { AppError } from '../errors.js';

export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    let e: AppError;
    const bodyError = err as { type?: string; status?: number; limit?: number; expose?: boolean };
    if (err instanceof AppError) e = err;
    else if (bodyError.type === 'entity.too.large')
      e = new AppError('payload_too_large', `the body is larger than the limit of ${bodyError.limit} bytes`, 413, [
        'body',
      ]);
    else if (bodyError.type === 'entity.parse.failed')
      e = new AppError('invalid_json', 'the body is not valid JSON', 400, ['body']);
    else if (bodyError.type === 'encoding.unsupported' || bodyError.type === 'charset.unsupported')
      e = new AppError('unsupported_encoding', 'send the body as UTF-8 JSON', 415, ['body']);
    else if (bodyError.type === 'parameters.too.many')
      e = new AppError('too_many_fields', 'body: the form has more fields than it takes', 413, ['body']);
    // The router could not decode a `:param` (a malformed %-escape); its message would quote the value.
    else if (err instanceof URIError && bodyError.status === 400)
      e = new AppError('invalid_url', 'params: a part of the address is not valid %-encoded UTF-8', 400, ['params']);
    // Any other error a body parser marks as the client's (a compressed body that does not decompress, a body cut
    // short).
    else if (bodyError.expose && bodyError.status && bodyError.status >= 400 && bodyError.status < 500)
      e = new AppError(
        'unreadable_body',
        'body: could not be read as sent (does its Content-Encoding match it?)',
        bodyError.status,
        ['body'],
      );
    else {
      log.error('unexpected error', {
        method: req.method,
        route: req.route?.path ?? req.path,
        error: (err as Error).name,
        stack: (err as Error).stack?.split('\n').slice(0, 4).join(' | '),
      });
      e = new AppError(
        'internal',
        'something went wrong on the server; the request changed nothing it could not finish',
        500,
      );
    }
    // Refused sign-ins and actions are security events: who, what, from where; never a value or a token.
    if (e.status === 401 || e.status === 403 || e.status === 429)
      log.warn('refused', {
        code: e.code,
        method: req.method,
        route: req.route?.path ?? req.path,
        caller: req.caller?.actor ?? null,
        client: req.ip,
      });
    res.status(e.status).json({ error: e.toJSON() });
  };
}

export function notFound(req: Request) {
  throw new AppError('not_found', `no route ${req.method} ${req.path}`, 404, ['url']);
}
