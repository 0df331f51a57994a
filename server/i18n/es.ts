/** The server pages' words in Spanish, formal address. */
import type { Catalogue } from './catalogue.js';

export const es: Catalogue = {
  'change.granted': 'concedido',
  'change.denied': 'rechazado',
  'change.withdrawn': 'retirado',
  'change.opted_out': 'oposición',
  'change.opted_in': 'oposición retirada',
  'change.gpc': 'señal Global Privacy Control',

  'state.active': 'Permitido',
  'state.withdrawn': 'Retirado',
  'state.expired': 'Caducado',
  'state.denied': 'No permitido',
  'consent.active': '{state} desde el {at}',
  'consent.withdrawn': '{state} el {at}',
  'consent.expired': '{state} el {at}',
  'consent.denied': '{state} (usted lo rechazó el {at})',
  'consent.given': '{state}. Otorgado a través de: {source}.',
  'consent.ends': 'Termina el {at}.',
  'consent.withdraw': 'Retirar este consentimiento',
  'consent.grant': 'Volver a permitirlo',
  'consent.receipt': 'Recibo de este cambio (JSON)',
  'fact.from': 'Origen: {source}, registrado el {at}.',

  'portal.title': 'Sus datos · {controller}',
  'portal.heading': 'Sus datos en {controller}',
  'portal.lead':
    'Hola, {name}: esta página muestra todo lo que guardamos sobre usted, lo que pueden ver nuestros agentes de ' +
    'soporte y por qué. Usted decide.',
  'gpc.now': 'Su navegador ha enviado una señal Global Privacy Control.',
  'gpc.before': 'Tenemos registrada una señal Global Privacy Control de su navegador.',
  'gpc.means':
    'La tratamos como una solicitud de no usar sus datos: nuestros agentes de soporte no ven ninguno de ellos.',
  'optout.title': 'Soporte personalizado',
  'optout.paused': 'El soporte personalizado está en pausa: no usamos sus datos para personalizar el soporte.',
  'optout.on': 'Nuestros agentes pueden usar los datos que usted permite abajo para ayudarle más rápido.',
  'optout.since': 'En pausa desde el {at}.',
  'optout.resume': 'Reanudar el soporte personalizado',
  'optout.pause': 'No usar mis datos para personalizar el soporte',
  'consents.title': 'Sus consentimientos',
  'consents.none': 'No ha dado ningún consentimiento.',
  'facts.title': 'Lo que guardamos sobre usted',
  'facts.count': {
    one: '{n} dato; nuestros agentes de soporte pueden ver {seen}.',
    other: '{n} datos; nuestros agentes de soporte pueden ver {seen}.',
  },
  'facts.erased': {
    one: '{n} dato se borró a petición suya.',
    other: '{n} datos se borraron a petición suya.',
  },
  'receipt.pause': 'No usar mis datos para personalizar el soporte',
  'receipt.resume': 'Volver a usar sus datos para personalizar el soporte',
  'receipts.title': 'Recibos de consentimiento',
  'receipts.lead': 'Un recibo por cada cambio en sus consentimientos, en formato Kantara Consent Receipt.',
  'data.title': 'Su copia, o el borrado',
  'data.download': 'Descargar mis datos (JSON)',
  'data.erase': 'Borrar mis datos…',
  'portal.signOut': 'Cerrar sesión',

  'flash.withdrawn': 'Hecho: ese consentimiento está retirado. Los agentes ya no ven lo que permitía.',
  'flash.granted': 'Hecho: ese consentimiento vuelve a estar concedido.',
  'flash.opted_out': 'Hecho: ya no usamos sus datos para personalizar el soporte.',
  'flash.opted_in': 'Hecho: los agentes pueden volver a usar los datos que usted permitió.',
  'flash.flagged': 'Gracias: lo comprobaremos y lo corregiremos o eliminaremos.',
  'flash.unflagged': 'Hecho: ha retirado su aviso.',
  'flag.open': 'Esto no es correcto',
  'flag.wrong': '¿Qué no es correcto? (opcional)',
  'flag.shouldSay': '¿Qué debería decir? (opcional)',
  'flag.send': 'Avisarnos',
  'flag.flaggedOn': 'Nos avisó el {at} de que esto no es correcto.',
  'flag.withdraw': 'Me equivoqué: retirar el aviso',
  'flag.corrected': 'Lo corregimos el {at}, como nos pidió.',
  'flag.kept': 'Lo comprobamos y el {at} lo mantuvimos como estaba: {reason}',
  'flag.removed': 'El {at} eliminamos un dato ({category}) que nos indicó que no era correcto.',

  'erase.title': 'Borrar mis datos',
  'erase.lead':
    'Esto elimina lo que guardamos sobre usted: {items}, su nombre y su dirección de correo electrónico, los textos ' +
    'de las sugerencias de soporte sobre usted y las grabaciones de sus conversaciones con soporte. No se puede ' +
    'deshacer.',
  'erase.items': { one: '{n} dato', other: '{n} datos' },
  'erase.stays':
    'Lo que queda: el registro de sus consentimientos ({consents}) y de este borrado, porque debemos poder demostrar ' +
    'lo que usted permitió y que borramos sus datos. Estos registros no contienen datos sobre usted, salvo un ' +
    'número interno.',
  'erase.consents': { one: '{n} consentimiento', other: '{n} consentimientos' },
  'erase.confirm': 'Entiendo que mis datos se borrarán y no podrán recuperarse.',
  'erase.button': 'Borrar mis datos',
  'erase.keep': 'Conservar mis datos',
  'erase.done.title': 'Sus datos se han borrado',
  'erase.done.text': 'Borramos sus datos el {at}. Queda el registro de sus consentimientos y del borrado.',

  'start.title': 'Su página de privacidad · {controller}',
  'start.heading': 'Su página de privacidad',
  'start.lead':
    'Consulte lo que {controller} guarda sobre usted, descárguelo, cambie sus consentimientos o solicite su borrado. ' +
    'Introduzca la dirección de correo con la que le conocemos y le enviaremos un enlace que abre esta página una vez.',
  'start.email': 'Su dirección de correo electrónico',
  'start.button': 'Enviarme un enlace',
  'start.ended':
    'Esta página se abre con un enlace que le enviamos por correo, y su visita ha terminado (o no ha empezado).',
  'sent.title': 'Revise su bandeja de entrada',
  'sent.text':
    'Si {controller} tiene datos de esta dirección, le hemos enviado un enlace a su página de privacidad. El enlace ' +
    'funciona una vez, durante unos minutos. ¿No ha llegado nada? Compruebe la dirección o su carpeta de correo no ' +
    'deseado y vuelva a solicitarlo.',
  'used.title': 'Este enlace ya se ha utilizado',
  'used.lead':
    'Cada enlace abre su página de privacidad una sola vez. Si no fue usted quien lo abrió, escriba a {controller} ' +
    'en {email} para que puedan investigarlo.',
  'link.again': 'Solicitar un enlace nuevo',
  'link.tampered.title': 'Este enlace no funciona',
  'link.tampered.text':
    'El enlace está incompleto o ha sido modificado. Use el enlace completo que recibió o solicite uno nuevo.',
  'link.unknown.text': 'No tenemos constancia de este enlace. Solicite uno nuevo.',
  'link.expired.title': 'Este enlace ha caducado',
  'link.expired.text':
    'Los enlaces a esta página solo funcionan unos minutos, y este caducó el {at}. Solicite uno nuevo.',
  'receipt.none.title': 'Recibo no encontrado',
  'receipt.none.text': 'Ninguno de sus recibos tiene este número.',
  'signedOut.title': 'Sesión cerrada',
  'signedOut.text': 'Ha salido de la página sobre sus datos. Solicite un enlace nuevo para volver.',
  'failed.title': 'No ha funcionado',

  'pause.privacyPage': 'su página de privacidad',
  'pause.seeMore': 'Para ver lo que guardamos sobre usted, o para cambiar de opinión más adelante, abra {link}.',
  'pause.title': 'Pausar el soporte personalizado',
  'pause.lead':
    'Si lo pausa, nuestro equipo de soporte deja de usar lo que sabemos de usted al ayudarle: ya no ve sus pedidos, ' +
    'sus datos ni nada más sobre usted, y las respuestas que le sugerimos no lo utilizan.',
  'pause.text':
    'No se borra nada y seguirá recibiendo ayuda; quizá tenga que volver a contarnos de qué trata su consulta. ' +
    'Puede reactivarlo en cualquier momento en su página de privacidad.',
  'paused.title': 'El soporte personalizado está en pausa',
  'paused.lead': 'Desde el {at}, nuestro equipo de soporte no usa lo que guardamos sobre usted al ayudarle.',
  'pause.expired.text': {
    one: 'Los enlaces para pausar el soporte personalizado valen {n} día.',
    other: 'Los enlaces para pausar el soporte personalizado valen {n} días.',
  },
  'pause.tampered.text': 'El enlace está incompleto o ha sido modificado. Use el enlace completo de nuestro mensaje.',
  'pause.instead': 'En su lugar, puede pausar el soporte personalizado en {link}.',

  'role.processor': 'Trabaja para nosotros, solo según nuestras instrucciones (encargado del tratamiento)',
  'role.controller': 'Decide por sí mismo cómo usa sus datos (responsable independiente)',
  'role.joint': 'Decide con nosotros cómo se usan sus datos (corresponsable)',
  'recipients.title': 'A quién van sus datos',
  'recipients.intro': {
    one:
      'Para ayudarle, {controller} comparte sus datos con {n} empresa o servicio externo: quién es, qué hace con ' +
      'ellos, dónde y nuestro acuerdo con él.',
    other:
      'Para ayudarle, {controller} comparte sus datos con {n} empresas y servicios externos: quiénes son, qué hacen ' +
      'con ellos, dónde y nuestro acuerdo con cada uno.',
  },
  'recipients.none': '{controller} no indica a nadie externo que reciba sus datos para el soporte.',
  'recipient.role': 'Su función',
  'recipient.purpose': 'Qué hace con ellos',
  'recipient.where': 'Dónde',
  'recipient.agreement': 'Acuerdo',
  'recipient.agreementWith': 'Nuestro acuerdo con {name}',
  'recipient.ask': 'Aún no indicado; pregúntenos en {email}',
  'sent.none': 'Ninguno de sus tickets de soporte se le ha enviado.',
  'sent.lead': 'Sus tickets de soporte cuyo texto se le envió, con sus datos personales enmascarados:',
  'sent.more': {
    one: 'Y {n} ticket anterior: su descarga lo incluye.',
    other: 'Y {n} tickets anteriores: su descarga los incluye todos.',
  },
  'ticket.erased': 'Tickets ya sin nombre (sus datos se borraron a petición suya)',
  'ticket.named': 'Ticket {id}',
  'ticket.conversation': 'la conversación',
  'ticket.conversationAnd': 'la conversación y sus {categories}',
  'ticket.once': '{which}: {what}, el {at}.',
  'ticket.times': '{which}: {what}, {n} veces, del {first} al {latest}.',

  'purpose.support': 'ayudarle con sus solicitudes de soporte',
  'purpose.essential': 'prestar nuestro servicio, incluida la ayuda con sus solicitudes de soporte',
  'purpose.marketing': 'enviarle publicidad y mostrarle ofertas',
  'purpose.personalize': 'personalizar lo que le mostramos',
  'purpose.analytics': 'analizar cómo se usa nuestro servicio',
  'purpose.other': 'para «{purpose}»',
  'consent.allows': 'Usar sus {categories} para {purpose}',
  'why.allowed': 'Los agentes de soporte pueden verlo porque usted lo permitió el {day} ({source}).',
  'why.no_consent': 'Los agentes no pueden verlo: usted no ha permitido su uso para el soporte.',
  'why.withdrawn': 'Los agentes no pueden verlo: usted retiró el consentimiento que lo permitía.',
  'why.expired': 'Los agentes no pueden verlo: el consentimiento que lo permitía ha caducado.',
  'why.needs_explicit_consent':
    'Los agentes no pueden verlo: es un dato sensible y solo lo permitiría un consentimiento dado exactamente para ' +
    'este tipo de datos.',
  'why.never_shown': 'Los agentes nunca lo ven: es una credencial o un dato de seguridad.',
  'why.opted_out': 'Los agentes no pueden verlo: usted nos pidió no usar sus datos para personalizar el soporte.',

  'by.gpc': 'Por su navegador (una señal Global Privacy Control)',
  'by.pauseLink': 'Por usted, con el enlace de pausa de un mensaje nuestro',
  'by.portal': 'Por usted, en su página de privacidad',
  'by.agentTicket': 'Por nuestro equipo de soporte, según lo que nos dijo en el ticket {ticket}',
  'by.agent': 'Por nuestro equipo de soporte, según lo que usted nos dijo',
  'by.admin': 'Por nosotros, en su nombre',
  'by.import': 'Traído de {system}',
  'by.importUnknown': 'Traído de otro sistema',
  'by.system': 'Por el propio Candor',
};
