/**
 * The server is a house with floors (README, Layout): a folder imports only from its own floor or
 * those below, and nothing imports in a circle, type imports included. A new folder must be given a
 * floor here. The other top-level parts keep their direction too: the server never imports the
 * extension, the tests or the bench, and the bench never imports the tests.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

/** From the ground up. Root files (`config.ts`, …) are nodes of their own, named without `.ts`. */
const FLOORS = [
  ['kernel', ['errors', 'log', 'config', 'format', 'dates', 'protocol', 'files', 'i18n']],
  ['data', ['policy', 'taxonomy', 'consent', 'audit', 'permissions', 'keys', 'store']],
  ['making', ['templates', 'masking', 'context', 'articles', 'mail', 'web', 'requests']],
  ['deciding', ['suggest', 'assist', 'coach']],
  ['using', ['replay', 'recorder', 'privacy', 'prompts', 'realtime', 'portal', 'insights', 'breach', 'retention']],
  ['edges', ['http', 'admin', 'demo', 'cli', 'app', 'main']],
] as const;
const floorOf = new Map<string, number>(FLOORS.flatMap(([, nodes], i) => nodes.map((n) => [n, i] as const)));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(f) && !/\.test\.ts$|\.d\.ts$/.test(f) ? [p] : [];
  });
}

/** Every relative import and export of a file, type-only ones included, as absolute paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]/gm)].map((m) =>
    path.resolve(path.dirname(file), m[1]!),
  );
}

/** The top-level part of the repository (`server`, `extension`, …) and, in the server, the node. */
const where = (abs: string) => {
  const [part, node] = path.relative(ROOT, abs).split(path.sep);
  return { part: part!, node: part === 'server' ? node!.replace(/\.(ts|js)$/, '') : null };
};

describe('floors', () => {
  const server = sources(path.join(ROOT, 'server'));
  const edges = new Map<string, Set<string>>();
  for (const file of server) {
    const from = where(file).node!;
    for (const target of importsOf(file)) {
      const to = where(target);
      if (to.part !== 'server' || to.node === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to.node!);
    }
  }

  it('gives every server folder and root file a floor', () => {
    const nodes = new Set(server.map((f) => where(f).node!));
    expect([...nodes].filter((n) => !floorOf.has(n))).toEqual([]);
  });

  it('never imports from a floor above', () => {
    const climbs = [...edges].flatMap(([from, tos]) =>
      [...tos]
        .filter((to) => floorOf.get(to)! > floorOf.get(from)!)
        .map((to) => `${from} (${FLOORS[floorOf.get(from)!]![0]}) -> ${to} (${FLOORS[floorOf.get(to)!]![0]})`),
    );
    expect(climbs).toEqual([]);
  });

  it('has no circle between folders, type imports included', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (n: string, trail: string[]) => {
      if (state.get(n) === 'done') return;
      if (state.get(n) === 'open') return void circles.push([...trail.slice(trail.indexOf(n)), n].join(' -> '));
      state.set(n, 'open');
      for (const to of edges.get(n) ?? []) visit(to, [...trail, n]);
      state.set(n, 'done');
    };
    for (const n of edges.keys()) visit(n, []);
    expect(circles).toEqual([]);
  });

  it(
    'keeps the other parts in their direction: the server never imports ' +
      'the extension, tests, harness or bench; the bench never the tests',
    () => {
      const wrong = (dir: string, forbidden: string[]) =>
        sources(path.join(ROOT, dir)).flatMap((f) =>
          importsOf(f)
            .filter((t) => forbidden.includes(where(t).part))
            .map((t) => `${path.relative(ROOT, f)} -> ${path.relative(ROOT, t)}`),
        );
      expect(wrong('server', ['extension', 'test', 'harness', 'bench'])).toEqual([]);
      expect(wrong('bench', ['test'])).toEqual([]);
      expect(wrong('harness', ['test', 'bench'])).toEqual([]);
    },
  );
});
