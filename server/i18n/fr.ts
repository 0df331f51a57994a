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
};
