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

  'admin.nav.label': 'Seiten der Teamleitung',
  'admin.nav.prompts': 'Vorlagen',
  'admin.nav.audit': 'Prüfprotokoll',
  'admin.nav.adapters': 'Helpdesk-Adapter',
  'admin.nav.taught': 'Angelernte Adapter',
  'admin.nav.insights': 'Auswertungen',
  'admin.nav.coach': 'Antwort-Coach',
  'admin.nav.breach': 'Datenpannen-Bericht',
  'admin.nav.requests': 'Datenschutzanfragen',
  'admin.nav.articles': 'Hilfe-Center-Artikel',
  'admin.notBuilt': 'Die Seite „{page}“ ist noch nicht gebaut: Führen Sie `{command}` aus (npm start tut das für Sie).',
  'admin.serverAnswered': 'Der Server antwortete mit {status}.',
  'admin.signIn.title': 'Anmelden',
  'admin.signIn.forLeads': 'Diese Seite ist für Teamleitungen.',
  'admin.signIn.forLeadsAdmins': 'Diese Seite ist für Teamleitungen und Administratoren.',
  'admin.signIn.forPrivacy': 'Diese Seite ist für die Datenschutzbeauftragten und Administratoren.',
  'admin.signIn.forAll': 'Diese Seite ist für Teamleitungen, Administratoren und die Datenschutzbeauftragten.',
  'admin.signIn.enterLead': 'Geben Sie Ihr Token als Teamleitung oder Administrator ein',
  'admin.signIn.enterPrivacy': 'Geben Sie Ihr Token als Datenschutzbeauftragte(r) oder Administrator ein',
  'admin.signIn.enterAny': 'Geben Sie Ihr Token als Teamleitung, Administrator oder Datenschutzbeauftragte(r) ein',
  'admin.signIn.token': 'Token',
  'admin.signIn.refused': 'Dieses Token wurde abgelehnt (unbekannt oder widerrufen).',
  'admin.signIn.as': 'Angemeldet als {role} ({token}).',
  'admin.signIn.out': 'Abmelden',
  'admin.role.agent': 'Agent',
  'admin.role.lead': 'Teamleitung',
  'admin.role.admin': 'Administrator',
  'admin.role.privacy': 'Datenschutzbeauftragte(r)',
  'admin.prompts.refused':
    'Diese Seite ist für Teamleitungen: Mit einem Agenten-Token lassen sich keine Vorlagen ändern.',
  'admin.prompts.recorded': 'Aufgezeichnete Sitzungen',
  'admin.prompts.record': 'Sitzungen im Seitenbereich aufzeichnen (pseudonymisiert)',
  'admin.prompts.recordingOn':
    'Die Aufzeichnung ist an: Jedes Ticket, das ein Agent im Seitenbereich öffnet, wird zu einer Sitzungsdatei.',
  'admin.prompts.recordingOff': 'Die Aufzeichnung ist aus.',
  'admin.prompts.recording': { one: '{title} · {n} Kundenbeitrag', other: '{title} · {n} Kundenbeiträge' },
  'admin.prompts.addToGate': 'Zur Prüfsuite hinzufügen',
  'admin.prompts.added': '{id} gehört jetzt zur Prüfsuite: Jede Vorlagenänderung wird damit erneut abgespielt.',
  'admin.prompts.export': 'Live-Versionen nach prompts/ exportieren',
  'admin.prompts.import': 'Geänderte Dateien aus prompts/ importieren',
  'admin.prompts.exported': {
    one: '{n} Datei unter prompts/ geschrieben.',
    other: '{n} Dateien unter prompts/ geschrieben.',
  },
  'admin.prompts.imported': 'Veröffentlicht: {published}, unverändert: {unchanged}, blockiert: {blocked}.',
  'admin.prompts.importedBlocked':
    'Veröffentlicht: {published}, unverändert: {unchanged}, blockiert: {blocked}: {ids}.',
  'admin.prompts.source': 'Quelltext der Vorlage',
  'admin.prompts.meta': 'Vorlage „{kind}“ · prompts/{file} · Live-Version {version}',
  'admin.prompts.noProblems': 'Keine Probleme gefunden.',
  'admin.prompts.problemAt': 'Zeile {line}: {message}',
  'admin.prompts.previewTitle': 'Vorschau mit einer aufgezeichneten Sitzung',
  'admin.prompts.session': 'Sitzung',
  'admin.prompts.preview': 'Vorschau',
  'admin.prompts.replayingOne': 'Die Sitzung wird mit Ihrem Entwurf abgespielt…',
  'admin.prompts.fixFirst': 'Beheben Sie zuerst die Probleme oben.',
  'admin.prompts.noTurn': 'Diese Sitzung hat keinen Kundenbeitrag.',
  'admin.prompts.turn': 'Beitrag {turn}, die Kundin oder der Kunde: „{text}“',
  'admin.prompts.shown': {
    one: '{n} Angabe gezeigt, {withheld} zurückgehalten',
    other: '{n} Angaben gezeigt, {withheld} zurückgehalten',
  },
  'admin.prompts.noSuggestion': 'Kein Vorschlag für diesen Beitrag.',
  'admin.prompts.modelPrompt': 'Der Prompt, wie das Modell ihn bekäme (maskiert)',
  'admin.prompts.publishTitle': 'Veröffentlichen',
  'admin.prompts.publishHelp':
    'Vor dem Veröffentlichen wird jede aufgezeichnete Sitzung der Prüfsuite mit diesem Entwurf abgespielt. Jedes ' +
    'Datenleck und jeder Fehler in einer Fußnote blockiert ihn; geänderte Vorschläge werden Ihnen zur Annahme ' +
    'gezeigt.',
  'admin.prompts.message': 'Was sich geändert hat',
  'admin.prompts.messageExample': 'z. B. freundlichere Formulierung für die Kaufhistorie',
  'admin.prompts.publish': 'Prüfen und veröffentlichen',
  'admin.prompts.replayingAll': 'Jede aufgezeichnete Sitzung wird mit Ihrem Entwurf abgespielt…',
  'admin.prompts.published': 'Version {version} veröffentlicht. Sie ist jetzt live.',
  'admin.prompts.invalid': 'Nicht veröffentlicht: Beheben Sie die im Editor markierten Probleme.',
  'admin.prompts.blocked': {
    one: 'Nicht veröffentlicht: Der Entwurf verstößt an {n} Stelle gegen die Regeln.',
    other: 'Nicht veröffentlicht: Der Entwurf verstößt an {n} Stellen gegen die Regeln.',
  },
  'admin.prompts.violationFile': '{session} ({file}), die Datei: {code}: {message}',
  'admin.prompts.violationTurn': '{session} ({file}), Beitrag {turn}: {code}: {message}',
  'admin.prompts.differences': {
    one:
      'Keine Regel ist verletzt, aber die Vorschläge ändern sich in {n} Beitrag. Prüfen Sie ihn vor dem ' +
      'Veröffentlichen.',
    other:
      'Keine Regel ist verletzt, aber die Vorschläge ändern sich in {n} Beiträgen. Prüfen Sie sie vor dem ' +
      'Veröffentlichen.',
  },
  'admin.prompts.diffTurn': '{session}, Beitrag {turn}: „{text}“',
  'admin.prompts.none': '(keiner)',
  'admin.prompts.sessionTurn': 'Sitzung und Beitrag',
  'admin.prompts.liveOld': 'Live-Version (nicht mehr vorgeschlagen)',
  'admin.prompts.draftNew': 'Ihr Entwurf (neu)',
  'admin.prompts.accept': 'Diese Unterschiede annehmen und veröffentlichen',
  'admin.prompts.versions': 'Versionen',
  'admin.prompts.version': 'Version',
  'admin.prompts.when': 'Wann',
  'admin.prompts.who': 'Wer',
  'admin.prompts.messageColumn': 'Nachricht',
  'admin.prompts.change': 'Änderung',
  'admin.prompts.live': '{version} (live)',
  'admin.prompts.restores': '{message} (stellt Version {version} wieder her)',
  'admin.prompts.diff': 'Unterschied',
  'admin.prompts.rollBack': 'Auf Version {version} zurücksetzen',
  'admin.prompts.outcomes': 'Wie jede Version bei den Agenten ankam',
  'admin.outcomes.shown': 'Gezeigt',
  'admin.outcomes.inserted': 'Unverändert eingefügt',
  'admin.outcomes.edited': 'Bearbeitet (mittlere Änderung)',
  'admin.outcomes.editSize': '{edited} ({size} Zeichen)',
  'admin.outcomes.copied': 'Kopiert',
  'admin.outcomes.dismissed': 'Verworfen',
  'admin.outcomes.reasons': 'Gründe',
  'admin.outcomes.none': 'Noch kein Vorschlag aus dieser Vorlage wurde einem Agenten gezeigt.',
  'admin.audit.refused':
    'Diese Seite ist für Teamleitungen und Administratoren: Mit einem Agenten-Token lässt sich das Prüfprotokoll ' +
    'nicht öffnen.',
  'admin.audit.filter': 'Protokoll filtern',
  'admin.audit.customerId': 'Kunden-ID',
  'admin.audit.customerExample': 'z. B. c_dana',
  'admin.audit.actor': 'Agent oder Handelnder',
  'admin.audit.actorExample': 'z. B. agent:tok_…',
  'admin.audit.kind': 'Art',
  'admin.audit.anyKind': 'Jede Art',
  'admin.audit.since': 'Von (Ihre Ortszeit)',
  'admin.audit.until': 'Bis (Ihre Ortszeit)',
  'admin.audit.limit': 'Höchstens',
  'admin.audit.limitHelp': 'Einträge, neueste zuerst',
  'admin.audit.show': 'Einträge zeigen',
  'admin.audit.clear': 'Filter zurücksetzen',
  'admin.audit.verifyTitle': 'Ist das Protokoll unversehrt?',
  'admin.audit.verifyHelp':
    'Der Hash jedes Eintrags schließt den vorigen ein: Ein geänderter, eingefügter oder gelöschter Eintrag bricht ' +
    'die Kette.',
  'admin.audit.verify': 'Kette prüfen',
  'admin.audit.entries': 'Einträge',
  'admin.audit.loading': 'Einträge werden geladen…',
  'admin.audit.count': { one: '{n} Eintrag, neueste zuerst.', other: '{n} Einträge, neueste zuerst.' },
  'admin.audit.full': 'Das ist die Obergrenze: Grenzen Sie die Filter ein oder erhöhen Sie sie, um ältere zu sehen.',
  'admin.audit.starts':
    'Das Protokoll beginnt am {at}: Ältere Einträge wurden nach Ablauf der Aufbewahrungsfrist entfernt.',
  'admin.audit.checking': 'Jeder Eintrag wird mit dem vorigen abgeglichen…',
  'admin.audit.intact': {
    one: 'Die Kette ist unversehrt: {n} Eintrag, Kopf {head}…',
    other: 'Die Kette ist unversehrt: {n} Einträge, Kopf {head}…',
  },
  'admin.audit.pruned':
    'Sie beginnt bei Eintrag {first}: Die Einträge bis {at} wurden nach Ablauf der Aufbewahrungsfrist entfernt, ' +
    'und Kontrollpunkt-Eintrag {checkpoint} hält den Hash fest, mit dem sie endeten.',
  'admin.audit.broken': 'Gebrochen bei Eintrag {seq}: {problem}.',
  'admin.audit.seq': 'Nr.',
  'admin.audit.time': 'Zeit',
  'admin.audit.actorColumn': 'Handelnder',
  'admin.audit.customer': 'Kunde',
  'admin.audit.records': 'Was er festhält',
  'admin.audit.none': 'keine',
  'admin.audit.items': { one: '{n} Element', other: '{n} Elemente' },
  'admin.audit.withheld': 'Zurückgehalten',
  'admin.audit.withheldFacts': { one: '{n} Angabe: {category}, {reason}', other: '{n} Angaben: {category}, {reason}' },
  'admin.audit.ticket': 'Ticket',
  'admin.audit.reliedOn': 'Gestützt auf Einwilligungen',
  'admin.audit.factsShown': 'Gezeigte Angaben',
  'admin.audit.omitted': 'Weggelassen (über der Obergrenze)',
  'admin.audit.suggestion': 'Vorschlag {n}',
  'admin.audit.suggestionWhat': '{template} v{version}: Angaben {facts} · gestützt auf Einwilligungen {consents}',
  'admin.audit.withModelCall': '{what} · Modellaufruf {call}',
  'admin.audit.dropped': 'Vom Wächter verworfen',
  'admin.audit.engine': 'Verfahren',
  'admin.audit.note': 'Hinweis',
  'admin.audit.erased': 'Werte gelöscht am {at}',
  'admin.audit.payload': 'Vollständige Nutzdaten',
  'admin.audit.noMatch': 'Kein Eintrag passt zu diesen Filtern.',
  'admin.reason.no_consent': 'keine Einwilligung',
  'admin.reason.withdrawn': 'Einwilligung widerrufen',
  'admin.reason.expired': 'Einwilligung abgelaufen',
  'admin.reason.needs_explicit_consent': 'braucht ausdrückliche Einwilligung',
  'admin.reason.never_shown': 'Agenten nie gezeigt',
  'admin.reason.opted_out': 'Kunde hat widersprochen',
  'admin.kind.context.viewed': 'Kundenkontext angesehen',
  'admin.kind.suggestions.shown': 'Vorschläge gezeigt',
  'admin.kind.model.called': 'Modell aufgerufen',
  'admin.kind.consent.granted': 'Einwilligung erteilt',
  'admin.kind.consent.withdrawn': 'Einwilligung widerrufen',
  'admin.kind.customer.upserted': 'Kunde erfasst',
  'admin.kind.customer.opted_out': 'Kunde hat widersprochen',
  'admin.kind.customer.opted_in': 'Kunde hat wieder zugestimmt',
  'admin.kind.customer.gpc': 'Global-Privacy-Control-Signal',
  'admin.kind.facts.ingested': 'Angaben übernommen',
  'admin.kind.fact.erased': 'Angabe gelöscht',
  'admin.kind.token.created': 'Token erstellt',
  'admin.kind.template.published': 'Vorlage veröffentlicht',
  'admin.kind.settings.changed': 'Einstellungen geändert',
  'admin.kind.token.revoked': 'Token widerrufen',
  'admin.kind.customer.erased': 'Kunde gelöscht',
  'admin.kind.portal.link_created': 'Link zur Datenschutzseite gesendet',
  'admin.kind.portal.opened': 'Datenschutzseite geöffnet',
  'admin.kind.adapter.submitted': 'Adapter eingereicht',
  'admin.kind.adapter.approved': 'Adapter freigegeben',
  'admin.kind.adapter.rolled_back': 'Adapter zurückgesetzt',
  'admin.kind.reply.checked': 'Antwort geprüft',
  'admin.kind.breach.reported': 'Datenpannen-Bericht erstellt',
  'admin.kind.audit.checkpoint': 'Protokoll-Kontrollpunkt (Aufbewahrung)',
  'admin.kind.retention.applied': 'Aufbewahrungsfrist angewandt',
  'admin.kind.article.updated': 'Hilfe-Center-Artikel aktualisiert',
  'admin.kind.article.retired': 'Hilfe-Center-Artikel zurückgezogen',
  'admin.kind.privacy_request.received': 'Datenschutzanfrage eingegangen',
  'admin.kind.privacy_request.fulfilled': 'Datenschutzanfrage erfüllt',
  'admin.kind.privacy_request.refused': 'Datenschutzanfrage abgelehnt',
  'admin.kind.fact.flagged': 'Angabe vom Kunden als falsch gemeldet',
  'admin.kind.fact.flag_withdrawn': 'Kunde hat eine Meldung zurückgenommen',
  'admin.kind.fact.corrected': 'Angabe auf Hinweis des Kunden berichtigt',
  'admin.kind.fact.flag_resolved': 'Meldung von einem Admin beantwortet',
  'admin.insights.refused':
    'Diese Seite ist für Teamleitungen und Administratoren: Mit einem Agenten-Token lassen sich die Auswertungen ' +
    'nicht öffnen.',
  'admin.insights.help':
    'Zahlen über alle Kunden, je Woche oder Monat (UTC-Tage): kein Kunde, kein Agent, kein Ticket. Eine Zahl von ' +
    'weniger Kunden als der Schwellenwert lautet',
  'admin.insights.helpAfter':
    '; ebenso eine zweite Zahl in derselben Zeile, die ebenfalls verborgen wird, damit sich die erste nicht aus ' +
    'der Summe errechnen lässt.',
  'admin.insights.from': 'Von (Tag)',
  'admin.insights.until': 'Bis (Tag)',
  'admin.insights.per': 'Je',
  'admin.insights.month': 'Monat',
  'admin.insights.week': 'Woche',
  'admin.insights.show': 'Zeigen',
  'admin.insights.csv': 'CSV herunterladen',
  'admin.loading': 'Wird geladen…',
  'admin.insights.checkDays': 'Nichts gezeigt: Prüfen Sie die Tage oben.',
  'admin.insights.fewer': 'weniger als {k}',
  'admin.insights.months': {
    one: '{n} Monat, {first} bis {last}; keine Zahl von weniger als {k} Kunden wird gezeigt.',
    other: '{n} Monate, {first} bis {last}; keine Zahl von weniger als {k} Kunden wird gezeigt.',
  },
  'admin.insights.weeks': {
    one: '{n} Woche, {first} bis {last}; keine Zahl von weniger als {k} Kunden wird gezeigt.',
    other: '{n} Wochen, {first} bis {last}; keine Zahl von weniger als {k} Kunden wird gezeigt.',
  },
  'admin.insights.csvFailed': 'Die CSV-Datei ließ sich nicht erstellen: Der Server antwortete mit {status}.',
  'admin.insights.what': 'Was ({counts})',
  'admin.insights.total': 'Summe',
  'admin.insights.empty': '{title}: keine in diesen Zeiträumen.',
  'admin.insights.weekOf': 'Woche ab {day}',
  'admin.insights.consents.granted': 'Erteilte Einwilligungen',
  'admin.insights.consents.withdrawn': 'Widerrufene Einwilligungen',
  'admin.insights.consents.expired': 'Abgelaufene Einwilligungen',
  'admin.insights.consentRow': '{category}, für {purpose}',
  'admin.insights.counts.consents': 'Einwilligungen',
  'admin.insights.counts.signals': 'Signale',
  'admin.insights.counts.requests': 'Anfragen',
  'admin.insights.counts.calls': 'Aufrufe',
  'admin.insights.counts.suggestions': 'Vorschläge',
  'admin.insights.optOuts': 'Widersprüche und Global Privacy Control',
  'admin.insights.opted_out': 'Der persönlichen Unterstützung widersprochen',
  'admin.insights.opted_in': 'Wieder zugestimmt',
  'admin.insights.gpc': 'Global-Privacy-Control-Signal erfasst',
  'admin.insights.own': '{what}, durch den Kunden selbst (Datenschutzseite, Pausenlink, Browser)',
  'admin.insights.relayed': '{what}, für den Kunden übermittelt (Agent, Helpdesk)',
  'admin.insights.flagsNote':
    'Änderungen, die Kunden selbst vorgenommen haben, sind die Zeilen „durch den Kunden selbst“. Eine Zählung all ' +
    'ihrer eigenen Änderungen einschließlich der Einwilligungen fehlt: Sie würde Zellen dieser Tabellen addieren, ' +
    'und eine Summe über Zeilen verrät eine verborgene Zelle.',
  'admin.insights.requests': 'Datenschutzanfragen',
  'admin.insights.erasures': 'Löschungen aller Daten eines Kunden',
  'admin.insights.erasuresInTime': 'Löschungen innerhalb eines Monats nach der Anfrage',
  'admin.insights.requestsNote':
    'Eine Löschung wird in der Anfrage ausgeführt, die sie verlangt; Candor hält deshalb einen Zeitpunkt für ' +
    'beide fest, und jede gezählte Löschung hielt den einen Monat der DSGVO ein. Exporte („meine Daten ' +
    'herunterladen“) werden sofort geliefert und nicht erfasst, daher nicht gezählt.',
  'admin.insights.modelCalls': 'Modellaufrufe',
  'admin.insights.modelCallRow': 'Von einem Modell erbetene Vorschläge',
  'admin.insights.auditEntries': 'Protokolleinträge',
  'admin.insights.suggestions': 'Was Agenten mit Vorschlägen taten',
  'admin.insights.outcome.inserted': 'Eingefügt',
  'admin.insights.outcome.copied': 'Kopiert',
  'admin.insights.outcome.edited': 'Bearbeitet, dann eingefügt',
  'admin.insights.outcome.dismissed': 'Verworfen',
  'admin.insights.outcome.rated_up': 'Als gut bewertet',
  'admin.insights.outcome.rated_down': 'Als nicht gut bewertet',
  'admin.insights.outcomeRecords': 'Festgehaltene Ergebnisse von Vorschlägen',
  'admin.insights.startNote':
    '{what} liegen ab dem {day} vor; die Aufbewahrung entfernt ältere als {setting}, daher zählen die Zeiträume ' +
    'davor nur, was übrig ist.',
  'admin.outcomes.insertedShort': 'Eingefügt',
  'admin.outcomes.editedShort': 'Bearbeitet',
  'admin.articles.refused':
    'Diese Seite ist für Teamleitungen und Administratoren: Mit einem Agenten-Token lässt sie sich nicht öffnen.',
  'admin.articles.help':
    'Wie oft Vorschläge jeden Hilfe-Center-Artikel zitiert haben und was Agenten mit diesen Vorschlägen taten, ' +
    'die meistzitierten zuerst. Ein in mehreren Versionen zitierter Artikel hat darunter eine Zeile je Version. ' +
    'Ein aus dem Hilfe-Center zurückgezogener Artikel behält seine Zahlen.',
  'admin.articles.caption': 'Von Vorschlägen zitierte Artikel',
  'admin.articles.article': 'Artikel',
  'admin.articles.shownTo': 'Sichtbar für',
  'admin.articles.citedColumn': 'Zitiert',
  'admin.articles.versions': 'Zitierte Versionen',
  'admin.articles.times': { one: '{n}-mal', other: '{n}-mal' },
  'admin.articles.retired': 'Aus dem Hilfe-Center zurückgezogen',
  'admin.articles.internal': 'Intern: nur Agenten',
  'admin.articles.public': 'Öffentlich',
  'admin.articles.retiredTitle': 'Ein zurückgezogener Artikel ({id})',
  'admin.articles.versionOf': 'Version vom {date}',
  'admin.articles.cited': {
    one: '{n} Artikel zitiert, insgesamt {times}.',
    other: '{n} Artikel zitiert, insgesamt {times}.',
  },
  'admin.articles.none': 'Noch kein Vorschlag hat einen Artikel zitiert.',
  'admin.adapters.refused':
    'Diese Seite ist für Teamleitungen und Administratoren: Mit einem Agenten-Token lässt sich die Adapterseite ' +
    'nicht öffnen.',
  'admin.adapters.help':
    'Wenn ein Helpdesk seine Seiten ändert, findet Candors Adapter dafür die anfragende Person, die Unterhaltung ' +
    'oder das Antwortfeld nicht mehr. Der Seitenbereich jedes Agenten sagt das dann und zählt den Fehlgriff hier ' +
    '(welcher Adapter, welches Feld, wann; nichts von der Seite), sodass ein kaputter Adapter am Tag seines ' +
    'Ausfalls auffällt. Gezählt wird je Tag nach der Serveruhr (UTC).',
  'admin.adapters.title': 'Wie es den Adaptern geht',
  'admin.adapters.refresh': 'Aktualisieren',
  'admin.adapters.once': 'einmal',
  'admin.adapters.times': '{n}-mal',
  'admin.adapters.adapter': 'Adapter',
  'admin.adapters.notFound': 'Nicht gefunden',
  'admin.adapters.lastMissing': 'Zuletzt vermisst',
  'admin.adapters.today': 'Heute',
  'admin.adapters.week': 'Letzte 7 Tage',
  'admin.adapters.field.requester': 'die E-Mail-Adresse der anfragenden Person',
  'admin.adapters.field.conversation': 'die Unterhaltung',
  'admin.adapters.field.replyBox': 'das Antwortfeld',
  'admin.adapters.notToday': 'heute nicht',
  'admin.adapters.notThisWeek': 'nicht in den letzten 7 Tagen',
  'admin.adapters.caption': 'Felder, die ein Adapter nicht fand, neueste zuerst',
  'admin.adapters.lost': {
    one:
      '{names} fand in den letzten 7 Tagen auf einigen Seiten nicht, was er sucht: Der Helpdesk hat womöglich seine ' +
      'Seiten geändert. Prüfen Sie die Selektoren in {dir} an einer echten Seite.',
    other:
      '{names} fanden in den letzten 7 Tagen auf einigen Seiten nicht, was sie suchen: Der Helpdesk hat womöglich ' +
      'seine Seiten geändert. Prüfen Sie die Selektoren in {dir} an einer echten Seite.',
  },
  'admin.adapters.allWell':
    'Alles in Ordnung: Jeder Helpdesk-Adapter fand die anfragende Person, die Unterhaltung und das Antwortfeld ' +
    'auf jeder Ticketseite, die Agenten in den letzten 7 Tagen geöffnet haben.',
  'admin.adapters.fine': 'Keine Fehlgriffe in den letzten 7 Tagen: {names}.',
  'time.days': { one: '{n} Tag', other: '{n} Tage' },
  'time.hours': { one: '{n} Stunde', other: '{n} Stunden' },
  'time.minutes': { one: '{n} Minute', other: '{n} Minuten' },
  'time.lessThanMinute': 'weniger als eine Minute',
  'time.left': 'noch {time}',
  'time.overdue': 'seit {time} überfällig',
  'admin.breach.refused':
    'Diese Seite ist für die Datenschutzbeauftragten und Administratoren: Mit einem Token als Agent oder ' +
    'Teamleitung lässt sich kein Datenpannen-Bericht erstellen.',
  'admin.breach.askTitle': 'Welcher Zugang wurde kompromittiert?',
  'admin.breach.help':
    'Candor durchsucht sein Prüfprotokoll nach den Kunden, deren Angaben diesem Token oder Handelnden im Zeitraum ' +
    'gezeigt oder an ein Modell gesendet wurden (auch bei einem widerrufenen Token). Der Bericht setzt die 72 ' +
    'Stunden in Gang, die die DSGVO für die Meldung an die Aufsichtsbehörde gibt, wird selbst im Prüfprotokoll ' +
    'festgehalten und versendet nichts.',
  'admin.breach.tokenId': 'Token-ID',
  'admin.breach.tokenExample': 'z. B. tok_6dd534b9ae89',
  'admin.breach.actor': 'oder Handelnder, wie das Prüfprotokoll ihn nennt',
  'admin.breach.actorExample': 'z. B. agent:tok_6dd534b9ae89',
  'admin.breach.until': 'Bis (Ihre Ortszeit; leer: jetzt)',
  'admin.breach.make': 'Bericht erstellen',
  'admin.breach.report': 'Bericht',
  'admin.breach.affected': 'Betroffene Kunden',
  'admin.breach.notices': 'Entwürfe der Benachrichtigungen',
  'admin.breach.actorField': 'Handelnder',
  'admin.breach.fromField': 'Von',
  'admin.breach.untilField': 'Bis',
  'admin.breach.customers': { one: '{n} Kunde.', other: '{n} Kunden.' },
  'admin.breach.customersErased': {
    one: '{n} Kunde, davon {erased} gelöscht.',
    other: '{n} Kunden, davon {erased} gelöscht.',
  },
  'admin.breach.noCustomers': 'Keine: Diesem Zugang wurden im Zeitraum keine Kundenangaben gezeigt.',
  'admin.breach.drafts': {
    one: '{n} Entwurf zur Durchsicht: Candor versendet nichts.',
    other: '{n} Entwürfe zur Durchsicht: Candor versendet nichts.',
  },
  'admin.breach.erasedNoNotice': 'Gelöschte Kunden erhalten keinen: Weder Name noch Adresse sind gespeichert.',
  'admin.breach.noTemplate':
    'Es ist keine Vorlage für Datenpannen-Benachrichtigungen veröffentlicht, daher wurden keine Entwürfe erstellt.',
  'admin.breach.facts': { one: '{n} Angabe', other: '{n} Angaben' },
  'admin.breach.shown': { one: '{n}-mal gezeigt', other: '{n}-mal gezeigt' },
  'admin.breach.sent': { one: '{n}-mal an ein Modell gesendet', other: '{n}-mal an ein Modell gesendet' },
  'admin.breach.revoked': 'widerrufen am {at}',
  'admin.breach.access': 'Zugang: {actor}.',
  'admin.breach.accessWho': 'Zugang: {actor} ({who}).',
  'admin.breach.window': 'Durchsuchter Zeitraum: {from} bis {until}.',
  'admin.breach.logStarts':
    'Das Prüfprotokoll beginnt am {at}: Ältere Einträge wurden nach Ablauf der Aufbewahrungsfrist entfernt, davor ' +
    'wird also nichts gezählt.',
  'admin.breach.notifyBy': 'Melden Sie es der Aufsichtsbehörde bis {at}',
  'admin.breach.deadline': '({left}): 72 Stunden ab diesem Bericht, erstellt am {at}.',
  'admin.breach.recorded': 'Im Prüfprotokoll als Eintrag {seq} festgehalten.',
  'admin.breach.erasedCustomer': 'Gelöschter Kunde',
  'admin.breach.countsOnly': '({id}): nur Zählungen, sonst ist nichts gespeichert',
  'admin.breach.customer': 'Kunde',
  'admin.breach.given': 'Was er erhielt',
  'admin.breach.first': 'Zuerst',
  'admin.breach.last': 'Zuletzt',
  'admin.breach.to': 'An {name} ({id})',
  'admin.actor.token': '{name}, {role}',
  'admin.actor.agent': 'Agent',
  'admin.actor.lead': 'Teamleitung',
  'admin.actor.admin': 'Administrator',
  'admin.actor.privacy': 'Datenschutzbeauftragte(r)',
  'admin.actor.customer': 'die Kundin oder der Kunde, auf der Datenschutzseite',
  'admin.actor.portalVisitor': 'eine Besucherin oder ein Besucher der Datenschutzseite',
  'admin.actor.system': 'Candor',
  'admin.actor.cli': 'die Kommandozeile',
  'admin.coach.refused':
    'Diese Seite ist für Teamleitungen und Administratoren: Mit einem Agenten-Token lassen sich die Zahlen des ' +
    'Antwort-Coachs nicht öffnen.',
  'admin.coach.help':
    'Wie oft „Antwort prüfen“ eine Antwort vor dem Senden markiert hat und wie oft Agenten einer Markierung gefolgt ' +
    'sind (die Umformulierung genutzt oder den Satz gestrichen haben) oder sie übergangen haben, je Agententeam. ' +
    'Teams werden Tokens zugeordnet',
  'admin.coach.helpTeams':
    '; Tokens ohne Team zählen als „Kein Team“. Kein Agent wird genannt: Eine Zahl von weniger Agenten als der ' +
    'Schwellenwert lautet',
  'admin.coach.helpAfter':
    ', ebenso eine zweite Zahl derselben Zählart, damit sich die erste nicht aus „Alle Arten“ errechnen lässt.',
  'admin.coach.period': 'Zeitraum',
  'admin.coach.days7': 'Letzte 7 Tage',
  'admin.coach.days30': 'Letzte 30 Tage',
  'admin.coach.days90': 'Letzte 90 Tage',
  'admin.coach.all': 'Alles, was gezählt wurde',
  'admin.coach.noTeam': 'Kein Team',
  'admin.coach.caption': '{team} · durchgeführte Antwortprüfungen: {checks}',
  'admin.coach.kind': 'Art der Markierung',
  'admin.coach.flagged': 'Markierungen',
  'admin.coach.followed': 'Befolgt',
  'admin.coach.ignored': 'Übergangen',
  'admin.coach.allKinds': 'Alle Arten',
  'admin.coach.kind.undisclosed_fact': 'Nutzt Kundendaten, ohne zu sagen, woher sie stammen',
  'admin.coach.kind.withheld_value': 'Enthält Daten, die der Kunde nicht erlaubt hat',
  'admin.coach.kind.raw_identifier': 'Enthält eine vollständige Karten- oder Ausweisnummer',
  'admin.coach.range': '{from} bis {until}',
  'admin.coach.upTo': 'alles bis {until} Gezählte',
  'admin.coach.status': '{when} (Tage in UTC); keine Zahl von weniger als {k} Agenten wird gezeigt.',
  'admin.coach.none': 'Im Zeitraum {when} wurde keine Antwort geprüft.',
  'admin.taught.refused':
    'Diese Seite ist für Administratoren (und Teamleitungen zum Ansehen): Mit einem Agenten-Token lässt sie sich ' +
    'nicht öffnen.',
  'admin.taught.signIn':
    'Agenten bringen Candor Helpdesk-Seiten bei, für die es keinen Adapter hat; ein Administrator gibt hier einen ' +
    'für das ganze Team frei oder setzt eine Website auf eine frühere Version zurück. Teamleitungen dürfen zusehen. ' +
    'Geben Sie Ihr Token als Administrator oder Teamleitung ein.',
  'admin.taught.help':
    'Candor speichert nur Selektoren (wo etwas auf einer Seite steht) und wer sie wann beigebracht und freigegeben ' +
    'hat, nie, was die Seiten zeigen. Ein angelernter Adapter wird erst freigegeben, wenn interne Notizen ' +
    'ausgeschlossen sind: Die lehrende Person hat markiert, wie eine Notiz aussieht, oder festgehalten, dass der ' +
    'Helpdesk auf der Ticketseite keine zeigt.',
  'admin.taught.itself': 'das Element selbst',
  'admin.taught.id': 'der ID „{id}“',
  'admin.taught.class': 'der Klasse „{name}“',
  'admin.taught.attrIs': '{attr} = „{value}“',
  'admin.taught.attr': 'einem Attribut {attr}',
  'admin.taught.nth': 'Nummer {n} seiner Art',
  'admin.taught.elementA': 'ein {tag}-Element',
  'admin.taught.elementAn': 'ein {tag}-Element',
  'admin.taught.element': 'ein Element',
  'admin.taught.with': '{what} mit {parts}',
  'admin.taught.directlyInside': 'direkt in {what}',
  'admin.taught.inside': 'in {what}',
  'admin.taught.attributeRead': '{selects}; sein Attribut {attr} wird gelesen',
  'admin.taught.noNotes':
    'keine: Die lehrende Person hat festgehalten, dass dieser Helpdesk auf der Ticketseite keine internen Notizen ' +
    'zeigt',
  'admin.taught.notMarked': 'nicht markiert: Die Freigabe wird verweigert, bis interne Notizen ausgeschlossen sind',
  'admin.taught.notTaught': 'nicht beigebracht',
  'admin.taught.fieldColumn': 'Feld',
  'admin.taught.selector': 'Selektor',
  'admin.taught.selects': 'Wählt aus',
  'admin.taught.live': 'Live: Version {version} („{name}“), freigegeben von {by} am {at}.',
  'admin.taught.liveRestoring':
    'Live: Version {version} („{name}“), freigegeben von {by} am {at}, stellt Version {from} wieder her.',
  'admin.taught.noVersion': 'Noch keine Version freigegeben: Die Seitenbereiche nutzen hier nur ihre eigenen Entwürfe.',
  'admin.taught.draft': 'Entwurf {id}: „{name}“, beigebracht von {by} am {at}',
  'admin.taught.approve': 'Entwurf {id} für das Team freigeben',
  'admin.taught.approved': 'Entwurf {id} für {site} freigegeben.',
  'admin.taught.willRefuse': 'Interne Notizen sind nicht ausgeschlossen: Der Server wird ihn ablehnen.',
  'admin.taught.version': 'Version {version}: aus Entwurf {draft}, beigebracht von {by}',
  'admin.taught.versionLive': 'Version {version} (live): aus Entwurf {draft}, beigebracht von {by}',
  'admin.taught.rollBack': '{site} auf Version {version} zurücksetzen',
  'admin.taught.rolledBack': '{site} zurückgesetzt: Eine neue Version stellt Version {version} wieder her.',
  'admin.taught.sites': { one: '{n} Website angelernt.', other: '{n} Websites angelernt.' },
  'admin.taught.noSites': 'Noch keinem Helpdesk wurde etwas beigebracht.',
  'admin.taught.field.app': 'die Helpdesk-Seite',
  'admin.taught.field.ticket': 'das offene Ticket (alles andere wird darin gelesen)',
  'admin.taught.field.ticketId': 'die Ticketnummer',
  'admin.taught.field.subject': 'der Betreff',
  'admin.taught.field.requesterEmail': 'die E-Mail-Adresse der anfragenden Person',
  'admin.taught.field.requesterName': 'der Name der anfragenden Person',
  'admin.taught.field.message': 'jede Nachricht der Unterhaltung',
  'admin.taught.field.messageText': 'der Text einer Nachricht, darin',
  'admin.taught.field.fromCustomer': 'woran eine Nachricht des Kunden zu erkennen ist',
  'admin.taught.field.notConversation':
    'woran eine interne Notiz zu erkennen ist (aus der Unterhaltung ausgeschlossen)',
  'admin.taught.field.editor': 'das Antwortfeld',
  'admin.requests.refused':
    'Diese Seite ist für Teamleitungen, Administratoren und die Datenschutzbeauftragten: Mit einem Agenten-Token ' +
    'lässt sie sich nicht öffnen.',
  'admin.requests.help':
    'Anfragen, die Kunden in Tickets gestellt haben (Auskunft, Löschung, Berichtigung, Widerspruch), die am ' +
    'frühesten fälligen zuerst. Eine Anfrage ist erfüllt, wenn der Kunde sie im Datenschutzportal selbst ausführt; ' +
    'Candor löscht oder exportiert nie auf das Wort eines Agenten hin. Eine Ablehnung braucht die Begründung, die ' +
    'dem Kunden mitgeteilt wird. Eine Berichtigung listet die Angaben, die der Kunde im Portal als falsch gemeldet ' +
    'hat: Ein Administrator berichtigt, entfernt oder belässt jede (mit der Begründung für den Kunden), und die ' +
    'Anfrage ist erfüllt, sobald die letzte beantwortet ist.',
  'admin.requests.status': 'Status',
  'admin.requests.anyStatus': 'beliebig',
  'admin.requests.overdueOnly': 'Nur überfällige',
  'admin.requests.show': 'Anzeigen',
  'admin.requests.caption': 'Datenschutzanfragen nach Fälligkeit',
  'admin.requests.due': 'Fällig',
  'admin.requests.request': 'Anfrage',
  'admin.requests.received': 'Eingegangen',
  'admin.requests.ticket': 'Ticket',
  'admin.requests.customer': 'Kunde',
  'admin.requests.outcome': 'Ergebnis',
  'admin.requests.count': { one: '{n} Anfrage, {open} offen.', other: '{n} Anfragen, {open} offen.' },
  'admin.requests.none': 'Keine Datenschutzanfrage entspricht dem Filter.',
  'admin.requests.kind.access': 'Auskunft',
  'admin.requests.kind.erasure': 'Löschung',
  'admin.requests.kind.rectification': 'Berichtigung',
  'admin.requests.kind.opt_out': 'Widerspruch',
  'admin.requests.asked.access': 'Der Kunde möchte seine Daten einsehen oder eine Kopie erhalten',
  'admin.requests.asked.erasure': 'Der Kunde bittet um die Löschung seiner Daten',
  'admin.requests.asked.rectification': 'Der Kunde meldet falsche Angaben und bittet um ihre Berichtigung',
  'admin.requests.asked.opt_out': 'Der Kunde widerspricht der Nutzung seiner Daten für Personalisierung oder Werbung',
  'admin.requests.what': '{kind} ({lang}): {asked}',
  'admin.requests.state.open': 'Offen',
  'admin.requests.state.fulfilled': 'Erfüllt',
  'admin.requests.state.refused': 'Abgelehnt',
  'admin.requests.closedOn': '{state} am {at}',
  'admin.requests.ticketErased': 'mit dem Kunden gelöscht',
  'admin.requests.noTicket': 'keines: im Portal gestellt',
  'admin.requests.reason': 'Begründung für den Kunden',
  'admin.requests.refuseOpen': 'Ablehnen…',
  'admin.requests.refuse': 'Ablehnen',
  'admin.requests.adminOnly':
    'Nur ein Administrator kann die vom Kunden gemeldeten Angaben sehen und beantworten: Ihre Werte sind ihm vorbehalten.',
  'admin.flags.list': 'Vom Kunden als falsch gemeldete Angaben ({n}):',
  'admin.flags.wrong': 'Was falsch ist, in den Worten des Kunden: {text}',
  'admin.flags.shouldSay': 'Was dort stehen sollte: {text}',
  'admin.flags.noNote': 'Der Kunde hat keinen Hinweis hinterlassen.',
  'admin.flags.factErased': 'Diese Angabe wurde gelöscht.',
  'admin.flags.flaggedOn': 'Gemeldet am {at}',
  'admin.flags.ended.corrected': 'Berichtigt am {at}.',
  'admin.flags.ended.removed': 'Entfernt am {at}.',
  'admin.flags.ended.kept': 'Am {at} unverändert gelassen: {reason}',
  'admin.flags.closedWithErasure': 'Mit der Löschung des Kunden am {at} geschlossen.',
  'admin.flags.correctOpen': 'Berichtigen…',
  'admin.flags.correctLabel': 'Die Angabe soll lauten',
  'admin.flags.correct': 'Berichtigung speichern',
  'admin.flags.removeOpen': 'Entfernen…',
  'admin.flags.removeHelp': 'Damit wird die Angabe endgültig gelöscht, als hätte der Kunde sie selbst gelöscht.',
  'admin.flags.remove': 'Angabe entfernen',
  'admin.flags.keepOpen': 'Unverändert lassen…',
  'admin.flags.keep': 'Unverändert lassen',
};
