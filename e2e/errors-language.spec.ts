import { expect, test } from './fixtures';
import { POOL_SIGN_IN_TEXTS } from './pages/pool-sign-in-page';
import { poolControl } from './support/pool';

// What went wrong, in the person's language: the Cognito error table gives a message key, and the
// portal words it in the request's locale (here German, chosen by the language menu's cookie), both
// where a section is rendered and in a server action's result. The controls are found by what they
// are, not by their words, which other work is translating.

const THROTTLED_DE = 'In kurzer Zeit gab es zu viele Anfragen. Bitte versuchen Sie es gleich noch einmal.';
const THROTTLED_EN = 'There have been too many requests in a short time. Please try again in a moment.';

test.afterEach(async () => {
  await poolControl('PUT', 'faults', {});
});

test('a German reader is told in German when Cognito throttles an action and when it throttles loading the passkeys', async ({ page, context, baseURL, user, poolSignInPage }) => {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'de', url: baseURL! }]);
  await page.goto('/security');
  await poolSignInPage.in(POOL_SIGN_IN_TEXTS.de).signIn(user);
  await expect(page).toHaveURL(/\/security$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  // The Add button, once it works.
  const add = page.locator('button[data-interactive="true"]');
  await expect(add).toBeVisible();

  // A server action's failure: its result carries the German words.
  await poolControl('PUT', 'faults', { StartWebAuthnRegistration: { error: 'TooManyRequestsException' } });
  await add.click();
  await expect(page.getByRole('alert').filter({ hasText: THROTTLED_DE })).toBeVisible();

  // The Passkeys section could not load: the server-rendered message is German too.
  await poolControl('PUT', 'faults', { ListWebAuthnCredentials: { error: 'TooManyRequestsException' } });
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: THROTTLED_DE })).toBeVisible();
  await expect(page.getByText(THROTTLED_EN)).toHaveCount(0);
});
