/** A `model.called` entry read back as "what the AI saw": its ids from the payload, its prompt from the seal. */
import { ModelCallView } from '../protocol/api.js';
import type { AuditEntry } from './chain.js';

/** Null once the prompt was erased (the entry stays, as a tombstone). */
export function modelCallOf(e: AuditEntry): ModelCallView | null {
  if (!e.seal?.value) return null;
  return ModelCallView.parse({ seq: e.seq, at: e.at, ...e.payload, ...e.seal.value });
}
