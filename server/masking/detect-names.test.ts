import { describe, expect, it } from 'vitest';
import { foundOf } from './test-helpers.js';

describe('names found from cues', () => {
  it.each([
    ['Mr Patel from returns said yes', 'Patel'],
    ['Dr Amara Okonkwo recommended it', 'Amara Okonkwo'],
    ['Hi, my name is Lucía Fernández.', 'Lucía Fernández'],
    ["Hi, I'm Giulia and I'll help", 'Giulia'],
    ['this is Priya from billing', 'Priya'],
    ['Thanks,\nTomasz', 'Tomasz'],
    ['Kind regards,\nWei van der Berg\nCustomer Support', 'Wei van der Berg'],
    ['Cheers, Declan', 'Declan'],
    ['Hi Aoife, thanks for waiting', 'Aoife'],
    ['Can you send it to my colleague, Will López?', 'Will López'],
    ['Thandiwe from our returns team will email you', 'Thandiwe'],
    ['Name: Kwabena Asante', 'Kwabena Asante'],
  ])('when the text says "%s", then the name is a PERSON', (text, name) => {
    expect(foundOf('PERSON', text)).toEqual([name]);
  });

  it('when a name comes before its cue, then all of it is found, up to three words with three particles between', () => {
    const team = (name: string) => foundOf('PERSON', `Re: case 5, ${name} from our returns team`);
    expect(team('Zyx van de la Qwv van der den Plk')).toEqual(['Zyx van de la Qwv van der den Plk']);
    expect(team('Zyx van de la Qwv van der den Plk Brt')).toEqual(['Qwv van der den Plk Brt']);
    expect(team("Zyx-Qwv O'Plk")).toEqual(["Zyx-Qwv O'Plk"]);
    expect(foundOf('PERSON', 'ok 5 Zyx Qwv-Plk O’Brt said no')).toEqual(['Zyx Qwv-Plk O’Brt']);
  });

  it(
    'when a common first name is followed by a capitalised word, or a ' +
      'capitalised word by a common surname, then the pair is a PERSON',
    () => {
      expect(foundOf('PERSON', 'The parcel was signed for by Daniel Kowalski.')).toEqual(['Daniel Kowalski']);
      expect(foundOf('PERSON', 'The parcel was signed for by Thandeka Nkosi.')).toEqual(['Thandeka Nkosi']);
      expect(foundOf('PERSON', 'as John F. Kennedy said')).toEqual(['John F. Kennedy']);
    },
  );

  it(
    'when a common first name stands alone mid-sentence, then it is a ' +
      'PERSON; at the start of a sentence it is not',
    () => {
      expect(foundOf('PERSON', 'I spoke to Priya yesterday.')).toEqual(['Priya']);
      expect(foundOf('PERSON', 'Priya is on the list.')).toEqual([]);
    },
  );

  it('when a first name is only the tail of a longer word, then it is not a PERSON', () => {
    expect(foundOf('PERSON', 'the new iAnna app, our x5Leon model, the LaSara shop')).toEqual([]);
  });

  it(
    'when a month abbreviation that is also a first name stands beside a ' + 'number, then it is a date, not a PERSON',
    () => {
      expect(foundOf('PERSON', 'Stand Mixer KM-20, order #0987, delivered 3 Jun 2026')).toEqual([]);
      expect(foundOf('PERSON', 'it shipped on Jan 5, and again Jun 3rd')).toEqual([]);
      expect(foundOf('PERSON', 'I spoke to Jun yesterday and to Jan on the phone')).toEqual(['Jun', 'Jan']);
    },
  );

  it.each([
    ['a month', 'It was supposed to come in May. I bought it in June'],
    ['"Will" starting a question', 'Will it arrive before Friday?'],
    ['greetings without a name', 'Hi there, Hello Team, Dear Customer Services'],
    ['products', 'My Apple Watch and the Kindle Paperwhite'],
    ['a place ending in a surname', 'our Santa Cruz store'],
    ['a street name', 'near Albert Road'],
  ])('when the text holds %s, then no PERSON is found', (_what, text) => {
    expect(foundOf('PERSON', text)).toEqual([]);
  });
});

describe('names in German, French, Spanish, Dutch and Italian', () => {
  it.each([
    ['Mein Name ist Jürgen Schulz.', 'Jürgen Schulz'],
    ['ich heiße Anna Weber', 'Anna Weber'],
    ['Guten Tag Herr Müller, danke', 'Müller'],
    ['Frau Dr. Schmidt hat angerufen', 'Schmidt'],
    ['Mit freundlichen Grüßen\nKlaus Becker', 'Klaus Becker'],
    ['Beste Grüße\nLena', 'Lena'],
    ["Je m'appelle Camille Durand", 'Camille Durand'],
    ['Mon nom est Lefèvre', 'Lefèvre'],
    ['Bonjour Mme Lefèvre,', 'Lefèvre'],
    ['M. Dupont a appelé', 'Dupont'],
    ['Cordialement,\nJulien Moreau', 'Julien Moreau'],
    ['Me llamo Lucía García', 'Lucía García'],
    ['mi nombre es Javier Ruiz', 'Javier Ruiz'],
    ['Hola Sra. Martínez', 'Martínez'],
    ['Saludos,\nJavier', 'Javier'],
    ['Mijn naam is Sanne de Vries', 'Sanne de Vries'],
    ['ik heet Daan', 'Daan'],
    ['Geachte Dhr. Jansen', 'Jansen'],
    ['Met vriendelijke groet,\nDaan Bakker', 'Daan Bakker'],
    ['Mi chiamo Giulia Rossi', 'Giulia Rossi'],
    ['Gentile Sig.ra Bianchi', 'Bianchi'],
    ['Cordiali saluti\nMarco Esposito', 'Marco Esposito'],
    ['mein Sohn Felix holt das Paket ab', 'Felix'],
  ])('when the text says "%s", then the name is a PERSON', (text, name) => {
    expect(foundOf('PERSON', text)).toEqual([name]);
  });

  it.each([
    ['German nouns after a greeting', 'Hallo Team, Hallo Kundenservice, Guten Tag zusammen'],
    ['a German sentence of nouns', 'Ich bin Kunde seit 2019 und die Lieferung kam nicht.'],
    ['a French sentence', "Bonjour, je n'ai toujours pas reçu ma commande."],
    ['a Spanish sentence', 'Hola, buenos días. El pedido no ha llegado.'],
    ['a Dutch sentence', 'Goedemiddag, mijn bestelling is niet aangekomen.'],
    ['an Italian sentence', 'Buongiorno, il mio ordine non è arrivato.'],
  ])('when the text holds %s, then no PERSON is found', (_what, text) => {
    expect(foundOf('PERSON', text)).toEqual([]);
  });
});

describe('names from what is asked, said and done', () => {
  it.each([
    ["What's your last name? Nielsen", 'Nielsen'],
    ["Bot: What's the name on the account? User: Vilma Holm", 'Vilma Holm'],
    ['Her maiden name is Sandgreen', 'Sandgreen'],
    ['"We are moving in that direction," says Bergqvist.', 'Bergqvist'],
    ['Please follow up with Matheus Araujo next week.', 'Matheus Araujo'],
    ["I'd like to join accounts with ms. Quinzia", 'Quinzia'],
    ['Bryce, can I please speak to your boss?', 'Bryce'],
    ['Timotea lives on Via dei Fiorentini 17.', 'Timotea'],
    ['I think Quennox had given me the parcel.', 'Quennox'],
    ['Zoolander was directed by Brad L Key', 'Brad L Key'],
    ["Quennox's husband rang about the refund.", 'Quennox'],
    ['Thanks.\nQuennox, could you check it?', 'Quennox'],
    ['Thanks.\nD’Quennox, please check it.', 'D’Quennox'],
    ['Quennox in the returns team will ring you', 'Quennox'],
    ['Quennox at the front desk has it', 'Quennox'],
    ['Quennox with our sales team knows', 'Quennox'],
    // A digit right before the name: no capitalised word starts there, the name before "said" does.
    ['Ticket 5Quennox said it is fine.', 'Quennox'],
  ])('when the text says "%s", then the name is a PERSON', (text, name) => {
    expect(foundOf('PERSON', text)).toEqual([name]);
  });

  it.each([
    ['a product after "speak to"', 'Can I speak to Support about my Order?'],
    ['a greeting before a comma at the start of a line', 'Thanks, can you check it?'],
    ['a plan letter between capitalised words', 'The Plan B Premium tier is gone.'],
    ['a sentence start before "said"', 'The manual said nothing about it.'],
  ])('when the text holds %s, then no PERSON is found', (_what, text) => {
    expect(foundOf('PERSON', text)).toEqual([]);
  });
});

describe('names that other names in the text vouch for', () => {
  it('when a found name has a part that recurs alone, then the part is a PERSON there too', () => {
    expect(foundOf('PERSON', 'I spoke to Mr Joakim Westgård today. Westgård will call back.')).toEqual([
      'Joakim Westgård',
      'Westgård',
    ]);
  });

  it('when capitalised words are listed beside a found name, then they are PERSONs', () => {
    expect(foundOf('PERSON', 'They had 3: Usamov, Priya and Tarkan.')).toEqual(['Usamov', 'Priya', 'Tarkan']);
    expect(foundOf('PERSON', 'I spoke to Priya, Usamov, and Quennox.')).toEqual(['Priya', 'Usamov', 'Quennox']);
    // Beyond ASCII, on either side of the comma or the "and".
    expect(foundOf('PERSON', 'They had 3: Usamovič, Priya and Ørsted.')).toEqual(['Usamovič', 'Priya', 'Ørsted']);
    expect(foundOf('PERSON', 'Ask Quennox and Priya.')).toEqual(['Quennox', 'Priya']);
  });

  it('when a stop word is listed beside a found name, then it is not a PERSON', () => {
    expect(foundOf('PERSON', 'I spoke to Priya and Support about it.')).toEqual(['Priya']);
  });
});

// The lexicons of scripts/generate-name-lexicon.mjs; none of these names is in first-names.ts or surnames.ts.
describe('names the lexicons know without a cue', () => {
  it.each([
    ['It went to Aurelio Bianchetti last week.', 'Aurelio Bianchetti'], // a lexicon given name, then any word
    ['Bogumila Tadeusz will collect it.', 'Bogumila Tadeusz'], // a pair counts at a sentence's start too
    ['Ask Mbeki Nakashima to call back.', 'Mbeki Nakashima'], // any word, then a lexicon surname
    ['The parcel was signed for by Radomir yesterday.', 'Radomir'], // a lexicon given name alone, mid-sentence
  ])('when the text is %j, then the PERSON is %j', (text, name) => {
    expect(foundOf('PERSON', text)).toEqual([name]);
  });

  it.each([
    // in the source lists, but left out as a word, a country or a weekday in English, German, French, Spanish, Dutch
    'The Summer Collection ships to France on Sunday.',
    'The Hunter Valley tour was great.',
    'Wir liefern im Juli nach Frankreich.',
    // a lexicon name before a model code is a product
    'My Dyson V11 stopped charging.',
    // a lexicon name beside a number is a place in an address
    'Le colis part de 69007 Lyon demain.',
    // a lexicon surname alone is not a name
    'The Nakashima blender is out of stock.',
  ])('when the text is %j, then no PERSON is found', (text) => {
    expect(foundOf('PERSON', text)).toEqual([]);
  });
});

// detect-names.ts reads what the small word lists say about a word from one table, and asks the lexicons apart.
describe('a capitalised word in different roles', () => {
  it('when one word stands in several roles, then each place judges it by its own role', () => {
    // "Nakashima" a lexicon surname (no name alone, a name after any word), "Radomir" a lexicon given name, "Road"
    // no surname, "Santa" a place's first word, "Jun" a month beside a number: each also in another role.
    expect(foundOf('PERSON', 'The Nakashima blender is out of stock.')).toEqual([]);
    expect(foundOf('PERSON', 'Ask Zqab Nakashima to call back.')).toEqual(['Zqab Nakashima']);
    expect(foundOf('PERSON', 'Ask Radomir Nakashima to call back.')).toEqual(['Radomir Nakashima']);
    expect(foundOf('PERSON', 'It went to Radomirq yesterday.')).toEqual([]);
    expect(foundOf('PERSON', 'It went to Radomir yesterday.')).toEqual(['Radomir']);
    expect(foundOf('PERSON', 'Ask Zqab Nakashimaq to call back.')).toEqual([]);
    expect(foundOf('PERSON', 'near Road Santa Cruz')).toEqual([]);
    expect(foundOf('PERSON', 'our Santa Nakashima store')).toEqual([]);
    expect(foundOf('PERSON', 'our Santa Radomir store')).toEqual(['Radomir']);
    expect(foundOf('PERSON', 'it shipped on 3 Jun, then Zqab Road')).toEqual([]);
    expect(foundOf('PERSON', 'I spoke to Jun yesterday')).toEqual(['Jun']);
  });
});
