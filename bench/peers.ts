/**
 * The detectors the benchmark compares: ours, and the established npm redactors called as their
 * READMEs show. Each has a timed `redact` (what a caller would run) and an untimed `spans` that
 * turns its result into typed spans for scoring:
 * - ours and openredaction report spans themselves (openredaction: `detections[].position`);
 * - redact-pii and @redactpii/node return only redacted text with fixed labels (PHONE_NUMBER, …),
 *   so spans are recovered by aligning that text with the input: the literal pieces between
 *   labels must appear in order in the input, and what lies between them is the redacted span
 *   (an anchored regex, each label's gap restricted to the characters its rule can match).
 * Peer types are mapped to ours; a type with no counterpart of ours is 'OTHER' (see score.ts).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Masker } from '../server/masking/masker.js';
import type { MaskerFactory } from './built-masker.js';
import type { PredictedType, Span } from './score.js';

export interface BenchItem {
  id: string;
  conversation: string;
  text: string;
  known: string[];
}

export interface Runner<R = unknown> {
  name: string;
  spansFrom: string;
  redact(item: BenchItem): R | Promise<R>;
  spans(item: BenchItem, result: R): Span<PredictedType>[];
  /** Inputs whose redacted text could not be aligned with the input (spans then missing). */
  alignmentFailures?: () => number;
}

/** Ours, with one masker per conversation, as the server runs it. */
function ours(
  name: string,
  useKnownNames: boolean,
  createMasker: MaskerFactory,
): Runner<{ entities: Span<PredictedType>[] }> {
  let conversation = '';
  let masker: Masker = createMasker({ names: [] });
  return {
    name,
    spansFrom: 'own spans',
    redact(item) {
      if (item.conversation !== conversation) {
        conversation = item.conversation;
        masker = createMasker({ names: useKnownNames ? item.known : [] });
      }
      return masker.maskWithEntities(item.text);
    },
    spans: (_item, r) => r.entities,
  };
}

interface Label {
  type: PredictedType;
  /** What the rule behind this label can match, to place the gap unambiguously. */
  chars: string;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Spans of the labels in `redacted`, recovered from the input; null when they cannot be aligned. */
export function alignLabels(
  input: string,
  redacted: string,
  labels: Record<string, Label>,
): Span<PredictedType>[] | null {
  const names = Object.keys(labels).sort((a, b) => b.length - a.length);
  const found = [...redacted.matchAll(new RegExp(names.join('|'), 'g'))];
  if (found.length === 0) return redacted === input ? [] : null;
  let source = '^';
  let at = 0;
  for (const m of found) {
    source += `${escapeRegex(redacted.slice(at, m.index))}(${labels[m[0]]!.chars}+?)`;
    at = m.index + m[0].length;
  }
  const match = new RegExp(`${source}${escapeRegex(redacted.slice(at))}$`, 'd').exec(input);
  if (!match?.indices) return null;
  return found.map((m, i) => {
    const [start, end] = match.indices![i + 1]!;
    return { type: labels[m[0]]!.type, start, end };
  });
}

function aligned(name: string, redact: (text: string) => string, labels: Record<string, Label>): Runner<string> {
  let failures = 0;
  return {
    name,
    spansFrom: 'aligned redacted text',
    redact: (item) => redact(item.text),
    spans(item, redacted) {
      const spans = alignLabels(item.text, redacted, labels);
      if (spans === null) failures++;
      return spans ?? [];
    },
    alignmentFailures: () => failures,
  };
}

const ANY = '[^]';
const REDACT_PII_LABELS: Record<string, Label> = {
  CREDIT_CARD_NUMBER: { type: 'CARD', chars: '[\\d -]' },
  STREET_ADDRESS: { type: 'ADDRESS', chars: ANY },
  ZIPCODE: { type: 'ADDRESS', chars: '[\\d-]' },
  PHONE_NUMBER: { type: 'PHONE', chars: ANY },
  IP_ADDRESS: { type: 'IP', chars: '[\\dA-Fa-f.:]' },
  US_SOCIAL_SECURITY_NUMBER: { type: 'SSN', chars: '[\\d .-]' },
  EMAIL_ADDRESS: { type: 'EMAIL', chars: '\\S' },
  PERSON_NAME: { type: 'PERSON', chars: '\\D' },
  USERNAME: { type: 'OTHER', chars: ANY },
  PASSWORD: { type: 'OTHER', chars: ANY },
  CREDENTIALS: { type: 'OTHER', chars: ANY },
  DIGITS: { type: 'OTHER', chars: '\\d' },
  URL: { type: 'OTHER', chars: '\\S' },
};

const REDACTPII_NODE_LABELS: Record<string, Label> = {
  CREDIT_CARD_NUMBER: { type: 'CARD', chars: '[\\d -]' },
  EMAIL_ADDRESS: { type: 'EMAIL', chars: '\\S' },
  PERSON_NAME: { type: 'PERSON', chars: '\\D' },
  PHONE_NUMBER: { type: 'PHONE', chars: '[\\d()+.\\s-]' },
  US_SOCIAL_SECURITY_NUMBER: { type: 'SSN', chars: '[\\d .-]' },
};

export function openRedactionType(t: string): PredictedType {
  if (t === 'EMAIL') return 'EMAIL';
  if (t === 'NAME' || t === 'PERSON') return 'PERSON';
  if (t.startsWith('PHONE')) return 'PHONE';
  if (t === 'CREDIT_CARD') return 'CARD';
  if (t === 'IBAN' || t === 'UK_BANK_ACCOUNT_IBAN') return 'IBAN';
  if (t === 'SSN') return 'SSN';
  if (t === 'NATIONAL_INSURANCE_UK') return 'NINO';
  if (t === 'IPV4' || t === 'IPV6') return 'IP';
  if (t === 'DATE_OF_BIRTH') return 'DOB';
  if (t.startsWith('ADDRESS_') || t === 'POSTCODE_UK' || t === 'ZIP_CODE_US') return 'ADDRESS';
  return 'OTHER';
}

/** What the benchmark uses of each peer, as their READMEs show them. */
interface OpenResult {
  detections: { type: string; position: [number, number] }[];
}
interface Peers {
  redactPii: { redact(text: string): string };
  redactPiiNode: { redact(text: string): string };
  openRedaction: { detect(text: string): Promise<OpenResult> };
}

/**
 * The peers live apart from Candor's own install, in bench/peers/ (`npm run bench:peers`): they
 * pull in a Google Cloud client with gRPC, and a React and an Express of their own. Null when
 * they are not installed; the benchmark then measures ours alone and says so.
 */
export async function loadPeers(): Promise<Peers | null> {
  const fromPeers = createRequire(new URL('./peers/package.json', import.meta.url));
  const load = (name: string) => import(pathToFileURL(fromPeers.resolve(name)).href);
  try {
    const [rp, rpn, or] = await Promise.all([load('redact-pii'), load('@redactpii/node'), load('openredaction')]);
    return {
      redactPii: new rp.SyncRedactor(),
      redactPiiNode: new rpn.Redactor(),
      openRedaction: new or.OpenRedaction(),
    };
  } catch {
    return null;
  }
}

/** `createMasker`: ours as the benchmark times it, the build (built-masker.ts). */
export function runners(peers: Peers | null, createMasker: MaskerFactory): Runner[] {
  const both = [ours('ours', true, createMasker), ours('ours (no known names)', false, createMasker)];
  if (!peers) return both;
  const { redactPii, redactPiiNode, openRedaction } = peers;
  const open: Runner<OpenResult> = {
    name: 'openredaction',
    spansFrom: 'own spans (detections[].position)',
    redact: (item) => openRedaction.detect(item.text),
    spans: (_item, r) =>
      r.detections.map((d) => ({ type: openRedactionType(d.type), start: d.position[0], end: d.position[1] })),
  };
  return [
    ...both,
    aligned('redact-pii', (t) => redactPii.redact(t), REDACT_PII_LABELS),
    aligned('@redactpii/node', (t) => redactPiiNode.redact(t), REDACTPII_NODE_LABELS),
    open as Runner,
  ] as Runner[];
}
