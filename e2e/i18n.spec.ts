import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { catalogMessage, LanguageMenu } from './pages/language-menu';
import { POOL_SIGN_IN_TEXTS } from './pages/pool-sign-in-page';
import { poolControl } from './support/pool';
import { untranslatedText } from './support/pseudo-sweep';
import { EmbedHostPage } from './pages/embed-host-page';
import { VirtualAuthenticator } from './support/virtual-authenticator';
import { PSEUDO_LOCALE } from '../lib/i18n/locales';
import { testTranslator } from '../lib/i18n/test-translator';

// The portal in the person's language (issue 19): the choice in the footer's menu (a cookie) >
// Accept-Language > English; <html lang dir> per locale; no hard-coded English (the pseudo-locale
// sweep); axe clean right to left and in Japanese.

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

test.describe('a German browser', () => {
  test.use({ locale: 'de-DE' });

  test('gets German on its first visit (Accept-Language), and the sign-in page in German too', async ({ page, user, poolSignInPage }) => {
    await page.goto('/');
    await new LanguageMenu(page).expectPageIn('de');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Keep your account secure');
    await page.goto('/security');
    const german = poolSignInPage.in(POOL_SIGN_IN_TEXTS.de);
    await german.expectLanguage();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('de');
    await german.signIn(user);
    await expect(page.getByRole('heading', { level: 1, name: catalogMessage('de', 'security', 'title') })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(catalogMessage('de', 'security', 'title')));
  });
});

test('the language menu switches the page, and the choice outlasts a reload and Accept-Language', async ({ page, user, securityPage, poolSignInPage }) => {
  await securityPage.goto();
  await poolSignInPage.signIn(user);
  await securityPage.expectSignedInAs(user.name);
  const menu = new LanguageMenu(page);

  await menu.choose('日本語', 'ja');
  await expect(page.getByRole('heading', { level: 1, name: catalogMessage('ja', 'security', 'title') })).toBeVisible();
  await page.reload();
  await menu.expectPageIn('ja');
  await page.goto('/');
  await menu.expectPageIn('ja');

  // Back to English through the same menu, with the keyboard.
  await page.goto('/security');
  await menu.select.focus();
  await menu.select.selectOption({ label: 'English' });
  await menu.apply.press('Enter');
  await menu.expectPageIn('en');
  await securityPage.expectSignedInAs(user.name);
});

test('a forged language cookie or form value changes nothing and never errors', async ({ page, context, baseURL }) => {
  for (const value of ['xx', '../../etc/passwd', '"><script>alert(1)</script>', 'de'.repeat(200)]) {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: encodeURIComponent(value), url: baseURL }]);
    const response = await page.goto('/');
    expect(response?.status(), value).toBe(200);
    await new LanguageMenu(page).expectPageIn('en');
  }
});

for (const [locale, ownName] of [
  ['ar', 'العربية'],
  ['ja', '日本語'],
] as const) {
  test(`the Security page in ${locale} passes axe in both themes, on a phone and a desktop`, async ({ page, user, securityPage, poolSignInPage }) => {
    await securityPage.goto();
    await poolSignInPage.signIn(user);
    await securityPage.expectSignedInAs(user.name);
    await new LanguageMenu(page).choose(ownName, locale);
    for (const viewport of [{ width: 375, height: 812 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(viewport);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await expectNoAxeViolations(page, `${locale} ${viewport.width}px ${colorScheme}`);
      }
    }
    if (locale === 'ar') {
      // Right to left: the page heading's text starts at its box's right edge, not its left.
      const edges = await page.getByRole('heading', { level: 1 }).evaluate((heading) => {
        const range = document.createRange();
        range.selectNodeContents(heading);
        const text = range.getBoundingClientRect();
        const box = heading.getBoundingClientRect();
        return { right: box.right - text.right, left: text.left - box.left };
      });
      expect(edges.right).toBeLessThan(2);
      expect(edges.left).toBeGreaterThan(20);
    }
  });
}

test('in the pseudo-locale, every word on the Security page comes from the catalogs', async ({ page, context, baseURL, user, securityPage, poolSignInPage }) => {
  await securityPage.goto();
  await poolSignInPage.signIn(user);
  await securityPage.expectSignedInAs(user.name);
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en-XA', url: baseURL }]);
  await page.goto('/security');
  await new LanguageMenu(page).expectPageIn('en-XA');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^\[.*\]$/);
  expect(await untranslatedText(page)).toEqual([]);
});

test('icons right to left: no icon is mirrored (none points a way), and the disclosure triangles sit at the line’s start', async ({ page, context, baseURL, user, securityPage, poolSignInPage }) => {
  await poolControl('POST', 'devices', { username: user.username, count: 1 }); // a device row, with its "details" disclosure
  await securityPage.goto();
  await poolSignInPage.signIn(user);
  await securityPage.expectSignedInAs(user.name);
  // A row's "details" (the account menu's <summary> is in the header and draws its own chevron).
  const disclosure = page.getByRole('main').locator('li details > summary').first();

  const icons = async () => page.locator('svg').evaluateAll((svgs) => svgs.map((svg) => getComputedStyle(svg).transform));
  /** Where the summary's text is in its box: the browser's triangle (▸, or ◂ right to left) takes the room at the line's start. */
  const triangleSide = async () =>
    disclosure.evaluate((summary) => {
      const range = document.createRange();
      range.selectNodeContents(summary);
      const text = range.getBoundingClientRect();
      const box = summary.getBoundingClientRect();
      return text.left - box.left > box.right - text.right ? 'left' : 'right';
    });

  for (const [locale, start] of [
    ['en', 'left'],
    ['ar', 'right'],
  ] as const) {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL }]);
    await page.goto('/security');
    await new LanguageMenu(page).expectPageIn(locale);
    // The icons are keys, phones, laptops, a menu's dots and a downward chevron: mirroring any would be wrong.
    const transforms = await icons();
    expect(transforms.length, locale).toBeGreaterThan(2);
    expect(transforms.filter((t) => t !== 'none'), locale).toEqual([]);
    await expect(disclosure).toBeVisible();
    expect(await disclosure.evaluate((summary) => getComputedStyle(summary).listStyleType)).toBe('disclosure-closed');
    expect(await triangleSide(), locale).toBe(start);
  }
});

test('in the pseudo-locale (the host’s lang), every word of the embedded view and its add-passkey window comes from the catalogs', async ({ page, user }) => {
  const pseudo = { embed: testTranslator(PSEUDO_LOCALE, 'embed'), passkeys: testTranslator(PSEUDO_LOCALE, 'passkeys') };
  const host = new EmbedHostPage(page);
  // Without allow="publickey-credentials-create", so the view offers the add-passkey window.
  const query = `?theme=light&noWebAuthnDelegation=1&lang=${PSEUDO_LOCALE}`;
  const view = async () => (await host.iframe.elementHandle())!.contentFrame().then((frame) => frame!);

  // Signed out.
  await host.open(undefined, query);
  await expect(host.view.locator('html')).toHaveAttribute('lang', PSEUDO_LOCALE);
  await expect(host.view.getByRole('button', { name: pseudo.embed('signIn'), exact: true })).toBeVisible();
  expect(await untranslatedText(await view()), 'the signed-out view').toEqual([]);

  // Signed in (the view's own session, whatever its language), with a passkey and a device listed.
  await host.open();
  await host.signInThroughPopup(user);
  await host.open(undefined, query);
  await expect(host.view.locator('html')).toHaveAttribute('lang', PSEUDO_LOCALE);
  await expect(host.view.getByRole('list', { name: pseudo.passkeys('listLabel') }).or(host.view.getByText(pseudo.passkeys('emptyTitle')))).toBeVisible();
  await expect(host.view.getByRole('list', { name: testTranslator(PSEUDO_LOCALE, 'devices')('listLabel') })).toBeVisible();
  expect(await untranslatedText(await view()), 'the signed-in view').toEqual([]);

  // The offer of a window, then the window itself: first asking to sign in, then adding.
  await host.view.getByRole('button', { name: pseudo.passkeys('addButton') }).click();
  const offer = host.view.getByRole('button', { name: pseudo.passkeys('popupButton') });
  await expect(offer).toBeFocused();
  expect(await untranslatedText(await view()), 'the view offering the window').toEqual([]);
  const opened = page.context().waitForEvent('page');
  await offer.click();
  const popup = await opened;
  await VirtualAuthenticator.attach(popup);
  await popup.waitForURL((url) => url.pathname === '/embed/add-passkey');
  await expect(popup.locator('html')).toHaveAttribute('lang', PSEUDO_LOCALE);
  await expect(popup.getByRole('heading', { level: 1, name: pseudo.embed('signInToContinue') })).toBeVisible();
  expect(await untranslatedText(popup), 'the add-passkey window, signed out').toEqual([]);
  // The pool remembers the view's sign-in: its window closes by itself.
  const continueButton = popup.getByRole('button', { name: pseudo.embed('continueToSignIn') });
  await expect(continueButton).toBeFocused();
  const signInOpened = popup.context().waitForEvent('page');
  await popup.keyboard.press('Enter');
  const signInWindow = await signInOpened;
  await signInWindow.waitForEvent('close');
  await expect(popup.getByRole('button', { name: pseudo.passkeys('addButton') })).toBeVisible();
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText(pseudo.embed('addPasskeyTitle'));
  expect(await untranslatedText(popup), 'the add-passkey window, signed in').toEqual([]);

  // It adds the passkey and closes; the view lists it and says so.
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: pseudo.passkeys('addButton') }).click();
  await closed;
  await expect(host.view.getByRole('list', { name: pseudo.passkeys('listLabel') }).getByRole('listitem')).toHaveCount(1);
  await expect(host.view.getByRole('region', { name: testTranslator(PSEUDO_LOCALE, 'security')('passkeysTerm') }).getByRole('status')).not.toBeEmpty();
  expect(await untranslatedText(await view()), 'the view with the passkey added').toEqual([]);
});
