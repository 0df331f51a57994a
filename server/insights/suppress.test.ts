import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressRow, type Tally } from './suppress.js';

/** A consistent row: each cell's customers at most its events; the total's between the largest cell's and the sum. */
const row = fc
  .array(
    fc
      .nat({ max: 12 })
      .chain((count) => fc.integer({ min: count ? 1 : 0, max: count }).map((people) => ({ count, people }))),
    { minLength: 1, maxLength: 14 },
  )
  .chain((cells) => {
    const sum = (f: (t: Tally) => number) => cells.reduce((n, t) => n + f(t), 0);
    const lowest = Math.max(0, ...cells.map((t) => t.people));
    return fc
      .integer({ min: lowest, max: sum((t) => t.people) })
      .map((people) => ({ cells, total: { count: sum((t) => t.count), people } }));
  });

describe('small-cell suppression', () => {
  it(
    'for random counts, no published figure lies in [1, k-1], published figures are the counts, and no suppressed ' +
      'cell is the row total minus the published others',
    () => {
      fc.assert(
        fc.property(row, fc.integer({ min: 2, max: 10 }), (input, k) => {
          const out = suppressRow(input, k);
          const figures = [...out.cells, out.total];
          for (const [i, c] of figures.entries()) {
            if (c.suppressed) continue;
            expect(c.value === 0 || c.value >= k).toBe(true);
            expect(c.value).toBe([...input.cells, input.total][i]!.count);
          }
          // A row is one sum: a single unknown in it is derivable; none or two or more are not.
          expect(figures.filter((c) => c.suppressed).length).not.toBe(1);
          if (!out.total.suppressed) {
            const hidden = out.cells.flatMap((c, i) => (c.suppressed ? [i] : []));
            const shown = out.cells.reduce((n, c) => n + (c.value ?? 0), 0);
            if (hidden.length === 1) expect(out.total.value! - shown).not.toBe(input.cells[hidden[0]!]!.count);
          }
        }),
        { numRuns: 2000 },
      );
    },
  );

  it('when one cell is small among large ones, then the smallest other is hidden with it and the total stays', () => {
    const out = suppressRow(
      {
        cells: [
          { count: 3, people: 3 },
          { count: 40, people: 30 },
          { count: 9, people: 7 },
        ],
        total: { count: 52, people: 38 },
      },
      5,
    );
    expect(out).toEqual({
      cells: [{ value: null, suppressed: true }, { value: 40 }, { value: null, suppressed: true }],
      total: { value: 52 },
    });
  });

  it('when a row has one small cell and nothing else, then its total is hidden too', () => {
    const out = suppressRow(
      {
        cells: [
          { count: 0, people: 0 },
          { count: 2, people: 1 },
        ],
        total: { count: 2, people: 1 },
      },
      5,
    );
    expect(out).toEqual({
      cells: [{ value: 0 }, { value: null, suppressed: true }],
      total: { value: null, suppressed: true },
    });
  });

  it('when events are many but from few customers, then the cell is still hidden', () => {
    const out = suppressRow({ cells: [{ count: 20, people: 2 }], total: { count: 20, people: 2 } }, 5);
    expect(out.cells[0]).toEqual({ value: null, suppressed: true });
  });
});
