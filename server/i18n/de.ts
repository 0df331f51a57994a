/** The server pages' words in German, formal address. */
import type { Catalogue } from './catalogue.js';

export const de: Catalogue = {
  'change.granted': 'erteilt',
  'change.denied': 'abgelehnt',
  'change.withdrawn': 'widerrufen',
  'change.opted_out': 'widersprochen',
  'change.opted_in': 'wieder zugelassen',
  'change.gpc': 'Global-Privacy-Control-Signal',

  'state.active': 'Erlaubt',
  'state.withdrawn': 'Widerrufen',
  'state.expired': 'Abgelaufen',
  'state.denied': 'Nicht erlaubt',
  'consent.active': '{state} seit {at}',
  'consent.withdrawn': '{state} am {at}',
  'consent.expired': '{state} am {at}',
  'consent.denied': '{state} (Sie haben am {at} abgelehnt)',
  'consent.given': '{state}. Erteilt über: {source}.',
  'consent.ends': 'Endet am {at}.',
  'consent.withdraw': 'Diese Einwilligung widerrufen',
  'consent.grant': 'Wieder erlauben',
  'consent.receipt': 'Beleg für diese Änderung (JSON)',
  'fact.from': 'Aus {source}, erfasst am {at}.',

  'portal.title': 'Ihre Daten · {controller}',
  'portal.heading': 'Ihre Daten bei {controller}',
  'portal.lead':
    'Guten Tag {name}, diese Seite zeigt alles, was wir über Sie gespeichert haben, was unsere Support-Mitarbeitenden ' +
    'sehen können und warum. Sie entscheiden.',
  'gpc.now': 'Ihr Browser hat ein Global-Privacy-Control-Signal gesendet.',
  'gpc.before': 'Uns liegt ein Global-Privacy-Control-Signal Ihres Browsers vor.',
  'gpc.means':
    'Wir verstehen es als Bitte, Ihre Daten nicht zu verwenden: Die Support-Mitarbeitenden sehen nichts davon.',
  'optout.title': 'Personalisierter Support',
  'optout.paused':
    'Personalisierter Support ist pausiert: Wir verwenden Ihre Daten nicht, um den Support zu personalisieren.',
  'optout.on': 'Unsere Mitarbeitenden dürfen die unten erlaubten Daten nutzen, um Ihnen schneller zu helfen.',
  'optout.since': 'Pausiert seit {at}.',
  'optout.resume': 'Personalisierten Support fortsetzen',
  'optout.pause': 'Meine Daten nicht zur Personalisierung des Supports verwenden',
  'consents.title': 'Ihre Einwilligungen',
  'consents.none': 'Sie haben keine Einwilligungen erteilt.',
  'facts.title': 'Was wir über Sie gespeichert haben',
  'facts.count': {
    one: '{n} Eintrag; die Support-Mitarbeitenden können {seen} davon sehen.',
    other: '{n} Einträge; die Support-Mitarbeitenden können {seen} davon sehen.',
  },
  'facts.erased': {
    one: '{n} Eintrag wurde auf Ihren Wunsch gelöscht.',
    other: '{n} Einträge wurden auf Ihren Wunsch gelöscht.',
  },
  'receipt.pause': 'Meine Daten nicht zur Personalisierung des Supports verwenden',
  'receipt.resume': 'Ihre Daten wieder zur Personalisierung des Supports verwenden',
  'receipts.title': 'Einwilligungsbelege',
  'receipts.lead': 'Ein Beleg für jede Änderung Ihrer Einwilligungen, im Format „Kantara Consent Receipt“.',
  'data.title': 'Ihre Kopie oder Löschung',
  'data.download': 'Meine Daten herunterladen (JSON)',
  'data.erase': 'Meine Daten löschen …',
  'portal.signOut': 'Abmelden',

  'flash.withdrawn':
    'Erledigt: Die Einwilligung ist widerrufen. Die Support-Mitarbeitenden sehen nicht mehr, was sie erlaubte.',
  'flash.granted': 'Erledigt: Die Einwilligung ist wieder erteilt.',
  'flash.opted_out': 'Erledigt: Wir verwenden Ihre Daten nicht mehr, um den Support zu personalisieren.',
  'flash.opted_in': 'Erledigt: Unsere Mitarbeitenden dürfen die erlaubten Daten wieder nutzen.',
  'flash.flagged': 'Danke: Wir prüfen das und berichtigen oder löschen es.',
  'flash.unflagged': 'Erledigt: Sie haben Ihren Hinweis zurückgenommen.',
  'flag.open': 'Das stimmt nicht',
  'flag.wrong': 'Was ist falsch? (freiwillig)',
  'flag.shouldSay': 'Was sollte hier stehen? (freiwillig)',
  'flag.send': 'Mitteilen',
  'flag.flaggedOn': 'Sie haben uns am {at} mitgeteilt, dass dies nicht stimmt.',
  'flag.withdraw': 'Ich habe mich geirrt: Hinweis zurücknehmen',
  'flag.corrected': 'Wir haben dies am {at} auf Ihren Hinweis berichtigt.',
  'flag.kept': 'Wir haben dies geprüft und am {at} unverändert gelassen: {reason}',
  'flag.removed': 'Am {at} haben wir einen Eintrag ({category}) gelöscht, den Sie als falsch gemeldet hatten.',

  'erase.title': 'Meine Daten löschen',
  'erase.lead':
    'Damit wird gelöscht, was wir über Sie gespeichert haben: {items}, Ihr Name und Ihre E-Mail-Adresse, die Texte ' +
    'von Support-Vorschlägen zu Ihnen und Aufzeichnungen Ihrer Support-Gespräche. Das lässt sich nicht rückgängig machen.',
  'erase.items': { one: '{n} Dateneintrag', other: '{n} Dateneinträge' },
  'erase.stays':
    'Was bleibt: der Nachweis Ihrer Einwilligungen ({consents}) und dieser Löschung, denn wir müssen zeigen können, ' +
    'was Sie erlaubt haben und dass wir Ihre Daten gelöscht haben. Diese Nachweise enthalten außer einer internen ' +
    'Nummer keine Daten über Sie.',
  'erase.consents': { one: '{n} Einwilligung', other: '{n} Einwilligungen' },
  'erase.confirm': 'Mir ist bewusst, dass meine Daten gelöscht werden und nicht wiederhergestellt werden können.',
  'erase.button': 'Meine Daten löschen',
  'erase.keep': 'Meine Daten behalten',
  'erase.done.title': 'Ihre Daten wurden gelöscht',
  'erase.done.text':
    'Wir haben Ihre Daten am {at} gelöscht. Es bleibt der Nachweis Ihrer Einwilligungen und der Löschung.',

  'start.title': 'Ihre Datenschutzseite · {controller}',
  'start.heading': 'Ihre Datenschutzseite',
  'start.lead':
    'Sehen Sie, was {controller} über Sie gespeichert hat, laden Sie es herunter, ändern Sie Ihre Einwilligungen ' +
    'oder lassen Sie es löschen. Geben Sie die E-Mail-Adresse ein, unter der wir Sie kennen, und wir senden Ihnen ' +
    'einen Link, der diese Seite einmal öffnet.',
  'start.email': 'Ihre E-Mail-Adresse',
  'start.button': 'Link per E-Mail senden',
  'start.ended':
    'Diese Seite öffnet sich über einen Link, den wir Ihnen per E-Mail senden, und Ihr Besuch ist beendet ' +
    '(oder hat noch nicht begonnen).',
  'sent.title': 'Bitte sehen Sie in Ihr Postfach',
  'sent.text':
    'Falls {controller} Daten zu dieser Adresse hat, haben wir einen Link zu Ihrer Datenschutzseite dorthin ' +
    'gesendet. Der Link funktioniert einmal, für wenige Minuten. Nichts angekommen? Prüfen Sie die Adresse oder ' +
    'Ihren Spam-Ordner und fordern Sie erneut an.',
  'used.title': 'Dieser Link wurde bereits verwendet',
  'used.lead':
    'Jeder Link öffnet Ihre Datenschutzseite einmal. Falls nicht Sie ihn geöffnet haben, schreiben Sie bitte an ' +
    '{controller} unter {email}, damit man der Sache nachgehen kann.',
  'link.again': 'Neuen Link anfordern',
  'link.tampered.title': 'Dieser Link funktioniert nicht',
  'link.tampered.text':
    'Der Link ist unvollständig oder wurde verändert. Bitte verwenden Sie den ganzen Link, den Sie erhalten haben, ' +
    'oder fordern Sie einen neuen an.',
  'link.unknown.text': 'Dieser Link ist uns nicht bekannt. Bitte fordern Sie einen neuen an.',
  'link.expired.title': 'Dieser Link ist abgelaufen',
  'link.expired.text':
    'Links zu dieser Seite gelten nur wenige Minuten, und dieser ist am {at} abgelaufen. Bitte fordern Sie einen ' +
    'neuen an.',
  'receipt.none.title': 'Beleg nicht gefunden',
  'receipt.none.text': 'Unter Ihren Belegen gibt es keinen mit dieser Nummer.',
  'signedOut.title': 'Abgemeldet',
  'signedOut.text': 'Sie haben die Seite zu Ihren Daten verlassen. Fordern Sie einen neuen Link an, um zurückzukehren.',
  'failed.title': 'Das hat nicht geklappt',

  'pause.privacyPage': 'Ihre Datenschutzseite',
  'pause.seeMore':
    'Um zu sehen, was wir über Sie gespeichert haben, oder um es sich später anders zu überlegen, öffnen Sie {link}.',
  'pause.title': 'Personalisierten Support pausieren',
  'pause.lead':
    'Wenn Sie ihn pausieren, verwendet unser Support-Team nicht mehr, was wir über Sie wissen, wenn es Ihnen hilft: ' +
    'Es sieht weder Ihre Bestellungen noch Ihre Angaben oder sonst etwas über Sie, und die vorgeschlagenen Antworten ' +
    'nutzen es nicht.',
  'pause.text':
    'Nichts wird gelöscht, und Sie erhalten weiterhin Hilfe; eventuell müssen Sie uns erneut sagen, worum es geht. ' +
    'Sie können ihn jederzeit auf Ihrer Datenschutzseite wieder einschalten.',
  'paused.title': 'Personalisierter Support ist pausiert',
  'paused.lead':
    'Seit {at} verwendet unser Support-Team nicht mehr, was wir über Sie gespeichert haben, wenn es Ihnen hilft.',
  'pause.expired.text': {
    one: 'Links zum Pausieren des personalisierten Supports gelten {n} Tag.',
    other: 'Links zum Pausieren des personalisierten Supports gelten {n} Tage.',
  },
  'pause.tampered.text':
    'Der Link ist unvollständig oder wurde verändert. Bitte verwenden Sie den ganzen Link aus unserer Nachricht.',
  'pause.instead': 'Sie können den personalisierten Support stattdessen auf {link} pausieren.',

  'role.processor': 'Arbeitet für uns, nur nach unseren Weisungen (Auftragsverarbeiter)',
  'role.controller': 'Entscheidet selbst, wie es Ihre Daten verwendet (eigener Verantwortlicher)',
  'role.joint': 'Entscheidet gemeinsam mit uns, wie Ihre Daten verwendet werden (gemeinsam Verantwortlicher)',
  'recipients.title': 'Wer Ihre Daten erhält',
  'recipients.intro': {
    one:
      'Um Ihnen im Support zu helfen, teilt {controller} Ihre Daten mit {n} anderen Unternehmen oder Dienst: wer es ' +
      'ist, was es damit tut, wo, und unsere Vereinbarung mit ihm.',
    other:
      'Um Ihnen im Support zu helfen, teilt {controller} Ihre Daten mit {n} anderen Unternehmen und Diensten: wer ' +
      'sie sind, was sie damit tun, wo, und unsere Vereinbarung mit jedem.',
  },
  'recipients.none': '{controller} nennt niemanden außerhalb, der Ihre Daten für den Support erhält.',
  'recipient.role': 'Rolle',
  'recipient.purpose': 'Was damit geschieht',
  'recipient.where': 'Wo',
  'recipient.agreement': 'Vereinbarung',
  'recipient.agreementWith': 'Unsere Vereinbarung mit {name}',
  'recipient.ask': 'Noch nicht angegeben; fragen Sie uns unter {email}',
  'sent.none': 'Keines Ihrer Support-Tickets wurde dorthin gesendet.',
  'sent.lead': 'Ihre Support-Tickets, deren Text dorthin ging, mit unkenntlich gemachten persönlichen Angaben:',
  'sent.more': {
    one: 'Und {n} früheres Ticket: Ihr Download enthält es.',
    other: 'Und {n} frühere Tickets: Ihr Download enthält sie alle.',
  },
  'ticket.erased': 'Tickets ohne Namen (ihre Angaben wurden auf Ihren Wunsch gelöscht)',
  'ticket.named': 'Ticket {id}',
  'ticket.conversation': 'das Gespräch',
  'ticket.conversationAnd': 'das Gespräch und Ihre {categories}',
  'ticket.once': '{which}: {what}, am {at}.',
  'ticket.times': '{which}: {what}, {n}-mal, vom {first} bis {latest}.',

  'purpose.support': 'Ihnen bei Support-Anfragen zu helfen',
  'purpose.essential': 'unseren Dienst zu betreiben, einschließlich der Hilfe bei Support-Anfragen',
  'purpose.marketing': 'Ihnen Werbung zu senden und Angebote zu zeigen',
  'purpose.personalize': 'zu personalisieren, was wir Ihnen zeigen',
  'purpose.analytics': 'zu analysieren, wie unser Dienst genutzt wird',
  'purpose.other': 'für „{purpose}“',
  'consent.allows': 'Ihre {categories} verwenden, um {purpose}',
  'why.allowed': 'Die Support-Mitarbeitenden sehen dies, weil Sie es am {day} erlaubt haben ({source}).',
  'why.no_consent': 'Nicht sichtbar für Mitarbeitende: Sie haben die Verwendung für den Support nicht erlaubt.',
  'why.withdrawn': 'Nicht sichtbar für Mitarbeitende: Sie haben die Einwilligung widerrufen, die es erlaubte.',
  'why.expired': 'Nicht sichtbar für Mitarbeitende: Die Einwilligung, die es erlaubte, ist abgelaufen.',
  'why.needs_explicit_consent':
    'Nicht sichtbar für Mitarbeitende: Es ist sensibel, und nur eine Einwilligung genau für diese Art von Daten ' +
    'würde es erlauben.',
  'why.never_shown': 'Nie sichtbar für Mitarbeitende: Es ist ein Zugangs- oder Sicherheitsmerkmal.',
  'why.opted_out':
    'Nicht sichtbar für Mitarbeitende: Sie haben uns gebeten, Ihre Daten nicht zur Personalisierung des Supports zu ' +
    'verwenden.',

  'by.gpc': 'Durch Ihren Browser (ein Global-Privacy-Control-Signal)',
  'by.pauseLink': 'Durch Sie, mit dem Pausieren-Link aus einer Nachricht von uns',
  'by.portal': 'Durch Sie, auf Ihrer Datenschutzseite',
  'by.agentTicket': 'Durch unser Support-Team, nach Ihren Angaben im Support-Ticket {ticket}',
  'by.agent': 'Durch unser Support-Team, nach Ihren Angaben',
  'by.admin': 'Durch uns, in Ihrem Auftrag',
  'by.import': 'Übernommen aus {system}',
  'by.importUnknown': 'Übernommen aus einem anderen System',
  'by.system': 'Durch Candor selbst',
};
