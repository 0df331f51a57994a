/**
 * JSON bodies for the REST API: a body that is not JSON is refused (415) rather than silently
 * read as empty, which would apply defaults the sender never chose; parsed bodies are bounded in
 * size (413) and depth (400).
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { checkDepth } from '../protocol/depth.js';
import { AppError } from '../errors.js';

const hasBody = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

export function jsonBodies(limit: number) {
  return [
    (req: Request, _res: Response, next: NextFunction) => {
      if (hasBody(req) && !req.is('application/json')) {
        const sent = (req.get('content-type') ?? 'no Content-Type').slice(0, 100);
        throw new AppError(
          'unsupported_media_type',
          `send the body as JSON with Content-Type: application/json (this one came as ${sent})`,
          415,
          ['headers', 'content-type'],
        );
      }
      next();
    },
    express.json({ limit, strict: true }),
    (req: Request, _res: Response, next: NextFunction) => {
      checkDepth(req.body);
      next();
    },
  ];
}
