/**
 * Every route the running app answers, read from express's own router (so a route added anywhere
 * is found), with the action its `allow` names. The permission matrix and the bad-input suite walk
 * this list; a route without exactly one action fails them.
 */
import type { Express } from 'express';
import type { Action } from '../../server/permissions/table.js';

export interface RouteInfo {
  method: string;
  /** With express's `:param` placeholders, mount prefix included. */
  path: string;
  actions: Action[];
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: { action?: Action } }[] };
  handle: { stack?: Layer[] };
  rawPath?: unknown;
}

function walk(stack: readonly Layer[], prefix: string, out: RouteInfo[]) {
  for (const layer of stack) {
    if (layer.route) {
      const actions = layer.route.stack.map((l) => l.handle.action).filter((a): a is Action => a !== undefined);
      for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all'))
        out.push({ method: method.toUpperCase(), path: `${prefix}${layer.route.path}`, actions });
    } else if (layer.handle.stack) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      walk(layer.handle.stack, `${prefix}${mount}`, out);
    }
  }
}

export function routesOf(app: Express): RouteInfo[] {
  const out: RouteInfo[] = [];
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '', out);
  return out;
}

/** A concrete URL for a route: every parameter filled with a value that names nothing. */
export const concrete = (path: string, values: Record<string, string> = {}) =>
  path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(values[name] ?? `nobody-${name}`));
