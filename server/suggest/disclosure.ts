import { Locale } from '../protocol/domain.js';

/**
 * Transparent phrasing: a sentence that uses a customer's data says so. These are the openings the guard
 * accepts as saying so, in each language a ticket may be in; a template that cites a fact must use one of them
 * in that sentence. Each names where the data came from: an attribution ("according to your account"), the
 * agent looking ("I can see", "Ich sehe, dass"), a record speaking ("our records show"), or the customer
 * ("you told us"). A place alone is not enough ("…will appear on your account" is a refund, not a source), nor
 * a bare "we have" or a look-alike verb ("Ich sehe zu, dass…", "Veo difícil…"): test/fixtures/disclosure/
 * pins this on transparent and silent sentences per language.
 */
const OPENINGS: Record<Locale, readonly string[]> = {
  en: [
    "I can see(?! (why|if|whether|how))|I see(?! (to it|why|if|whether|how))|I've checked|I checked|I found (that|on|in|your)",
    'our records|according to (your|our)|on file|on record|you told us|you shared|you mentioned',
    '(looking at|checking|based on|from) your (account|profile|orders?|order history|purchase history)',
    'in your (order|purchase) history',
    String.raw`(your|our) (\S+ ){0,2}(account|history|system|records?|details) (shows?|indicates?|lists?)`,
  ],
  de: [
    'ich sehe,? dass|sehe ich|(ich kann|wie ich) (in|bei) (ihrem|ihrer|unseren)|ich habe (nachgesehen|nachgeschaut|geprüft)|ein blick in',
    '(laut|gemäß) (ihrem|ihrer|ihren|unseren|unserem|unserer)|nach (unseren|unserem|unserer)',
    'ich sehe (in|bei) (ihrem|ihrer|unseren|unserem)|(in|aus) (ihrer|unseren|unserem) (bestellhistorie|unterlagen|' +
      'aufzeichnungen|daten)',
    String.raw`(ihr|ihre|unser|unsere) (\S+ ){0,2}(kundenkonto|konto|system|unterlagen|bestelldaten|bestellhistorie|` +
      'aufzeichnungen) (zeigt|zeigen)',
    'hinterlegt|vermerkt|für sie gespeichert|entnehme ich|geht hervor|wie sie uns|' +
      'sie haben (uns )?(geschrieben|erwähnt|mitgeteilt)',
  ],
  fr: [
    "je vois (que|sur|dans|la|le|les|votre|vos|l(?=['’]))|je peux voir (que|sur|dans)|je constate|j['’]ai (vérifié|regardé|trouvé|consulté)",
    "(d['’]après|selon) (votre|vos|nos|notre)|en (consultant|vérifiant) votre",
    '(sur|dans) (votre|vos|nos|notre) (historique|dossiers?|registres|fichier)',
    String.raw`(nos|notre|votre|vos) (\S+ ){0,2}(dossiers?|registres|historique|compte|système|données)` +
      String.raw`( \S+){0,2} (indiquent|indique|montrent|montre)`,
    'vous (nous )?avez (dit|mentionné|indiqué|écrit)|comme vous nous|il est indiqué (sur|dans) votre',
  ],
  es: [
    'veo (que|en|la|el|los|las|su|sus)|puedo ver (que|en)|por lo que veo|he (comprobado|revisado|encontrado|consultado)',
    '(según|de acuerdo con) (su|sus|nuestro|nuestros|nuestra|nuestras)|revisando su',
    '(consta|figura) en (su|sus|nuestro|nuestros)|en su perfil figura|en (su historial|nuestros registros)',
    String.raw`(nuestros|nuestro|su|sus|los) (\S+ ){0,3}(registros|historial|cuenta|sistema|datos)` +
      String.raw`( \S+){0,3} (muestran|muestra|indican|indica)`,
    'nos (dijo|contó|indicó|comentó|escribió)|usted mencionó|registrad[oa] para usted',
  ],
  nl: [
    'ik (zie|kan) (dat|in uw|op uw|bij uw|in onze)|zag ik|zie ik|ik heb (gekeken|gecontroleerd|nagekeken)',
    'volgens (uw|onze|ons)|uit uw (account|gegevens|bestelgeschiedenis) blijkt|(in|bij) (uw|onze) (profiel|' +
      'bestelgeschiedenis|gegevens|administratie|account) (staat|staan)',
    String.raw`(onze|uw|ons|de) (\S+ ){0,3}(gegevens|bestelgegevens|account|bestelgeschiedenis|systeem|` +
      String.raw`administratie)( \S+){0,2} (tonen|toont|laten|laat)`,
    'u (vertelde|noemde|schreef|liet weten)|zoals u ons|voor u genoteerd|vermeld',
  ],
};

const anyOf = (openings: readonly string[]) =>
  new RegExp(String.raw`(?<![\p{L}\p{N}])(${openings.join('|')})(?![\p{L}\p{N}])`, 'iu');

/** Any language's openings: what the disclosure corpus pins. */
export const DISCLOSURE = anyOf(Object.values(OPENINGS).flat());

const BY_LOCALE = new Map(
  Locale.options.map((l) => [l, anyOf(l === 'en' ? OPENINGS.en! : [...OPENINGS[l]!, ...OPENINGS.en!])]),
);

/**
 * The check for a reply to a ticket in `locale`: its own openings, and English's, the language a kind without a
 * template of its own falls back to.
 */
export const disclosureIn = (locale: Locale): RegExp => BY_LOCALE.get(locale)!;

/**
 * Splits text into sentences, never inside one of `keep` (a fact's own text may hold "St." or
 * "Nov."), so a fact and the marker after it stay in one sentence.
 */
export function sentences(text: string, keep: readonly string[]): { text: string; start: number }[] {
  const lower = text.toLowerCase();
  const kept: [number, number][] = [];
  for (const k of keep) {
    if (k.length < 2) continue;
    for (let i = lower.indexOf(k.toLowerCase()); i >= 0; i = lower.indexOf(k.toLowerCase(), i + 1))
      kept.push([i, i + k.length]);
  }
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?](?=\s|$)/g)) {
    const end = m.index + 1;
    if (kept.some(([a, b]) => m.index >= a && m.index < b)) continue;
    out.push({ text: text.slice(start, end), start });
    start = end;
  }
  if (start < text.length && text.slice(start).trim()) out.push({ text: text.slice(start), start });
  return out;
}

export const markersIn = (text: string): number[] => [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));

/** Short values ("Yes", "12") would match by accident; longer leaves are specific enough to count as a leak. */
export function needles(fact: { text: string; value?: unknown }): string[] {
  const out = [fact.text];
  const walk = (v: unknown) => {
    if (typeof v === 'string' && v.trim().length >= 4) out.push(v.trim());
    else if (typeof v === 'number' && String(v).length >= 4) out.push(String(v));
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(fact.value);
  return out.filter((n) => n.length > 0).map((n) => n.toLowerCase());
}
