/** The server pages' words in French, formal address. */
import type { Catalogue } from './catalogue.js';

export const fr: Catalogue = {
  'change.granted': 'accordé',
  'change.denied': 'refusé',
  'change.withdrawn': 'retiré',
  'change.opted_out': 'opposition',
  'change.opted_in': 'opposition levée',
  'change.gpc': 'signal Global Privacy Control',

  'state.active': 'Autorisé',
  'state.withdrawn': 'Retiré',
  'state.expired': 'Expiré',
  'state.denied': 'Non autorisé',
  'consent.active': '{state} depuis le {at}',
  'consent.withdrawn': '{state} le {at}',
  'consent.expired': '{state} le {at}',
  'consent.denied': '{state} (vous avez refusé le {at})',
  'consent.given': '{state}. Donné par : {source}.',
  'consent.ends': 'Prend fin le {at}.',
  'consent.withdraw': 'Retirer ce consentement',
  'consent.grant': 'L’autoriser de nouveau',
  'consent.receipt': 'Reçu de cette modification (JSON)',
  'fact.from': 'Source : {source}, enregistré le {at}.',

  'portal.title': 'Vos données · {controller}',
  'portal.heading': 'Vos données chez {controller}',
  'portal.lead':
    'Bonjour {name}, cette page montre tout ce que nous détenons à votre sujet, ce que nos conseillers peuvent voir, ' +
    'et pourquoi. C’est vous qui décidez.',
  'gpc.now': 'Votre navigateur a envoyé un signal Global Privacy Control.',
  'gpc.before': 'Nous avons enregistré un signal Global Privacy Control de votre navigateur.',
  'gpc.means': 'Nous le traitons comme une demande de ne pas utiliser vos données : nos conseillers n’en voient rien.',
  'optout.title': 'Assistance personnalisée',
  'optout.paused':
    'L’assistance personnalisée est suspendue : nous n’utilisons pas vos données pour personnaliser l’assistance.',
  'optout.on': 'Nos conseillers peuvent utiliser les données autorisées ci-dessous pour vous aider plus vite.',
  'optout.since': 'Suspendue depuis le {at}.',
  'optout.resume': 'Reprendre l’assistance personnalisée',
  'optout.pause': 'Ne pas utiliser mes données pour personnaliser l’assistance',
  'consents.title': 'Vos consentements',
  'consents.none': 'Vous n’avez donné aucun consentement.',
  'facts.title': 'Ce que nous détenons à votre sujet',
  'facts.count': {
    one: '{n} élément ; nos conseillers peuvent en voir {seen}.',
    other: '{n} éléments ; nos conseillers peuvent en voir {seen}.',
  },
  'facts.erased': {
    one: '{n} élément a été effacé à votre demande.',
    other: '{n} éléments ont été effacés à votre demande.',
  },
  'receipt.pause': 'Ne pas utiliser mes données pour personnaliser l’assistance',
  'receipt.resume': 'Utiliser de nouveau vos données pour personnaliser l’assistance',
  'receipts.title': 'Reçus de consentement',
  'receipts.lead': 'Un reçu pour chaque modification de vos consentements, au format Kantara Consent Receipt.',
  'data.title': 'Votre copie, ou l’effacement',
  'data.download': 'Télécharger mes données (JSON)',
  'data.erase': 'Effacer mes données…',
  'portal.signOut': 'Se déconnecter',

  'flash.withdrawn': 'C’est fait : ce consentement est retiré. Nos conseillers ne voient plus ce qu’il autorisait.',
  'flash.granted': 'C’est fait : ce consentement est de nouveau donné.',
  'flash.opted_out': 'C’est fait : nous n’utilisons plus vos données pour personnaliser l’assistance.',
  'flash.opted_in': 'C’est fait : nos conseillers peuvent de nouveau utiliser les données autorisées.',
  'flash.flagged': 'Merci : nous allons vérifier, puis corriger ou supprimer cette donnée.',
  'flash.unflagged': 'C’est fait : vous avez retiré votre signalement.',
  'flag.open': 'C’est inexact',
  'flag.wrong': 'Qu’est-ce qui est inexact ? (facultatif)',
  'flag.shouldSay': 'Que devrait-il y avoir ? (facultatif)',
  'flag.send': 'Nous le signaler',
  'flag.flaggedOn': 'Vous nous avez signalé le {at} que c’est inexact.',
  'flag.withdraw': 'Je me suis trompé : retirer ce signalement',
  'flag.corrected': 'Nous avons corrigé cette donnée le {at}, comme vous l’avez demandé.',
  'flag.kept': 'Nous avons vérifié cette donnée et l’avons conservée telle quelle le {at} : {reason}',
  'flag.removed': 'Le {at}, nous avons supprimé une donnée ({category}) que vous nous aviez signalée comme inexacte.',

  'erase.title': 'Effacer mes données',
  'erase.lead':
    'Cela supprime ce que nous détenons à votre sujet : {items}, votre nom et votre adresse e-mail, les textes des ' +
    'suggestions d’assistance vous concernant et les enregistrements de vos échanges avec l’assistance. ' +
    'C’est irréversible.',
  'erase.items': { one: '{n} élément de données', other: '{n} éléments de données' },
  'erase.stays':
    'Ce qui reste : la trace de vos consentements ({consents}) et de cet effacement, car nous devons pouvoir montrer ' +
    'ce que vous avez autorisé et que nous avons effacé vos données. Ces traces ne contiennent aucune donnée vous ' +
    'concernant, hormis un numéro interne.',
  'erase.consents': { one: '{n} consentement', other: '{n} consentements' },
  'erase.confirm': 'Je comprends que mes données seront effacées et ne pourront pas être récupérées.',
  'erase.button': 'Effacer mes données',
  'erase.keep': 'Conserver mes données',
  'erase.done.title': 'Vos données ont été effacées',
  'erase.done.text':
    'Nous avons effacé vos données le {at}. Il reste la trace de vos consentements et de l’effacement.',

  'start.title': 'Votre page de confidentialité · {controller}',
  'start.heading': 'Votre page de confidentialité',
  'start.lead':
    'Consultez ce que {controller} détient à votre sujet, téléchargez-le, modifiez vos consentements ou faites-le ' +
    'effacer. Saisissez l’adresse e-mail sous laquelle nous vous connaissons : nous y enverrons un lien qui ouvre ' +
    'cette page une seule fois.',
  'start.email': 'Votre adresse e-mail',
  'start.button': 'M’envoyer un lien par e-mail',
  'start.ended':
    'Cette page s’ouvre par un lien que nous vous envoyons par e-mail, et votre visite est terminée (ou n’a pas ' +
    'commencé).',
  'sent.title': 'Consultez votre boîte de réception',
  'sent.text':
    'Si {controller} détient des données liées à cette adresse, nous y avons envoyé un lien vers votre page de ' +
    'confidentialité. Le lien fonctionne une fois, pendant quelques minutes. Rien reçu ? Vérifiez l’adresse ou vos ' +
    'courriers indésirables, puis redemandez-le.',
  'used.title': 'Ce lien a déjà été utilisé',
  'used.lead':
    'Chaque lien ouvre votre page de confidentialité une seule fois. Si ce n’est pas vous qui l’avez ouvert, ' +
    'écrivez à {controller} à l’adresse {email} afin qu’ils puissent vérifier.',
  'link.again': 'Demander un nouveau lien',
  'link.tampered.title': 'Ce lien ne fonctionne pas',
  'link.tampered.text':
    'Le lien est incomplet ou a été modifié. Veuillez utiliser le lien complet que vous avez reçu, ou en demander ' +
    'un nouveau.',
  'link.unknown.text': 'Nous n’avons aucune trace de ce lien. Veuillez en demander un nouveau.',
  'link.expired.title': 'Ce lien a expiré',
  'link.expired.text':
    'Les liens vers cette page ne fonctionnent que quelques minutes, et celui-ci a expiré le {at}. Veuillez en ' +
    'demander un nouveau.',
  'receipt.none.title': 'Reçu introuvable',
  'receipt.none.text': 'Aucun de vos reçus ne porte ce numéro.',
  'signedOut.title': 'Déconnecté',
  'signedOut.text': 'Vous avez quitté la page sur vos données. Demandez un nouveau lien pour y revenir.',
  'failed.title': 'Cela n’a pas fonctionné',

  'pause.privacyPage': 'votre page de confidentialité',
  'pause.seeMore': 'Pour voir ce que nous détenons à votre sujet, ou pour changer d’avis plus tard, ouvrez {link}.',
  'pause.title': 'Suspendre l’assistance personnalisée',
  'pause.lead':
    'Si vous la suspendez, notre équipe d’assistance n’utilise plus ce que nous savons de vous pour vous aider : ' +
    'elle ne voit plus vos commandes, vos coordonnées ni rien d’autre vous concernant, et les réponses que nous lui ' +
    'suggérons ne s’en servent pas.',
  'pause.text':
    'Rien n’est supprimé et vous êtes toujours aidé ; il faudra peut-être nous redire l’objet de votre question. ' +
    'Vous pouvez la réactiver à tout moment sur votre page de confidentialité.',
  'paused.title': 'L’assistance personnalisée est suspendue',
  'paused.lead':
    'Depuis le {at}, notre équipe d’assistance n’utilise plus ce que nous détenons à votre sujet pour vous aider.',
  'pause.expired.text': {
    one: 'Les liens pour suspendre l’assistance personnalisée sont valables {n} jour.',
    other: 'Les liens pour suspendre l’assistance personnalisée sont valables {n} jours.',
  },
  'pause.tampered.text': 'Le lien est incomplet ou a été modifié. Veuillez utiliser le lien complet de notre message.',
  'pause.instead': 'Vous pouvez plutôt suspendre l’assistance personnalisée sur {link}.',

  'role.processor': 'Travaille pour nous, uniquement sur nos instructions (sous-traitant)',
  'role.controller': 'Décide lui-même de l’usage de vos données (responsable de traitement distinct)',
  'role.joint': 'Décide avec nous de l’usage de vos données (responsable conjoint)',
  'recipients.title': 'À qui vont vos données',
  'recipients.intro': {
    one:
      'Pour vous aider, {controller} partage vos données avec {n} autre entreprise ou service : qui c’est, ce ' +
      'qu’il en fait, où, et notre accord avec lui.',
    other:
      'Pour vous aider, {controller} partage vos données avec {n} autres entreprises et services : qui ils sont, ' +
      'ce qu’ils en font, où, et notre accord avec chacun.',
  },
  'recipients.none': '{controller} n’indique aucun destinataire externe de vos données pour l’assistance.',
  'recipient.role': 'Son rôle',
  'recipient.purpose': 'Ce qu’il en fait',
  'recipient.where': 'Où',
  'recipient.agreement': 'Accord',
  'recipient.agreementWith': 'Notre accord avec {name}',
  'recipient.ask': 'Pas encore précisé ; écrivez-nous à {email}',
  'sent.none': 'Aucun de vos tickets d’assistance ne lui a été envoyé.',
  'sent.lead': 'Vos tickets d’assistance dont le texte lui a été envoyé, vos données personnelles masquées :',
  'sent.more': {
    one: 'Et {n} ticket plus ancien : votre téléchargement le contient.',
    other: 'Et {n} tickets plus anciens : votre téléchargement les contient tous.',
  },
  'ticket.erased': 'Tickets sans nom (leurs détails ont été effacés à votre demande)',
  'ticket.named': 'Ticket {id}',
  'ticket.conversation': 'l’échange',
  'ticket.conversationAnd': 'l’échange et vos {categories}',
  'ticket.once': '{which} : {what}, le {at}.',
  'ticket.times': '{which} : {what}, {n} fois, du {first} au {latest}.',

  'purpose.support': 'vous aider dans vos demandes d’assistance',
  'purpose.essential': 'faire fonctionner notre service, y compris vous aider dans vos demandes d’assistance',
  'purpose.marketing': 'vous envoyer de la publicité et vous montrer des offres',
  'purpose.personalize': 'personnaliser ce que nous vous montrons',
  'purpose.analytics': 'analyser l’utilisation de notre service',
  'purpose.other': 'pour « {purpose} »',
  'consent.allows': 'Utiliser vos {categories} pour {purpose}',
  'why.allowed': 'Nos conseillers peuvent le voir, car vous l’avez autorisé le {day} ({source}).',
  'why.no_consent': 'Invisible pour nos conseillers : vous n’avez pas autorisé son usage pour l’assistance.',
  'why.withdrawn': 'Invisible pour nos conseillers : vous avez retiré le consentement qui l’autorisait.',
  'why.expired': 'Invisible pour nos conseillers : le consentement qui l’autorisait a expiré.',
  'why.needs_explicit_consent':
    'Invisible pour nos conseillers : c’est une donnée sensible, que seul un consentement donné pour exactement ce ' +
    'type de données autoriserait.',
  'why.never_shown': 'Jamais visible pour nos conseillers : c’est un identifiant ou un élément de sécurité.',
  'why.opted_out':
    'Invisible pour nos conseillers : vous nous avez demandé de ne pas utiliser vos données pour personnaliser ' +
    'l’assistance.',

  'by.gpc': 'Par votre navigateur (un signal Global Privacy Control)',
  'by.pauseLink': 'Par vous, avec le lien de suspension d’un de nos messages',
  'by.portal': 'Par vous, sur votre page de confidentialité',
  'by.agentTicket': 'Par notre équipe d’assistance, d’après vos propos dans le ticket {ticket}',
  'by.agent': 'Par notre équipe d’assistance, d’après ce que vous lui avez dit',
  'by.admin': 'Par nous, en votre nom',
  'by.import': 'Repris de {system}',
  'by.importUnknown': 'Repris d’un autre système',
  'by.system': 'Par Candor lui-même',

  'admin.nav.label': 'Pages des chefs d’équipe',
  'admin.nav.prompts': 'Modèles',
  'admin.nav.audit': 'Journal d’audit',
  'admin.nav.adapters': 'Adaptateurs de helpdesk',
  'admin.nav.taught': 'Adaptateurs appris',
  'admin.nav.insights': 'Statistiques',
  'admin.nav.coach': 'Coach de réponses',
  'admin.nav.breach': 'Rapport de violation',
  'admin.nav.requests': 'Demandes RGPD',
  'admin.nav.articles': 'Articles du centre d’aide',
  'admin.notBuilt':
    'La page « {page} » n’est pas encore construite : lancez `{command}` (npm start le fait pour vous).',
  'admin.serverAnswered': 'Le serveur a répondu {status}.',
  'admin.signIn.title': 'Se connecter',
  'admin.signIn.forLeads': 'Cette page est réservée aux chefs d’équipe.',
  'admin.signIn.forLeadsAdmins': 'Cette page est réservée aux chefs d’équipe et aux administrateurs.',
  'admin.signIn.forPrivacy': 'Cette page est réservée au délégué à la protection des données et aux administrateurs.',
  'admin.signIn.forAll':
    'Cette page est réservée aux chefs d’équipe, aux administrateurs et au délégué à la protection des données.',
  'admin.signIn.enterLead': 'Saisissez votre jeton de chef d’équipe ou d’administrateur',
  'admin.signIn.enterPrivacy': 'Saisissez votre jeton de délégué à la protection des données ou d’administrateur',
  'admin.signIn.enterAny':
    'Saisissez votre jeton de chef d’équipe, d’administrateur ou de délégué à la protection des données',
  'admin.signIn.token': 'Jeton',
  'admin.signIn.refused': 'Ce jeton a été refusé (inconnu ou révoqué).',
  'admin.signIn.as': 'Connecté en tant que {role} ({token}).',
  'admin.signIn.out': 'Se déconnecter',
  'admin.role.agent': 'conseiller',
  'admin.role.lead': 'chef d’équipe',
  'admin.role.admin': 'administrateur',
  'admin.role.privacy': 'délégué à la protection des données',
  'admin.prompts.refused':
    'Cette page est réservée aux chefs d’équipe : un jeton de conseiller ne peut pas modifier les modèles.',
  'admin.prompts.recorded': 'Sessions enregistrées',
  'admin.prompts.record': 'Enregistrer les sessions traitées dans le panneau latéral (pseudonymisées)',
  'admin.prompts.recordingOn':
    'L’enregistrement est activé : chaque ticket qu’un conseiller ouvre dans le panneau latéral devient un ' +
    'fichier de session.',
  'admin.prompts.recordingOff': 'L’enregistrement est désactivé.',
  'admin.prompts.recording': { one: '{title} · {n} message du client', other: '{title} · {n} messages du client' },
  'admin.prompts.addToGate': 'Ajouter à la suite de contrôle',
  'admin.prompts.added':
    '{id} fait maintenant partie de la suite de contrôle : chaque modification de modèle y est rejouée.',
  'admin.prompts.export': 'Exporter les versions en ligne vers prompts/',
  'admin.prompts.import': 'Importer les fichiers modifiés depuis prompts/',
  'admin.prompts.exported': { one: '{n} fichier écrit dans prompts/.', other: '{n} fichiers écrits dans prompts/.' },
  'admin.prompts.imported': 'Publiés : {published}, inchangés : {unchanged}, bloqués : {blocked}.',
  'admin.prompts.importedBlocked': 'Publiés : {published}, inchangés : {unchanged}, bloqués : {blocked} ({ids}).',
  'admin.prompts.source': 'Source du modèle',
  'admin.prompts.meta': 'Modèle « {kind} » · prompts/{file} · version en ligne {version}',
  'admin.prompts.noProblems': 'Aucun problème trouvé.',
  'admin.prompts.problemAt': 'ligne {line} : {message}',
  'admin.prompts.previewTitle': 'Aperçu sur une session enregistrée',
  'admin.prompts.session': 'Session',
  'admin.prompts.preview': 'Aperçu',
  'admin.prompts.replayingOne': 'Lecture de la session avec votre brouillon…',
  'admin.prompts.fixFirst': 'Corrigez d’abord les problèmes ci-dessus.',
  'admin.prompts.noTurn': 'Cette session n’a aucun message du client.',
  'admin.prompts.turn': 'Message {turn}, le client : « {text} »',
  'admin.prompts.shown': {
    one: '{n} donnée montrée, {withheld} retenues',
    other: '{n} données montrées, {withheld} retenues',
  },
  'admin.prompts.noSuggestion': 'Aucune suggestion pour ce message.',
  'admin.prompts.modelPrompt': 'Le prompt tel que le modèle le recevrait (masqué)',
  'admin.prompts.publishTitle': 'Publier',
  'admin.prompts.publishHelp':
    'Avant la publication, chaque session enregistrée de la suite de contrôle est rejouée avec ce brouillon. ' +
    'Toute fuite ou erreur de note de bas de page la bloque ; les suggestions modifiées vous sont montrées pour ' +
    'que vous les acceptiez.',
  'admin.prompts.message': 'Ce qui a changé',
  'admin.prompts.messageExample': 'p. ex. formulation plus aimable pour l’historique d’achats',
  'admin.prompts.publish': 'Vérifier et publier',
  'admin.prompts.replayingAll': 'Chaque session enregistrée est rejouée avec votre brouillon…',
  'admin.prompts.published': 'Version {version} publiée. Elle est en ligne.',
  'admin.prompts.invalid': 'Non publié : corrigez les problèmes signalés dans l’éditeur.',
  'admin.prompts.blocked': {
    one: 'Non publié : le brouillon enfreint les règles à {n} endroit.',
    other: 'Non publié : le brouillon enfreint les règles à {n} endroits.',
  },
  'admin.prompts.violationFile': '{session} ({file}), le fichier : {code} : {message}',
  'admin.prompts.violationTurn': '{session} ({file}), message {turn} : {code} : {message}',
  'admin.prompts.differences': {
    one: 'Aucune règle n’est enfreinte, mais les suggestions changent pour {n} message. Vérifiez-les avant de publier.',
    other:
      'Aucune règle n’est enfreinte, mais les suggestions changent pour {n} messages. Vérifiez-les avant de publier.',
  },
  'admin.prompts.diffTurn': '{session}, message {turn} : « {text} »',
  'admin.prompts.none': '(aucune)',
  'admin.prompts.sessionTurn': 'Session et message',
  'admin.prompts.liveOld': 'Version en ligne (plus proposée)',
  'admin.prompts.draftNew': 'Votre brouillon (nouveau)',
  'admin.prompts.accept': 'Accepter ces différences et publier',
  'admin.prompts.versions': 'Versions',
  'admin.prompts.version': 'Version',
  'admin.prompts.when': 'Quand',
  'admin.prompts.who': 'Qui',
  'admin.prompts.messageColumn': 'Message',
  'admin.prompts.change': 'Modification',
  'admin.prompts.live': '{version} (en ligne)',
  'admin.prompts.restores': '{message} (rétablit la version {version})',
  'admin.prompts.diff': 'différences',
  'admin.prompts.rollBack': 'Revenir à la version {version}',
  'admin.prompts.outcomes': 'Comment chaque version a servi les conseillers',
  'admin.outcomes.shown': 'Montrées',
  'admin.outcomes.inserted': 'Insérées telles quelles',
  'admin.outcomes.edited': 'Modifiées (taille moyenne)',
  'admin.outcomes.editSize': '{edited} ({size} caractères)',
  'admin.outcomes.copied': 'Copiées',
  'admin.outcomes.dismissed': 'Écartées',
  'admin.outcomes.reasons': 'Raisons',
  'admin.outcomes.none': 'Aucune suggestion de ce modèle n’a encore été montrée à un conseiller.',
  'admin.audit.refused':
    'Cette page est réservée aux chefs d’équipe et aux administrateurs : un jeton de conseiller ne peut pas ' +
    'ouvrir le journal d’audit.',
  'admin.audit.filter': 'Filtrer le journal',
  'admin.audit.customerId': 'Identifiant client',
  'admin.audit.customerExample': 'p. ex. c_dana',
  'admin.audit.actor': 'Conseiller ou acteur',
  'admin.audit.actorExample': 'p. ex. agent:tok_…',
  'admin.audit.kind': 'Type',
  'admin.audit.anyKind': 'Tous les types',
  'admin.audit.since': 'Du (votre heure locale)',
  'admin.audit.until': 'Au (votre heure locale)',
  'admin.audit.limit': 'Au plus',
  'admin.audit.limitHelp': 'entrées, les plus récentes d’abord',
  'admin.audit.show': 'Afficher les entrées',
  'admin.audit.clear': 'Effacer les filtres',
  'admin.audit.verifyTitle': 'Le journal est-il intact ?',
  'admin.audit.verifyHelp':
    'L’empreinte de chaque entrée couvre la précédente : une entrée modifiée, insérée ou supprimée rompt la chaîne.',
  'admin.audit.verify': 'Vérifier la chaîne',
  'admin.audit.entries': 'Entrées',
  'admin.audit.loading': 'Chargement des entrées…',
  'admin.audit.count': {
    one: '{n} entrée, la plus récente d’abord.',
    other: '{n} entrées, les plus récentes d’abord.',
  },
  'admin.audit.full': 'C’est la limite : affinez les filtres ou augmentez-la pour voir les plus anciennes.',
  'admin.audit.starts':
    'Le journal commence le {at} : les entrées plus anciennes ont été supprimées au terme de leur durée de ' +
    'conservation.',
  'admin.audit.checking': 'Chaque entrée est comparée à la précédente…',
  'admin.audit.intact': {
    one: 'La chaîne est intacte : {n} entrée, tête {head}…',
    other: 'La chaîne est intacte : {n} entrées, tête {head}…',
  },
  'admin.audit.pruned':
    'Elle commence à l’entrée {first} : les entrées jusqu’au {at} ont été supprimées au terme de leur durée de ' +
    'conservation, et l’entrée de point de contrôle {checkpoint} consigne l’empreinte sur laquelle elles se ' +
    'terminaient.',
  'admin.audit.broken': 'Rompue à l’entrée {seq} : {problem}.',
  'admin.audit.seq': 'N°',
  'admin.audit.time': 'Heure',
  'admin.audit.actorColumn': 'Acteur',
  'admin.audit.customer': 'Client',
  'admin.audit.records': 'Ce qu’elle consigne',
  'admin.audit.none': 'aucun',
  'admin.audit.items': { one: '{n} élément', other: '{n} éléments' },
  'admin.audit.withheld': 'Retenues',
  'admin.audit.withheldFacts': {
    one: '{n} donnée : {category}, {reason}',
    other: '{n} données : {category}, {reason}',
  },
  'admin.audit.ticket': 'Ticket',
  'admin.audit.reliedOn': 'Consentements invoqués',
  'admin.audit.factsShown': 'Données montrées',
  'admin.audit.omitted': 'Omises (au-delà du plafond)',
  'admin.audit.suggestion': 'Suggestion {n}',
  'admin.audit.suggestionWhat': '{template} v{version} : données {facts} · consentements invoqués {consents}',
  'admin.audit.withModelCall': '{what} · appel au modèle {call}',
  'admin.audit.dropped': 'Écartée par le garde-fou',
  'admin.audit.engine': 'Moteur',
  'admin.audit.note': 'Remarque',
  'admin.audit.erased': 'valeurs effacées le {at}',
  'admin.audit.payload': 'Contenu complet',
  'admin.audit.noMatch': 'Aucune entrée ne correspond à ces filtres.',
  'admin.reason.no_consent': 'pas de consentement',
  'admin.reason.withdrawn': 'consentement retiré',
  'admin.reason.expired': 'consentement expiré',
  'admin.reason.needs_explicit_consent': 'exige un consentement explicite',
  'admin.reason.never_shown': 'jamais montrée aux conseillers',
  'admin.reason.opted_out': 'le client s’y est opposé',
  'admin.kind.context.viewed': 'Contexte client consulté',
  'admin.kind.suggestions.shown': 'Suggestions montrées',
  'admin.kind.model.called': 'Modèle appelé',
  'admin.kind.consent.granted': 'Consentement donné',
  'admin.kind.consent.withdrawn': 'Consentement retiré',
  'admin.kind.customer.upserted': 'Client enregistré',
  'admin.kind.customer.opted_out': 'Le client s’est opposé',
  'admin.kind.customer.opted_in': 'Le client a de nouveau accepté',
  'admin.kind.customer.gpc': 'Signal Global Privacy Control',
  'admin.kind.facts.ingested': 'Données importées',
  'admin.kind.fact.erased': 'Donnée effacée',
  'admin.kind.token.created': 'Jeton créé',
  'admin.kind.template.published': 'Modèle publié',
  'admin.kind.settings.changed': 'Réglages modifiés',
  'admin.kind.token.revoked': 'Jeton révoqué',
  'admin.kind.customer.erased': 'Client effacé',
  'admin.kind.portal.link_created': 'Lien vers la page de confidentialité envoyé',
  'admin.kind.portal.opened': 'Page de confidentialité ouverte',
  'admin.kind.adapter.submitted': 'Adaptateur soumis',
  'admin.kind.adapter.approved': 'Adaptateur approuvé',
  'admin.kind.adapter.rolled_back': 'Adaptateur rétabli à une version antérieure',
  'admin.kind.reply.checked': 'Réponse vérifiée',
  'admin.kind.breach.reported': 'Rapport de violation établi',
  'admin.kind.audit.checkpoint': 'Point de contrôle du journal (conservation)',
  'admin.kind.retention.applied': 'Durée de conservation appliquée',
  'admin.kind.article.updated': 'Article du centre d’aide mis à jour',
  'admin.kind.article.retired': 'Article du centre d’aide retiré',
  'admin.kind.privacy_request.received': 'Demande RGPD reçue',
  'admin.kind.privacy_request.fulfilled': 'Demande RGPD satisfaite',
  'admin.kind.privacy_request.refused': 'Demande RGPD refusée',
  'admin.kind.fact.flagged': 'Donnée signalée comme fausse par le client',
  'admin.kind.fact.flag_withdrawn': 'Le client a retiré un signalement',
  'admin.kind.fact.corrected': 'Donnée corrigée à la demande du client',
  'admin.kind.fact.flag_resolved': 'Signalement traité par un admin',
  'admin.insights.refused':
    'Cette page est réservée aux chefs d’équipe et aux administrateurs : un jeton de conseiller ne peut pas ' +
    'ouvrir les statistiques.',
  'admin.insights.help':
    'Chiffres sur l’ensemble des clients, par semaine ou par mois (jours UTC) : aucun client, aucun conseiller, ' +
    'aucun ticket. Un chiffre issu de moins de clients que le seuil s’affiche',
  'admin.insights.helpAfter':
    '; de même qu’un second chiffre de la même ligne, masqué aussi pour que le premier ne puisse pas se déduire ' +
    'du total.',
  'admin.insights.from': 'Du (jour)',
  'admin.insights.until': 'Au (jour)',
  'admin.insights.per': 'Par',
  'admin.insights.month': 'mois',
  'admin.insights.week': 'semaine',
  'admin.insights.show': 'Afficher',
  'admin.insights.csv': 'Télécharger le CSV',
  'admin.loading': 'Chargement…',
  'admin.insights.checkDays': 'Rien n’est affiché : vérifiez les jours ci-dessus.',
  'admin.insights.fewer': 'moins de {k}',
  'admin.insights.months': {
    one: '{n} mois, de {first} à {last} ; aucun chiffre issu de moins de {k} clients n’est affiché.',
    other: '{n} mois, de {first} à {last} ; aucun chiffre issu de moins de {k} clients n’est affiché.',
  },
  'admin.insights.weeks': {
    one: '{n} semaine, de {first} à {last} ; aucun chiffre issu de moins de {k} clients n’est affiché.',
    other: '{n} semaines, de {first} à {last} ; aucun chiffre issu de moins de {k} clients n’est affiché.',
  },
  'admin.insights.csvFailed': 'Le CSV n’a pas pu être produit : le serveur a répondu {status}.',
  'admin.insights.what': 'Quoi ({counts})',
  'admin.insights.total': 'Total',
  'admin.insights.empty': '{title} : aucun sur ces périodes.',
  'admin.insights.weekOf': 'semaine du {day}',
  'admin.insights.consents.granted': 'Consentements donnés',
  'admin.insights.consents.withdrawn': 'Consentements retirés',
  'admin.insights.consents.expired': 'Consentements expirés',
  'admin.insights.consentRow': '{category}, pour {purpose}',
  'admin.insights.counts.consents': 'consentements',
  'admin.insights.counts.signals': 'signaux',
  'admin.insights.counts.requests': 'demandes',
  'admin.insights.counts.calls': 'appels',
  'admin.insights.counts.suggestions': 'suggestions',
  'admin.insights.optOuts': 'Oppositions et Global Privacy Control',
  'admin.insights.opted_out': 'Opposition à l’assistance personnalisée',
  'admin.insights.opted_in': 'Nouvel accord',
  'admin.insights.gpc': 'Signal Global Privacy Control enregistré',
  'admin.insights.own': '{what}, par le client lui-même (page de confidentialité, lien de pause, navigateur)',
  'admin.insights.relayed': '{what}, transmis pour le client (conseiller, helpdesk)',
  'admin.insights.flagsNote':
    'Les changements faits par les clients eux-mêmes sont les lignes « par le client lui-même ». Le total de tous ' +
    'leurs propres changements, consentements compris, est omis : il additionnerait des cellules de ces tableaux, ' +
    'et une somme sur plusieurs lignes trahit une cellule masquée.',
  'admin.insights.requests': 'Demandes RGPD',
  'admin.insights.erasures': 'Effacements de toutes les données d’un client',
  'admin.insights.erasuresInTime': 'Effacements faits dans le mois suivant la demande',
  'admin.insights.requestsNote':
    'Un effacement est exécuté dans la demande qui le réclame : Candor garde donc une seule heure pour les deux, ' +
    'et chaque effacement compté a respecté le délai d’un mois du RGPD. Les exports (« télécharger mes données ») ' +
    'sont servis aussitôt et ne sont pas enregistrés, donc pas comptés.',
  'admin.insights.modelCalls': 'Appels au modèle',
  'admin.insights.modelCallRow': 'Suggestions demandées à un modèle',
  'admin.insights.auditEntries': 'Les entrées d’audit',
  'admin.insights.suggestions': 'Ce que les conseillers ont fait des suggestions',
  'admin.insights.outcome.inserted': 'Insérées',
  'admin.insights.outcome.copied': 'Copiées',
  'admin.insights.outcome.edited': 'Modifiées, puis insérées',
  'admin.insights.outcome.dismissed': 'Écartées',
  'admin.insights.outcome.rated_up': 'Jugées bonnes',
  'admin.insights.outcome.rated_down': 'Jugées mauvaises',
  'admin.insights.outcomeRecords': 'Les résultats des suggestions',
  'admin.insights.startNote':
    '{what} conservées commencent le {day} ; la conservation supprime celles plus anciennes que {setting}, donc ' +
    'les périodes antérieures ne comptent que ce qui reste.',
  'admin.outcomes.insertedShort': 'Insérées',
  'admin.outcomes.editedShort': 'Modifiées',
  'admin.articles.refused':
    'Cette page est réservée aux chefs d’équipe et aux administrateurs : un jeton de conseiller ne peut pas l’ouvrir.',
  'admin.articles.help':
    'À quelle fréquence les suggestions ont cité chaque article du centre d’aide, et ce que les conseillers ont ' +
    'fait de ces suggestions, les plus citées d’abord. Un article cité dans plusieurs versions a une ligne par ' +
    'version en dessous. Un article retiré du centre d’aide garde ses chiffres.',
  'admin.articles.caption': 'Articles cités par les suggestions',
  'admin.articles.article': 'Article',
  'admin.articles.shownTo': 'Visible par',
  'admin.articles.citedColumn': 'Cité',
  'admin.articles.versions': 'Versions citées',
  'admin.articles.times': { one: '{n} fois', other: '{n} fois' },
  'admin.articles.retired': 'Retiré du centre d’aide',
  'admin.articles.internal': 'Interne : conseillers seulement',
  'admin.articles.public': 'Public',
  'admin.articles.retiredTitle': 'Un article retiré ({id})',
  'admin.articles.versionOf': 'Version du {date}',
  'admin.articles.cited': { one: '{n} article cité, {times} en tout.', other: '{n} articles cités, {times} en tout.' },
  'admin.articles.none': 'Aucune suggestion n’a encore cité d’article.',
  'admin.adapters.refused':
    'Cette page est réservée aux chefs d’équipe et aux administrateurs : un jeton de conseiller ne peut pas ' +
    'ouvrir la page des adaptateurs.',
  'admin.adapters.help':
    'Quand un helpdesk modifie ses pages, l’adaptateur de Candor cesse d’y trouver le demandeur, la conversation ' +
    'ou la zone de réponse. Le panneau de chaque conseiller le signale alors et compte l’échec ici (quel ' +
    'adaptateur, quel champ, quand ; rien de la page), si bien qu’un adaptateur cassé se voit le jour même. Les ' +
    'comptes sont par jour de l’horloge du serveur (UTC).',
  'admin.adapters.title': 'État des adaptateurs',
  'admin.adapters.refresh': 'Actualiser',
  'admin.adapters.once': 'une fois',
  'admin.adapters.times': '{n} fois',
  'admin.adapters.adapter': 'Adaptateur',
  'admin.adapters.notFound': 'Introuvable',
  'admin.adapters.lastMissing': 'Dernier échec',
  'admin.adapters.today': 'Aujourd’hui',
  'admin.adapters.week': '7 derniers jours',
  'admin.adapters.field.requester': 'l’e-mail du demandeur',
  'admin.adapters.field.conversation': 'la conversation',
  'admin.adapters.field.replyBox': 'la zone de réponse',
  'admin.adapters.notToday': 'pas aujourd’hui',
  'admin.adapters.notThisWeek': 'pas ces 7 derniers jours',
  'admin.adapters.caption': 'Champs qu’un adaptateur n’a pas trouvés, les plus récents d’abord',
  'admin.adapters.lost': {
    one:
      '{names} n’a pas trouvé ce qu’il cherche sur certaines pages ces 7 derniers jours : le helpdesk a peut-être ' +
      'modifié ses pages. Vérifiez les sélecteurs dans {dir} sur une vraie page.',
    other:
      '{names} n’ont pas trouvé ce qu’ils cherchent sur certaines pages ces 7 derniers jours : le helpdesk a ' +
      'peut-être modifié ses pages. Vérifiez les sélecteurs dans {dir} sur une vraie page.',
  },
  'admin.adapters.allWell':
    'Tout va bien : chaque adaptateur de helpdesk a trouvé le demandeur, la conversation et la zone de réponse ' +
    'sur chaque page de ticket ouverte par les conseillers ces 7 derniers jours.',
  'admin.adapters.fine': 'Aucun échec ces 7 derniers jours : {names}.',
  'time.days': { one: '{n} jour', other: '{n} jours' },
  'time.hours': { one: '{n} heure', other: '{n} heures' },
  'time.minutes': { one: '{n} minute', other: '{n} minutes' },
  'time.lessThanMinute': 'moins d’une minute',
  'time.left': 'encore {time}',
  'time.overdue': 'en retard de {time}',
  'admin.breach.refused':
    'Cette page est réservée au délégué à la protection des données et aux administrateurs : un jeton de conseiller ' +
    'ou de chef d’équipe ne peut pas établir de rapport de violation.',
  'admin.breach.askTitle': 'Quel accès a été compromis ?',
  'admin.breach.help':
    'Candor parcourt son journal d’audit à la recherche des clients dont les données ont été montrées à ce jeton ou ' +
    'à cet acteur, ou envoyées à un modèle, pendant la période (y compris pour un jeton révoqué). Le rapport fait ' +
    'courir les 72 heures que le RGPD accorde pour notifier l’autorité de contrôle, est lui-même consigné dans le ' +
    'journal d’audit et n’envoie rien.',
  'admin.breach.tokenId': 'Identifiant du jeton',
  'admin.breach.tokenExample': 'p. ex. tok_6dd534b9ae89',
  'admin.breach.actor': 'ou acteur, tel que le journal d’audit le nomme',
  'admin.breach.actorExample': 'p. ex. agent:tok_6dd534b9ae89',
  'admin.breach.until': 'Au (votre heure locale ; vide : maintenant)',
  'admin.breach.make': 'Établir le rapport',
  'admin.breach.report': 'Rapport',
  'admin.breach.affected': 'Clients concernés',
  'admin.breach.notices': 'Projets de notification',
  'admin.breach.actorField': 'Acteur',
  'admin.breach.fromField': 'Du',
  'admin.breach.untilField': 'Au',
  'admin.breach.customers': { one: '{n} client.', other: '{n} clients.' },
  'admin.breach.customersErased': {
    one: '{n} client, dont {erased} effacé.',
    other: '{n} clients, dont {erased} effacés.',
  },
  'admin.breach.noCustomers': 'Aucun : cet accès n’a vu aucune donnée client pendant la période.',
  'admin.breach.drafts': {
    one: '{n} projet à relire : Candor n’envoie rien.',
    other: '{n} projets à relire : Candor n’envoie rien.',
  },
  'admin.breach.erasedNoNotice': 'Les clients effacés n’en reçoivent pas : ni nom ni adresse ne sont conservés.',
  'admin.breach.noTemplate':
    'Aucun modèle de notification de violation n’est publié : aucun projet n’a donc été rédigé.',
  'admin.breach.facts': { one: '{n} donnée', other: '{n} données' },
  'admin.breach.shown': { one: 'montrée {n} fois', other: 'montrées {n} fois' },
  'admin.breach.sent': { one: 'envoyée à un modèle {n} fois', other: 'envoyées à un modèle {n} fois' },
  'admin.breach.revoked': 'révoqué le {at}',
  'admin.breach.access': 'Accès : {actor}.',
  'admin.breach.accessWho': 'Accès : {actor} ({who}).',
  'admin.breach.window': 'Période examinée : du {from} au {until}.',
  'admin.breach.logStarts':
    'Le journal d’audit commence le {at} : les entrées plus anciennes ont été supprimées au terme de leur durée de ' +
    'conservation, rien d’antérieur n’est donc compté.',
  'admin.breach.notifyBy': 'Notifiez l’autorité de contrôle avant le {at}',
  'admin.breach.deadline': '({left}) : 72 heures à compter de ce rapport, établi le {at}.',
  'admin.breach.recorded': 'Consigné dans le journal d’audit comme entrée {seq}.',
  'admin.breach.erasedCustomer': 'Client effacé',
  'admin.breach.countsOnly': '({id}) : des comptes seulement, rien d’autre n’est conservé',
  'admin.breach.customer': 'Client',
  'admin.breach.given': 'Ce qui lui a été donné',
  'admin.breach.first': 'Premier',
  'admin.breach.last': 'Dernier',
  'admin.breach.to': 'À {name} ({id})',
  'admin.actor.token': '{name}, {role}',
  'admin.actor.agent': 'conseiller',
  'admin.actor.lead': 'chef d’équipe',
  'admin.actor.admin': 'administrateur',
  'admin.actor.privacy': 'délégué à la protection des données',
  'admin.actor.customer': 'le client, sur sa page de confidentialité',
  'admin.actor.portalVisitor': 'un visiteur de la page de confidentialité',
  'admin.actor.system': 'Candor',
  'admin.actor.cli': 'la ligne de commande',
  'admin.coach.refused':
    'Cette page est réservée aux chefs d’équipe et aux administrateurs : un jeton de conseiller ne peut pas ouvrir ' +
    'les chiffres du coach de réponses.',
  'admin.coach.help':
    'À quelle fréquence « Vérifier ma réponse » a signalé une réponse avant son envoi, et à quelle fréquence les ' +
    'conseillers ont suivi un signalement (repris sa reformulation ou retiré la phrase) ou l’ont ignoré, par ' +
    'équipe. Les équipes sont attribuées aux jetons',
  'admin.coach.helpTeams':
    '; les jetons sans équipe sont comptés sous « Sans équipe ». Aucun conseiller n’est nommé : un chiffre issu de ' +
    'moins de conseillers que le seuil s’affiche',
  'admin.coach.helpAfter':
    ', de même qu’un second chiffre du même type de compte, pour que le premier ne puisse pas se déduire de « Tous ' +
    'les types ».',
  'admin.coach.period': 'Période',
  'admin.coach.days7': '7 derniers jours',
  'admin.coach.days30': '30 derniers jours',
  'admin.coach.days90': '90 derniers jours',
  'admin.coach.all': 'Tout ce qui a été compté',
  'admin.coach.noTeam': 'Sans équipe',
  'admin.coach.caption': '{team} · vérifications de réponse faites : {checks}',
  'admin.coach.kind': 'Type de signalement',
  'admin.coach.flagged': 'Signalements',
  'admin.coach.followed': 'Suivis',
  'admin.coach.ignored': 'Ignorés',
  'admin.coach.allKinds': 'Tous les types',
  'admin.coach.kind.undisclosed_fact': 'Utilise des données client sans dire d’où elles viennent',
  'admin.coach.kind.withheld_value': 'Contient des données que le client n’a pas autorisées',
  'admin.coach.kind.raw_identifier': 'Contient un numéro de carte ou d’identité complet',
  'admin.coach.range': 'du {from} au {until}',
  'admin.coach.upTo': 'tout ce qui a été compté jusqu’au {until}',
  'admin.coach.status': '{when} (jours en UTC) ; aucun chiffre issu de moins de {k} conseillers n’est affiché.',
  'admin.coach.none': 'Aucune réponse n’a été vérifiée ({when}).',
  'admin.taught.refused':
    'Cette page est réservée aux administrateurs (et aux chefs d’équipe, pour consultation) : un jeton de ' +
    'conseiller ne peut pas l’ouvrir.',
  'admin.taught.signIn':
    'Les conseillers apprennent à Candor des pages de helpdesk pour lesquelles il n’a pas d’adaptateur ; un ' +
    'administrateur en approuve un ici pour toute l’équipe, ou ramène un site à une version antérieure. Les chefs ' +
    'd’équipe peuvent consulter. Saisissez votre jeton d’administrateur ou de chef d’équipe.',
  'admin.taught.help':
    'Candor ne conserve que des sélecteurs (où se trouvent les éléments d’une page) et qui les a appris et ' +
    'approuvés, et quand ; jamais ce que montrent les pages. Un adaptateur appris n’est approuvé qu’une fois les ' +
    'notes internes exclues : la personne qui l’a appris a marqué à quoi ressemble une note, ou consigné que le ' +
    'helpdesk n’en montre aucune sur la page du ticket.',
  'admin.taught.itself': 'l’élément lui-même',
  'admin.taught.id': 'l’id « {id} »',
  'admin.taught.class': 'la classe « {name} »',
  'admin.taught.attrIs': '{attr} = « {value} »',
  'admin.taught.attr': 'un attribut {attr}',
  'admin.taught.nth': 'numéro {n} de son type',
  'admin.taught.elementA': 'un élément {tag}',
  'admin.taught.elementAn': 'un élément {tag}',
  'admin.taught.element': 'un élément',
  'admin.taught.with': '{what} avec {parts}',
  'admin.taught.directlyInside': 'directement dans {what}',
  'admin.taught.inside': 'dans {what}',
  'admin.taught.attributeRead': '{selects} ; son attribut {attr} est lu',
  'admin.taught.noNotes':
    'aucune : la personne qui l’a appris a consigné que ce helpdesk ne montre aucune note interne sur la page du ' +
    'ticket',
  'admin.taught.notMarked': 'non marqué : l’approbation est refusée tant que les notes internes ne sont pas exclues',
  'admin.taught.notTaught': 'non appris',
  'admin.taught.fieldColumn': 'Champ',
  'admin.taught.selector': 'Sélecteur',
  'admin.taught.selects': 'Sélectionne',
  'admin.taught.live': 'En ligne : version {version} (« {name} »), approuvée par {by} le {at}.',
  'admin.taught.liveRestoring':
    'En ligne : version {version} (« {name} »), approuvée par {by} le {at}, qui rétablit la version {from}.',
  'admin.taught.noVersion':
    'Aucune version approuvée pour l’instant : les panneaux n’utilisent ici que leurs propres brouillons.',
  'admin.taught.draft': 'Brouillon {id} : « {name} », appris par {by} le {at}',
  'admin.taught.approve': 'Approuver le brouillon {id} pour l’équipe',
  'admin.taught.approved': 'Brouillon {id} approuvé pour {site}.',
  'admin.taught.willRefuse': 'Les notes internes ne sont pas exclues : le serveur le refusera.',
  'admin.taught.version': 'Version {version} : issue du brouillon {draft}, apprise par {by}',
  'admin.taught.versionLive': 'Version {version} (en ligne) : issue du brouillon {draft}, apprise par {by}',
  'admin.taught.rollBack': 'Ramener {site} à la version {version}',
  'admin.taught.rolledBack': '{site} ramené en arrière : une nouvelle version rétablit la version {version}.',
  'admin.taught.sites': { one: '{n} site appris.', other: '{n} sites appris.' },
  'admin.taught.noSites': 'Aucun helpdesk n’a encore été appris.',
  'admin.taught.field.app': 'la page du helpdesk',
  'admin.taught.field.ticket': 'le ticket ouvert (tout le reste est lu à l’intérieur)',
  'admin.taught.field.ticketId': 'le numéro du ticket',
  'admin.taught.field.subject': 'l’objet',
  'admin.taught.field.requesterEmail': 'l’e-mail du demandeur',
  'admin.taught.field.requesterName': 'le nom du demandeur',
  'admin.taught.field.message': 'chaque message de la conversation',
  'admin.taught.field.messageText': 'le texte d’un message, à l’intérieur',
  'admin.taught.field.fromCustomer': 'ce qui distingue un message du client',
  'admin.taught.field.notConversation': 'ce qui distingue une note interne (exclue de la conversation)',
  'admin.taught.field.editor': 'la zone de réponse',
  'admin.requests.refused':
    'Cette page est réservée aux chefs d’équipe, aux administrateurs et au délégué à la protection des données : ' +
    'un jeton de conseiller ne peut pas l’ouvrir.',
  'admin.requests.help':
    'Les demandes faites par les clients dans leurs tickets (accès, effacement, rectification, opposition), les ' +
    'plus proches de l’échéance en premier. Une demande est satisfaite lorsque le client l’exécute lui-même dans ' +
    'le portail de confidentialité ; Candor n’efface ni n’exporte jamais sur la seule parole d’un conseiller. Un ' +
    'refus exige le motif qui sera communiqué au client. Une rectification liste les données que le client a ' +
    'signalées comme inexactes dans le portail : un administrateur corrige, supprime ou conserve chacune (avec le ' +
    'motif communiqué au client), et la demande est satisfaite lorsque la dernière est traitée.',
  'admin.requests.status': 'Statut',
  'admin.requests.anyStatus': 'tous',
  'admin.requests.overdueOnly': 'En retard uniquement',
  'admin.requests.show': 'Afficher',
  'admin.requests.caption': 'Demandes RGPD par échéance',
  'admin.requests.due': 'Échéance',
  'admin.requests.request': 'Demande',
  'admin.requests.received': 'Reçue',
  'admin.requests.ticket': 'Ticket',
  'admin.requests.customer': 'Client',
  'admin.requests.outcome': 'Issue',
  'admin.requests.count': { one: '{n} demande, {open} en cours.', other: '{n} demandes, dont {open} en cours.' },
  'admin.requests.none': 'Aucune demande RGPD ne correspond.',
  'admin.requests.kind.access': 'Accès',
  'admin.requests.kind.erasure': 'Effacement',
  'admin.requests.kind.rectification': 'Rectification',
  'admin.requests.kind.opt_out': 'Opposition',
  'admin.requests.asked.access': 'le client demande à consulter ses données ou à en obtenir une copie',
  'admin.requests.asked.erasure': 'le client demande l’effacement de ses données',
  'admin.requests.asked.rectification':
    'le client indique que certaines de ses données sont inexactes et demande leur rectification',
  'admin.requests.asked.opt_out':
    'le client s’oppose à l’utilisation de ses données pour la personnalisation ou le marketing',
  'admin.requests.what': '{kind} ({lang}) : {asked}',
  'admin.requests.state.open': 'Ouverte',
  'admin.requests.state.fulfilled': 'Satisfaite',
  'admin.requests.state.refused': 'Refusée',
  'admin.requests.closedOn': '{state} le {at}',
  'admin.requests.ticketErased': 'effacé avec le client',
  'admin.requests.noTicket': 'aucun : demande faite dans le portail',
  'admin.requests.reason': 'Motif communiqué au client',
  'admin.requests.refuseOpen': 'Refuser…',
  'admin.requests.refuse': 'Refuser',
  'admin.requests.adminOnly':
    'Seul un administrateur peut voir et traiter les données signalées par le client : leurs valeurs lui sont réservées.',
  'admin.flags.list': 'Données signalées comme inexactes par le client ({n}) :',
  'admin.flags.wrong': 'Ce qui est inexact, selon le client : {text}',
  'admin.flags.shouldSay': 'Ce qu’il devrait y avoir : {text}',
  'admin.flags.noNote': 'Le client n’a laissé aucune remarque.',
  'admin.flags.factErased': 'Cette donnée a été effacée.',
  'admin.flags.flaggedOn': 'Signalée le {at}',
  'admin.flags.ended.corrected': 'Corrigée le {at}.',
  'admin.flags.ended.removed': 'Supprimée le {at}.',
  'admin.flags.ended.kept': 'Conservée telle quelle le {at} : {reason}',
  'admin.flags.closedWithErasure': 'Clos avec l’effacement du client le {at}.',
  'admin.flags.correctOpen': 'Corriger…',
  'admin.flags.correctLabel': 'La donnée devrait être',
  'admin.flags.correct': 'Enregistrer la correction',
  'admin.flags.removeOpen': 'Supprimer…',
  'admin.flags.removeHelp': 'La donnée est alors effacée définitivement, comme si le client l’avait effacée lui-même.',
  'admin.flags.remove': 'Supprimer la donnée',
  'admin.flags.keepOpen': 'Conserver telle quelle…',
  'admin.flags.keep': 'Conserver telle quelle',
};
