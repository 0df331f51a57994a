/**
 * Taxonomy keys are hierarchical at dot boundaries: `user.behavior` covers `user.behavior.x`, `user.behav` covers
 * nothing.
 */
export function isAtOrUnder(key: string, ancestor: string): boolean {
  return key === ancestor || (key.length > ancestor.length && key.startsWith(ancestor) && key[ancestor.length] === '.');
}
