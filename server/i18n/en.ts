/** The server pages' words in English: the keys of the catalogue, and the fallback language. */
export const en = {
  'change.granted': 'granted',
  'change.denied': 'refused',
  'change.withdrawn': 'withdrawn',
  'change.opted_out': 'opted out',
  'change.opted_in': 'opted in',
  'change.gpc': 'Global Privacy Control signal',

  'state.active': 'Allowed',
  'state.withdrawn': 'Withdrawn',
  'state.expired': 'Expired',
  'state.denied': 'Not allowed',
  'consent.active': '{state} since {at}',
  'consent.withdrawn': '{state} on {at}',
  'consent.expired': '{state} on {at}',
  'consent.denied': '{state} (you said no on {at})',
  'consent.given': '{state}. Given through: {source}.',
  'consent.ends': 'Ends on {at}.',
  'consent.withdraw': 'Withdraw this consent',
  'consent.grant': 'Allow this again',
  'consent.receipt': 'Receipt for this change (JSON)',
  'fact.from': 'From {source}, recorded on {at}.',

  'portal.title': 'Your data · {controller}',
  'portal.heading': 'Your data at {controller}',
  'portal.lead':
    'Hello {name}, this page shows everything we hold about you, what our support agents can see, and why. You decide.',
  'gpc.now': 'Your browser sent a Global Privacy Control signal.',
  'gpc.before': 'We have a Global Privacy Control signal from your browser on record.',
  'gpc.means': 'We treat it as a request not to use your data: support agents see none of it.',
  'optout.title': 'Personalised support',
  'optout.paused': "Personalised support is paused: we don't use your data to personalise support.",
  'optout.on': 'Agents may use the data you allowed below to help you faster.',
  'optout.since': 'Paused since {at}.',
  'optout.resume': 'Resume personalised support',
  'optout.pause': "Don't use my data for support personalisation",
  'consents.title': 'Your consents',
  'consents.none': 'You have given no consents.',
  'facts.title': 'What we hold about you',
  'facts.count': {
    one: '{n} item; support agents can see {seen} of it.',
    other: '{n} items; support agents can see {seen} of them.',
  },
  'facts.erased': { one: '{n} item was erased at your request.', other: '{n} items were erased at your request.' },
  'receipt.pause': "Don't use my data to personalise support",
  'receipt.resume': 'Use your data to personalise support again',
  'receipts.title': 'Consent receipts',
  'receipts.lead': 'A receipt for every change to your consents, in the Kantara Consent Receipt format.',
  'data.title': 'Your copy, or erasure',
  'data.download': 'Download my data (JSON)',
  'data.erase': 'Erase my data…',
  'portal.signOut': 'Sign out',

  'flash.withdrawn': 'Done: that consent is withdrawn. Support agents no longer see what it allowed.',
  'flash.granted': 'Done: that consent is given again.',
  'flash.opted_out': "Done: we don't use your data to personalise support any more.",
  'flash.opted_in': 'Done: agents may use the data you allowed again.',
  'flash.flagged': 'Thank you: we will check it, and correct or remove it.',
  'flash.unflagged': 'Done: you took back what you told us was wrong.',
  'flag.open': 'This is wrong',
  'flag.wrong': 'What is wrong (optional)',
  'flag.shouldSay': 'What it should say (optional)',
  'flag.send': 'Tell us',
  'flag.flaggedOn': 'You told us this is wrong on {at}.',
  'flag.withdraw': 'I was mistaken: take this back',
  'flag.corrected': 'We corrected this on {at}, as you asked.',
  'flag.kept': 'We checked this and kept it as it was on {at}: {reason}',
  'flag.removed': 'On {at} we removed an item ({category}) you told us was wrong.',

  'erase.title': 'Erase my data',
  'erase.lead':
    'This removes what we hold about you: {items}, your name and e-mail address, the texts of support suggestions ' +
    'about you, and recordings of your support conversations. It cannot be undone.',
  'erase.items': { one: '{n} item of data', other: '{n} items of data' },
  'erase.stays':
    'What stays: the record of your consents ({consents}) and of this erasure, because we must be able to show what ' +
    'you allowed and that we erased your data. These records hold no data about you beyond an internal number.',
  'erase.consents': { one: '{n} consent', other: '{n} consents' },
  'erase.confirm': 'I understand that my data will be erased and cannot be brought back.',
  'erase.button': 'Erase my data',
  'erase.keep': 'Keep my data',
  'erase.done.title': 'Your data was erased',
  'erase.done.text': 'We erased your data on {at}. What stays is the record of your consents and of the erasure.',

  'start.title': 'Your privacy page · {controller}',
  'start.heading': 'Your privacy page',
  'start.lead':
    'See what {controller} holds about you, download it, change your consents or have it erased. Enter the e-mail ' +
    'address we know you by, and we will send a link to it that opens this page once.',
  'start.email': 'Your e-mail address',
  'start.button': 'E-mail me a link',
  'start.ended': 'This page opens through a link we e-mail you, and your visit has ended (or has not begun).',
  'sent.title': 'Check your inbox',
  'sent.text':
    'If {controller} holds data about this address, we have sent it a link to your privacy page. The link works ' +
    'once, for a few minutes. Nothing arrived? Check the address, or your spam folder, and ask again.',
  'used.title': 'This link was already used',
  'used.lead':
    'Each link opens your privacy page once. If it was not you who opened it, write to {controller} at {email} so ' +
    'they can look into it.',
  'link.again': 'Ask for a new link',
  'link.tampered.title': 'This link does not work',
  'link.tampered.text':
    'The link is incomplete or was changed. Please use the whole link you were sent, or ask for a new one.',
  'link.unknown.text': 'We have no record of this link. Please ask for a new one.',
  'link.expired.title': 'This link has expired',
  'link.expired.text':
    'Links to this page work for a few minutes only, and this one expired on {at}. Please ask for a new one.',
  'receipt.none.title': 'No such receipt',
  'receipt.none.text': 'There is no receipt with this number among yours.',
  'signedOut.title': 'Signed out',
  'signedOut.text': 'You have left the page about your data. Ask for a new link to come back.',
  'failed.title': 'That did not work',

  'pause.privacyPage': 'your privacy page',
  'pause.seeMore': 'To see what we hold about you, or to change your mind later, open {link}.',
  'pause.title': 'Pause personalised support',
  'pause.lead':
    'If you pause it, our support team stops using what we hold about you when they help you: they no longer see ' +
    'your orders, your details or anything else we know about you, and the replies we suggest to them do not use it.',
  'pause.text':
    'Nothing is deleted, and you still get help; you may need to tell us again what your question is about. You ' +
    'can turn it back on at any time on your privacy page.',
  'paused.title': 'Personalised support is paused',
  'paused.lead': 'As of {at}, our support team does not use what we hold about you when they help you.',
  'pause.expired.text': {
    one: 'Links to pause personalised support work for {n} day.',
    other: 'Links to pause personalised support work for {n} days.',
  },
  'pause.tampered.text': 'The link is incomplete or was changed. Please use the whole link from our message.',
  'pause.instead': 'You can pause personalised support on {link} instead.',

  'role.processor': 'Works for us, only on our instructions (a processor)',
  'role.controller': 'Decides for itself how it uses your data (a separate controller)',
  'role.joint': 'Decides together with us how your data is used (a joint controller)',
  'recipients.title': 'Who your data goes to',
  'recipients.intro': {
    one:
      'To help you with support, {controller} shares your data with {n} other company or service: who it is, what ' +
      'it does with it, where, and our agreement with it.',
    other:
      'To help you with support, {controller} shares your data with {n} other companies and services: who they ' +
      'are, what they do with it, where, and our agreement with each.',
  },
  'recipients.none': '{controller} lists no one outside itself who receives your data for support.',
  'recipient.role': 'Their role',
  'recipient.purpose': 'What they do with it',
  'recipient.where': 'Where',
  'recipient.agreement': 'Agreement',
  'recipient.agreementWith': 'Our agreement with {name}',
  'recipient.ask': 'Not stated yet; ask us at {email}',
  'sent.none': 'None of your support tickets has been sent to them.',
  'sent.lead': 'Your support tickets whose text went to them, with your personal details masked:',
  'sent.more': {
    one: 'And {n} earlier ticket: your download lists it.',
    other: 'And {n} earlier tickets: your download lists them all.',
  },
  'ticket.erased': 'Tickets no longer named (their details were erased at your request)',
  'ticket.named': 'Ticket {id}',
  'ticket.conversation': 'the conversation',
  'ticket.conversationAnd': 'the conversation and your {categories}',
  'ticket.once': '{which}: {what}, on {at}.',
  'ticket.times': '{which}: {what}, {n} times, from {first} to {latest}.',

  'purpose.support': 'help you with support requests',
  'purpose.essential': 'run our service, including helping you with support requests',
  'purpose.marketing': 'send you marketing and show you offers',
  'purpose.personalize': 'personalise what we show you',
  'purpose.analytics': 'analyse how our service is used',
  'purpose.other': 'for "{purpose}"',
  'consent.allows': 'Use your {categories} to {purpose}',
  'why.allowed': 'Support agents can see this, because you allowed it on {day} ({source}).',
  'why.no_consent': 'Agents cannot see this: you have not allowed its use for support.',
  'why.withdrawn': 'Agents cannot see this: you withdrew the consent that allowed it.',
  'why.expired': 'Agents cannot see this: the consent that allowed it has expired.',
  'why.needs_explicit_consent':
    'Agents cannot see this: it is sensitive, and only a consent given for exactly this kind of data would allow it.',
  'why.never_shown': 'Agents never see this: it is a credential or security detail.',
  'why.opted_out': 'Agents cannot see this: you asked us not to use your data to personalise support.',

  'by.gpc': 'By your browser (a Global Privacy Control signal)',
  'by.pauseLink': 'By you, with the pause link in a message from us',
  'by.portal': 'By you, in your privacy page',
  'by.agentTicket': 'By our support team, from what you said in support ticket {ticket}',
  'by.agent': 'By our support team, from what you told them',
  'by.admin': 'By us, on your behalf',
  'by.import': 'Brought over from {system}',
  'by.importUnknown': 'Brought over from another system',
  'by.system': 'By Candor itself',
} as const;
