/** What the masking module finds in text: typed spans, never copies of the values. */

export const ENTITY_TYPES = [
  'EMAIL',
  'PHONE',
  'CARD',
  'IBAN',
  'SSN',
  'NINO',
  'IP',
  'DOB',
  'PERSON',
  'ADDRESS',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A half-open span `[start, end)` of UTF-16 offsets into the text it was found in. */
export interface Entity {
  type: EntityType;
  start: number;
  end: number;
}

/** What the ticket already tells us: the customer's and the agent's names. */
export interface Known {
  names?: string[];
}
