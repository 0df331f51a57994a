/**
 * Signing in to a team lead's page. Every page has the same form (`#sign-in`, `#token`,
 * `#sign-in-error`) and says in `#who` who is signed in. The token is checked with `/me` and kept
 * for this tab (api.ts). Refusing an agent token here only says so plainly: the API's role checks
 * refuse it anyway.
 */
import { call, token } from './api.js';
import { button } from '../../../browser/dom.js';
import { t } from './words.js';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const ROLES = ['agent', 'lead', 'admin', 'privacy'] as const;
/** A role in words; a role this page does not know, as the server named it. */
const roleName = (role: string) =>
  (ROLES as readonly string[]).includes(role) ? t(`admin.role.${role as (typeof ROLES)[number]}`) : role;

async function accept(candidate: string, refusal: string, refused: readonly string[]): Promise<boolean> {
  token.set(candidate);
  const { status, body } = await call<{ tokenId: string; role: string }>('GET', '/me');
  const error =
    status === 401
      ? t('admin.signIn.refused')
      : refused.includes(body.role)
        ? refusal
        : status !== 200
          ? t('admin.serverAnswered', { status })
          : '';
  if (error) {
    token.clear();
    byId('sign-in-error').textContent = error;
    return false;
  }
  byId('who').textContent = t('admin.signIn.as', { role: roleName(body.role), token: body.tokenId });
  byId('who').append(
    ' ',
    button(t('admin.signIn.out'), () => {
      token.clear();
      location.reload();
    }),
  );
  byId('sign-in').hidden = true;
  return true;
}

/**
 * Signs in with this tab's token if it still works, else shows the form; then runs `start`. `refusal` is said to the
 * roles the page is not for (agents, by default).
 */
export function signIn(
  refusal: string,
  start: () => void | Promise<void>,
  refused: readonly string[] = ['agent'],
): void {
  const form = byId<HTMLFormElement>('sign-in');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      if (await accept(byId<HTMLInputElement>('token').value.trim(), refusal, refused)) await start();
    })();
  });
  void (async () => {
    if (token.get() && (await accept(token.get(), refusal, refused))) return start();
    form.hidden = false;
  })();
}
