import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { POOL_SIGN_IN_TEXTS } from './pages/pool-sign-in-page';

// The pool's sign-in page in the person's language, chosen as Cognito's managed login chooses:
// `lang` on /oauth2/authorize, remembered by the pool in a cookie. Each test opens the authorize
// URL the portal's own sign-in produced, with `lang` added, so the sign-in that follows is real.

const { de, fr, ja, ar, en } = POOL_SIGN_IN_TEXTS;

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('lang=de shows the sign-in page in German, signing in still works, and the pool remembers German', async ({ page, user, homePage, poolSignInPage, securityPage }) => {
  await securityPage.goto();
  await poolSignInPage.expectShown();
  await poolSignInPage.openWithLang('de');

  const german = poolSignInPage.in(de);
  await german.expectLanguage();
  await expect(page).toHaveTitle(/^Anmelden – /);
  await expect(german.passkeyButton).toBeVisible();
  await expect(page.getByText('Sign in', { exact: true })).toHaveCount(0);

  // The same sign-in without lang: the pool's cookie still says German, as Cognito's does.
  const withoutLang = new URL(page.url());
  withoutLang.searchParams.delete('lang');
  await page.goto(withoutLang.toString());
  await german.expectLanguage();

  await german.signIn(user);
  await securityPage.expectSignedInAs(user.name);

  // Signed out (which ends the pool's session too), the portal's next sign-in carries its own
  // locale (English, from this browser's Accept-Language): the pool follows the newest lang.
  await securityPage.signOut();
  await homePage.expectShown();
  await securityPage.goto();
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
  await poolSignInPage.in(en).expectLanguage();
});

test('the portal sends the chosen locale as lang, and the person comes back to the portal in it', async ({ page, context, baseURL, user, poolSignInPage, securityPage }) => {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'de', url: baseURL }]);
  await securityPage.goto();
  const german = poolSignInPage.in(de);
  await german.expectLanguage();
  expect(new URL(page.url()).searchParams.get('lang')).toBe('de');
  await german.signIn(user);
  await expect(page).toHaveURL(/\/security/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
});

test('lang=ar gives a right-to-left page, laid out from the right', async ({ page, user, poolSignInPage, securityPage }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await securityPage.goto();
  await poolSignInPage.expectShown();
  await poolSignInPage.openWithLang('ar');

  const arabic = poolSignInPage.in(ar);
  await arabic.expectLanguage();
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).direction)).toBe('rtl');
  // The heading's text starts at the card's right edge, not its left.
  const edges = await arabic.heading.evaluate((heading) => {
    const range = document.createRange();
    range.selectNodeContents(heading);
    const text = range.getBoundingClientRect();
    const box = heading.getBoundingClientRect();
    return { textRight: text.right, boxRight: box.right, textLeft: text.left, boxLeft: box.left };
  });
  expect(Math.abs(edges.boxRight - edges.textRight)).toBeLessThan(2);
  expect(edges.textLeft - edges.boxLeft).toBeGreaterThan(20);

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page);
  }

  await arabic.signIn(user);
  await securityPage.expectSignedInAs(user.name);
});

test('a failed sign-in keeps the language after the redirect to a fresh form', async ({ page, user, poolSignInPage, securityPage }) => {
  await securityPage.goto();
  await poolSignInPage.expectShown();
  await poolSignInPage.openWithLang('fr');

  const french = poolSignInPage.in(fr);
  await french.expectLanguage();
  await french.username.fill(user.username);
  await french.password.fill('not the password');
  await french.signInButton.click();

  await french.expectFailure(fr.wrongPassword);
  await french.expectLanguage();
  await expect(page).toHaveTitle(/^Erreur : Se connecter – /);
  expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
  await expect(french.username).toHaveValue(user.username);

  await page.reload();
  await french.expectFailure(fr.wrongPassword);
  await french.expectLanguage();

  await french.password.fill(user.password);
  await french.signInButton.click();
  await securityPage.expectSignedInAs(user.name);
});

test('Japanese passes axe in both themes, on a phone and a desktop', async ({ page, poolSignInPage, securityPage }) => {
  await securityPage.goto();
  await poolSignInPage.expectShown();
  await poolSignInPage.openWithLang('ja');
  const japanese = poolSignInPage.in(ja);
  for (const viewport of [{ width: 375, height: 812 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(viewport);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await japanese.expectLanguage();
      await expectNoAxeViolations(page);
    }
  }
});

test('an unknown or hostile lang gives English, never an error', async ({ page, user, poolSignInPage, securityPage }) => {
  await securityPage.goto();
  await poolSignInPage.expectShown();
  const authorize = page.url();
  for (const lang of ['xx', 'de-AT', '"><script>alert(1)</script>', 'x'.repeat(2000)]) {
    await poolSignInPage.openWithLang(lang, authorize);
    await poolSignInPage.in(en).expectLanguage();
  }
  await poolSignInPage.signIn(user);
  await securityPage.expectSignedInAs(user.name);
});
