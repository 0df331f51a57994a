/** `chrome.storage.local` keys (no zod here: the content script imports them): taught adapters by site; built-in
 * adapters switched off in Options. */
export const TAUGHT_KEY = 'taughtAdapters';
export const OFF_KEY = 'adaptersOff';
