import { describe, expect, it } from 'vitest';
import { checkDepth, MAX_DEPTH } from './depth.js';
import { AppError } from '../errors.js';

const nested = (depth: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};

describe('JSON depth', () => {
  it('when a value is nested to the limit, then it passes', () => {
    expect(() => checkDepth({ facts: [nested(MAX_DEPTH - 2)] })).not.toThrow();
  });

  it(
    'when a value is nested 3,000 deep, then a 400 names the path where it ' +
      'went too deep, without overflowing the stack',
    () => {
      let error: unknown;
      try {
        checkDepth({ facts: [{ value: nested(3000) }] });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).toJSON()).toMatchObject({
        code: 'too_deep',
        path: ['facts', 0, 'value', ...Array(MAX_DEPTH - 3).fill('a')],
      });
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).message).toMatch(/^facts\.0\.value\.a\.a\.…: nested deeper than 32 levels/);
    },
  );
});
