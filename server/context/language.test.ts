import { describe, expect, it } from 'vitest';
import { detectLocale, ticketLanguage } from './language.js';
import { TicketRef } from '../protocol/assist.js';

const customer = (text: string) => ({ role: 'customer' as const, text });

describe('the ticket language', () => {
  it.each([
    ['en', 'My grinder stopped working after two weeks, can you help me with a replacement?'],
    ['de', 'Meine Kaffeemühle funktioniert nach zwei Wochen nicht mehr, können Sie mir helfen?'],
    ['fr', 'Mon moulin à café ne marche plus après deux semaines, pouvez-vous m’aider ?'],
    ['es', 'Mi molinillo de café dejó de funcionar después de dos semanas, ¿me pueden ayudar?'],
    ['nl', 'Mijn koffiemolen werkt na twee weken niet meer, kunt u mij helpen met een vervanging?'],
  ])('when the customer writes in %s, then that is the detected locale', (locale, text) => {
    expect(detectLocale([customer(text)])).toBe(locale);
  });

  it('when the text is too short to tell, then English is the fallback', () => {
    expect(detectLocale([customer('Hallo')])).toBe('en');
    expect(detectLocale([])).toBe('en');
  });

  it('when the customer wrote fewer than 15 letters, then English is read even where tinyld would say German', () => {
    // tinyld reads both as German (accuracy 0.88 and 0.89); an emoji and punctuation are not letters.
    expect(detectLocale([customer('Bestellung fehl! 😀')])).toBe('en');
    expect(detectLocale([customer('Bestellung fehlt! 😀')])).toBe('de');
  });

  it('when the text is in none of the five languages, then it is read as one of them or English, never another', () => {
    const locale = detectLocale([customer('La mia macinacaffè non funziona più dopo due settimane, potete aiutarmi?')]);
    expect(['en', 'de', 'fr', 'es', 'nl']).toContain(locale);
  });

  it("when only the agent wrote in German, then the customer's English decides", () => {
    const agent = { role: 'agent' as const, text: 'Guten Tag, wie kann ich Ihnen heute bei Ihrer Bestellung helfen?' };
    expect(detectLocale([agent, customer('Hello, my order has not arrived yet, where is it please?')])).toBe('en');
  });

  it('when the helpdesk names the language, then it wins over detection and the panel shows it in words', () => {
    const conv = [customer('My grinder stopped working after two weeks, can you help?')];
    expect(ticketLanguage(conv, 'nl')).toEqual({ locale: 'nl', name: 'Dutch', source: 'helpdesk' });
    expect(ticketLanguage(conv)).toEqual({ locale: 'en', name: 'English', source: 'detected' });
  });

  it('when a helpdesk sends a language Candor does not answer in, then the ticket is refused', () => {
    const ref = { ticketId: 't-1', customerId: 'c-1', language: 'it' };
    expect(TicketRef.safeParse(ref).success).toBe(false);
    expect(TicketRef.parse({ ...ref, language: 'de' }).language).toBe('de');
  });
});
