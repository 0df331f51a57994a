/** The team lead's pages share one sign-in: an agent token is refused with the page's own words, a lead's is let in. */
import type { Page } from 'playwright-core';

export async function signInAsLead(page: Page, url: string, tokens: { agent: string; lead: string }, refusal: string) {
  await page.goto(url);
  await page.fill('#token', tokens.agent);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#sign-in-error', { hasText: refusal }).waitFor();

  await page.fill('#token', tokens.lead);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#who', { hasText: 'Signed in as lead' }).waitFor();
}
