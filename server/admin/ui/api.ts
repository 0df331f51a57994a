/**
 * The lead's pages talk to the same REST API as everything else, with the lead's bearer token. The
 * token lives in this tab's sessionStorage only: closing the tab signs out.
 */
const KEY = 'candor.token';

export const token = {
  get: () => sessionStorage.getItem(KEY) ?? '',
  set: (t: string) => sessionStorage.setItem(KEY, t),
  clear: () => sessionStorage.removeItem(KEY),
};

export interface Answer<T> {
  status: number;
  body: T & { error?: { code: string; message: string; path: (string | number)[] } & Record<string, unknown> };
}

export async function call<T>(method: 'GET' | 'POST' | 'PUT', route: string, body?: unknown): Promise<Answer<T>> {
  const res = await fetch(`/api/v1${route}`, {
    method,
    headers: {
      authorization: `Bearer ${token.get()}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}

// The shapes the prompts API answers with: the server's own types (type-only imports, erased in the bundle).
export type { Problem } from '../../prompts/publish.js';
export type { PreviewTurn } from '../../prompts/preview.js';
export type { GateViolation as Violation, GateDifference as Difference } from '../../prompts/gate.js';
export type { VersionOutcomes } from '../../prompts/outcomes.js';
export type { RecordingSummary } from '../../recorder/files.js';
export type { TemplateVersionRecord } from '../../store/types.js';
// The audit API's, type-only too.
export type { AuditEntryView, AuditKind, VerifyResult } from '../../audit/chain.js';
import type { TemplateVersionRecord } from '../../store/types.js';

export interface TemplateSummary {
  id: string;
  kind: string;
  description: string;
  file: string;
  live: Pick<TemplateVersionRecord, 'version' | 'author' | 'createdAt' | 'message'> & { authorName: string };
}
export type TemplateVersion = Omit<TemplateVersionRecord, 'templateId' | 'file' | 'source'> & {
  /** The author as people read it (a token's name and role). */
  authorName: string;
};
export interface TemplateDetail {
  id: string;
  kind: string;
  file: string;
  source: string;
  versions: TemplateVersion[];
}
export interface GateSession {
  id: string;
  title: string;
  file: string;
  customerTurns: number;
}
