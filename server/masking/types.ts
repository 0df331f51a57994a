/** What the masking module finds in text: typed spans, never copies of the values. */

export const ENTITY_TYPES = [
  'EMAIL',
  'PHONE',
  'CARD',
  'IBAN',
  'SSN',
  'NINO',
  'DE_TAX_ID',
  'DE_ID_CARD',
  'FR_NIR',
  'ES_DNI',
  'ES_NIE',
  'NL_BSN',
  'BE_NRN',
  'IT_CF',
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
