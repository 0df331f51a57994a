/** The server pages' words in Dutch, formal address. */
import type { Catalogue } from './catalogue.js';

export const nl: Catalogue = {
  'change.granted': 'gegeven',
  'change.denied': 'geweigerd',
  'change.withdrawn': 'ingetrokken',
  'change.opted_out': 'bezwaar gemaakt',
  'change.opted_in': 'bezwaar opgeheven',
  'change.gpc': 'Global Privacy Control-signaal',

  'state.active': 'Toegestaan',
  'state.withdrawn': 'Ingetrokken',
  'state.expired': 'Verlopen',
  'state.denied': 'Niet toegestaan',
  'consent.active': '{state} sinds {at}',
  'consent.withdrawn': '{state} op {at}',
  'consent.expired': '{state} op {at}',
  'consent.denied': '{state} (u weigerde op {at})',
  'consent.given': '{state}. Gegeven via: {source}.',
  'consent.ends': 'Eindigt op {at}.',
  'consent.withdraw': 'Deze toestemming intrekken',
  'consent.grant': 'Opnieuw toestaan',
  'consent.receipt': 'Bewijs van deze wijziging (JSON)',
  'fact.from': 'Afkomstig van {source}, vastgelegd op {at}.',

  'portal.title': 'Uw gegevens · {controller}',
  'portal.heading': 'Uw gegevens bij {controller}',
  'portal.lead':
    'Beste {name}, deze pagina toont alles wat wij over u bewaren, wat onze supportmedewerkers kunnen zien en ' +
    'waarom. U beslist.',
  'gpc.now': 'Uw browser heeft een Global Privacy Control-signaal gestuurd.',
  'gpc.before': 'Wij hebben een Global Privacy Control-signaal van uw browser vastgelegd.',
  'gpc.means':
    'Wij beschouwen het als een verzoek om uw gegevens niet te gebruiken: supportmedewerkers zien er niets van.',
  'optout.title': 'Persoonlijke ondersteuning',
  'optout.paused':
    'Persoonlijke ondersteuning is gepauzeerd: wij gebruiken uw gegevens niet om de ondersteuning persoonlijk te maken.',
  'optout.on': 'Medewerkers mogen de gegevens die u hieronder toestaat gebruiken om u sneller te helpen.',
  'optout.since': 'Gepauzeerd sinds {at}.',
  'optout.resume': 'Persoonlijke ondersteuning hervatten',
  'optout.pause': 'Mijn gegevens niet gebruiken voor persoonlijke ondersteuning',
  'consents.title': 'Uw toestemmingen',
  'consents.none': 'U hebt geen toestemmingen gegeven.',
  'facts.title': 'Wat wij over u bewaren',
  'facts.count': {
    one: '{n} gegeven; supportmedewerkers kunnen er {seen} van zien.',
    other: '{n} gegevens; supportmedewerkers kunnen er {seen} van zien.',
  },
  'facts.erased': {
    one: '{n} gegeven is op uw verzoek gewist.',
    other: '{n} gegevens zijn op uw verzoek gewist.',
  },
  'receipt.pause': 'Mijn gegevens niet gebruiken voor persoonlijke ondersteuning',
  'receipt.resume': 'Uw gegevens weer gebruiken voor persoonlijke ondersteuning',
  'receipts.title': 'Toestemmingsbewijzen',
  'receipts.lead': 'Een bewijs van elke wijziging in uw toestemmingen, in het Kantara Consent Receipt-formaat.',
  'data.title': 'Uw kopie, of wissen',
  'data.download': 'Mijn gegevens downloaden (JSON)',
  'data.erase': 'Mijn gegevens wissen…',
  'portal.signOut': 'Afmelden',

  'flash.withdrawn': 'Gedaan: die toestemming is ingetrokken. Supportmedewerkers zien niet meer wat zij toestond.',
  'flash.granted': 'Gedaan: die toestemming is opnieuw gegeven.',
  'flash.opted_out': 'Gedaan: wij gebruiken uw gegevens niet meer om de ondersteuning persoonlijk te maken.',
  'flash.opted_in': 'Gedaan: medewerkers mogen de gegevens die u toestond weer gebruiken.',
  'flash.flagged': 'Dank u: we controleren het en verbeteren of verwijderen het.',
  'flash.unflagged': 'Gedaan: u hebt uw melding ingetrokken.',
  'flag.open': 'Dit klopt niet',
  'flag.wrong': 'Wat klopt er niet? (optioneel)',
  'flag.shouldSay': 'Wat zou er moeten staan? (optioneel)',
  'flag.send': 'Doorgeven',
  'flag.flaggedOn': 'U hebt ons op {at} laten weten dat dit niet klopt.',
  'flag.withdraw': 'Ik vergiste me: melding intrekken',
  'flag.corrected': 'We hebben dit op {at} verbeterd, zoals u vroeg.',
  'flag.kept': 'We hebben dit gecontroleerd en op {at} ongewijzigd gelaten: {reason}',
  'flag.removed': 'Op {at} hebben we een gegeven ({category}) verwijderd waarvan u meldde dat het niet klopte.',

  'erase.title': 'Mijn gegevens wissen',
  'erase.lead':
    'Hiermee wist u wat wij over u bewaren: {items}, uw naam en e-mailadres, de teksten van supportsuggesties over ' +
    'u en opnames van uw supportgesprekken. Dit kan niet ongedaan worden gemaakt.',
  'erase.items': { one: '{n} gegeven', other: '{n} gegevens' },
  'erase.stays':
    'Wat blijft: de vastlegging van uw toestemmingen ({consents}) en van dit wissen, omdat wij moeten kunnen ' +
    'aantonen wat u toestond en dat wij uw gegevens hebben gewist. Deze vastleggingen bevatten geen gegevens over u, ' +
    'behalve een intern nummer.',
  'erase.consents': { one: '{n} toestemming', other: '{n} toestemmingen' },
  'erase.confirm': 'Ik begrijp dat mijn gegevens worden gewist en niet kunnen worden teruggehaald.',
  'erase.button': 'Mijn gegevens wissen',
  'erase.keep': 'Mijn gegevens bewaren',
  'erase.done.title': 'Uw gegevens zijn gewist',
  'erase.done.text':
    'Wij hebben uw gegevens gewist op {at}. Wat blijft is de vastlegging van uw toestemmingen en van het wissen.',

  'start.title': 'Uw privacypagina · {controller}',
  'start.heading': 'Uw privacypagina',
  'start.lead':
    'Bekijk wat {controller} over u bewaart, download het, wijzig uw toestemmingen of laat het wissen. Vul het ' +
    'e-mailadres in waaronder wij u kennen, dan sturen wij daar een link naartoe die deze pagina eenmaal opent.',
  'start.email': 'Uw e-mailadres',
  'start.button': 'Stuur mij een link',
  'start.ended': 'Deze pagina opent via een link die wij u e-mailen, en uw bezoek is afgelopen (of nog niet begonnen).',
  'sent.title': 'Kijk in uw inbox',
  'sent.text':
    'Als {controller} gegevens over dit adres heeft, hebben wij er een link naar uw privacypagina naartoe gestuurd. ' +
    'De link werkt eenmaal, enkele minuten lang. Niets ontvangen? Controleer het adres of uw spammap en vraag het ' +
    'opnieuw aan.',
  'used.title': 'Deze link is al gebruikt',
  'used.lead':
    'Elke link opent uw privacypagina eenmaal. Hebt u hem niet zelf geopend, schrijf dan naar {controller} via ' +
    '{email}, zodat zij het kunnen nagaan.',
  'link.again': 'Een nieuwe link aanvragen',
  'link.tampered.title': 'Deze link werkt niet',
  'link.tampered.text':
    'De link is onvolledig of gewijzigd. Gebruik de volledige link die u hebt ontvangen, of vraag een nieuwe aan.',
  'link.unknown.text': 'Deze link is bij ons niet bekend. Vraag een nieuwe aan.',
  'link.expired.title': 'Deze link is verlopen',
  'link.expired.text':
    'Links naar deze pagina werken maar enkele minuten, en deze is verlopen op {at}. Vraag een nieuwe aan.',
  'receipt.none.title': 'Bewijs niet gevonden',
  'receipt.none.text': 'Geen van uw bewijzen heeft dit nummer.',
  'signedOut.title': 'Afgemeld',
  'signedOut.text': 'U hebt de pagina over uw gegevens verlaten. Vraag een nieuwe link aan om terug te komen.',
  'failed.title': 'Dat is niet gelukt',

  'pause.privacyPage': 'uw privacypagina',
  'pause.seeMore': 'Om te zien wat wij over u bewaren, of om later van gedachten te veranderen, opent u {link}.',
  'pause.title': 'Persoonlijke ondersteuning pauzeren',
  'pause.lead':
    'Als u deze pauzeert, gebruikt ons supportteam niet meer wat wij over u weten wanneer het u helpt: het ziet uw ' +
    'bestellingen, uw gegevens en al het andere over u niet meer, en de antwoorden die wij voorstellen gebruiken het ' +
    'niet.',
  'pause.text':
    'Er wordt niets gewist en u wordt nog steeds geholpen; mogelijk moet u opnieuw vertellen waar uw vraag over gaat. ' +
    'U kunt het op elk moment weer inschakelen op uw privacypagina.',
  'paused.title': 'Persoonlijke ondersteuning is gepauzeerd',
  'paused.lead': 'Sinds {at} gebruikt ons supportteam niet meer wat wij over u bewaren wanneer het u helpt.',
  'pause.expired.text': {
    one: 'Links om persoonlijke ondersteuning te pauzeren werken {n} dag.',
    other: 'Links om persoonlijke ondersteuning te pauzeren werken {n} dagen.',
  },
  'pause.tampered.text': 'De link is onvolledig of gewijzigd. Gebruik de volledige link uit ons bericht.',
  'pause.instead': 'U kunt persoonlijke ondersteuning in plaats daarvan pauzeren op {link}.',

  'role.processor': 'Werkt voor ons, alleen volgens onze instructies (verwerker)',
  'role.controller': 'Bepaalt zelf hoe het uw gegevens gebruikt (zelfstandige verwerkingsverantwoordelijke)',
  'role.joint': 'Bepaalt samen met ons hoe uw gegevens worden gebruikt (gezamenlijke verwerkingsverantwoordelijke)',
  'recipients.title': 'Naar wie uw gegevens gaan',
  'recipients.intro': {
    one:
      'Om u te helpen deelt {controller} uw gegevens met {n} ander bedrijf of andere dienst: wie dat is, wat het ' +
      'ermee doet, waar, en onze overeenkomst ermee.',
    other:
      'Om u te helpen deelt {controller} uw gegevens met {n} andere bedrijven en diensten: wie ze zijn, wat ze ermee ' +
      'doen, waar, en onze overeenkomst met elk.',
  },
  'recipients.none': '{controller} noemt niemand buiten zichzelf die uw gegevens voor support ontvangt.',
  'recipient.role': 'Hun rol',
  'recipient.purpose': 'Wat ze ermee doen',
  'recipient.where': 'Waar',
  'recipient.agreement': 'Overeenkomst',
  'recipient.agreementWith': 'Onze overeenkomst met {name}',
  'recipient.ask': 'Nog niet vermeld; vraag het ons via {email}',
  'sent.none': 'Geen van uw supporttickets is naar hen gestuurd.',
  'sent.lead': 'Uw supporttickets waarvan de tekst naar hen ging, met uw persoonsgegevens gemaskeerd:',
  'sent.more': {
    one: 'En {n} eerder ticket: uw download bevat het.',
    other: 'En {n} eerdere tickets: uw download bevat ze allemaal.',
  },
  'ticket.erased': 'Tickets zonder naam (hun gegevens zijn op uw verzoek gewist)',
  'ticket.named': 'Ticket {id}',
  'ticket.conversation': 'het gesprek',
  'ticket.conversationAnd': 'het gesprek en uw {categories}',
  'ticket.once': '{which}: {what}, op {at}.',
  'ticket.times': '{which}: {what}, {n} keer, van {first} tot {latest}.',

  'purpose.support': 'u te helpen met supportvragen',
  'purpose.essential': 'onze dienst te leveren, inclusief u helpen met supportvragen',
  'purpose.marketing': 'u marketing te sturen en aanbiedingen te tonen',
  'purpose.personalize': 'persoonlijk te maken wat wij u tonen',
  'purpose.analytics': 'te analyseren hoe onze dienst wordt gebruikt',
  'purpose.other': 'voor ‘{purpose}’',
  'consent.allows': 'Uw {categories} gebruiken om {purpose}',
  'why.allowed': 'Supportmedewerkers kunnen dit zien, omdat u het op {day} toestond ({source}).',
  'why.no_consent': 'Medewerkers kunnen dit niet zien: u hebt het gebruik voor support niet toegestaan.',
  'why.withdrawn': 'Medewerkers kunnen dit niet zien: u hebt de toestemming ingetrokken die het toestond.',
  'why.expired': 'Medewerkers kunnen dit niet zien: de toestemming die het toestond is verlopen.',
  'why.needs_explicit_consent':
    'Medewerkers kunnen dit niet zien: het is gevoelig, en alleen een toestemming voor precies dit soort gegevens ' +
    'zou het toestaan.',
  'why.never_shown': 'Medewerkers zien dit nooit: het is een inloggegeven of beveiligingsgegeven.',
  'why.opted_out':
    'Medewerkers kunnen dit niet zien: u hebt ons gevraagd uw gegevens niet te gebruiken voor persoonlijke ' +
    'ondersteuning.',

  'by.gpc': 'Door uw browser (een Global Privacy Control-signaal)',
  'by.pauseLink': 'Door u, met de pauzelink in een bericht van ons',
  'by.portal': 'Door u, op uw privacypagina',
  'by.agentTicket': 'Door ons supportteam, op basis van wat u zei in supportticket {ticket}',
  'by.agent': 'Door ons supportteam, op basis van wat u hun vertelde',
  'by.admin': 'Door ons, namens u',
  'by.import': 'Overgenomen uit {system}',
  'by.importUnknown': 'Overgenomen uit een ander systeem',
  'by.system': 'Door Candor zelf',
};
