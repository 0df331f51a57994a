/**
 * What the portal says about flagging a fact as wrong, in one place so it can be translated as one.
 */
export const FLAG_WORDS = {
  open: 'This is wrong',
  wrong: 'What is wrong (optional)',
  shouldSay: 'What it should say (optional)',
  send: 'Tell us',
  /** Followed by the date. */
  flaggedOn: 'You told us this is wrong on',
  withdraw: 'I was mistaken: take this back',
  flashFlagged: 'Thank you: we will check it, and correct or remove it.',
  flashWithdrawn: 'Done: you took back what you told us was wrong.',
  /** Error pages add the full stop. */
  noFact: 'There is no such fact among what we hold about you',
  flaggedAlready: 'You told us already that this is wrong',
  tooMany: 'You have told us about many items today. Please write to us instead, or try again tomorrow',
  notFlagged: 'You have not told us this fact is wrong',
} as const;
