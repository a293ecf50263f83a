import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PoolSignInPage } from './pages/pool-sign-in-page';
import { SecurityPage } from './pages/security-page';
import { poolControl } from './support/pool';

// The Devices section and "Sign out everywhere" in the reader's language (issue 19): the language
// menu's cookie chooses it; the English words are the other specs' (devices.spec.ts).

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

async function seedDevices(username: string, options: { count?: number; name?: string; lastIp?: string; remembered?: boolean } = {}): Promise<string[]> {
  const { devices } = await poolControl('POST', 'devices', { username, count: options.count ?? 1, ...options });
  return devices as string[];
}

/** Signs in (in English: the pool's own page in other languages has its own spec), then switches the portal to `locale`. */
async function signInThenSwitch(page: Page, context: BrowserContext, baseURL: string | undefined, user: { username: string; password: string; name: string }, locale: string) {
  const securityPage = new SecurityPage(page);
  await securityPage.goto();
  await new PoolSignInPage(page).signIn(user);
  await securityPage.expectSignedInAs(user.name);
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL }]);
}

/** Every <time>'s text in the HTML the server sent (React writes each as one text node). */
function serverTimes(html: string): string[] {
  return [...html.matchAll(/<time[^>]*>([^<]*)<\/time>/g)].map((match) => match[1]).sort();
}

/** React's hydration complaints (production builds log them minified: #418, #423, #425). */
function hydrationErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /hydrat|#418|#423|#425/i.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (/hydrat|#418|#423|#425/i.test(error.message)) errors.push(error.message);
  });
  return errors;
}

test.describe('in German', () => {
  test.use({ timezoneId: 'Europe/Berlin' });

  test('rows, menus, dialogs, results and dates say German; the dates the server wrote are the ones hydration keeps', async ({ page, context, baseURL, user }) => {
    // Two look-alikes: the same browser and system on the same network, a second apart.
    for (let i = 0; i < 2; i += 1) {
      if (i > 0) await page.waitForTimeout(1_100);
      await seedDevices(user.username, { name: IPHONE_SAFARI, lastIp: '203.0.113.9', remembered: false });
    }
    await signInThenSwitch(page, context, baseURL, user, 'de');
    // The browser has told the server its zone by now (ReaderClockProvider).
    await expect.poll(async () => (await context.cookies()).find((c) => c.name === 'tz')?.value).toBe(encodeURIComponent('Europe/Berlin'));

    const errors = hydrationErrors(page);
    const response = await page.goto('/security');
    const html = await response!.text();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');

    const region = page.getByRole('region', { name: 'Geräte' });
    const items = region.getByRole('list', { name: 'Ihre Geräte' }).locator('> li');
    await expect(items).toHaveCount(3);
    // Browser and system names stay; the words around them are German.
    expect(await items.locator('h3').allInnerTexts()).toEqual(['Chrome unter Windows', 'Safari unter iOS', 'Safari unter iOS']);
    await expect(items.first().locator('h3 + p')).toHaveText('Dieses Gerät');
    for (const row of (await items.all()).slice(1)) await expect(row.locator('h3 + p')).toHaveText(/^Zuletzt aktiv (vor |gerade eben).* · Zuerst gesehen .* · Nicht gespeichert$/);
    const menuNames = await region.getByRole('button', { name: /^Aktionen für / }).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    expect(menuNames).toEqual(['Aktionen für Chrome unter Windows', 'Aktionen für Safari unter iOS (1 von 2)', 'Aktionen für Safari unter iOS (2 von 2)']);

    // The details' dates: German, in the reader's zone, and hydration changed none of them.
    const times = serverTimes(html);
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} \((vor .+|jetzt)\)$/);
    await page.waitForLoadState('networkidle');
    expect((await page.locator('time').allTextContents()).sort(), 'hydration changed no date').toEqual(times);
    await items.first().locator('summary').click();
    await expect(items.first().locator('summary')).toHaveText('Details zu Chrome unter Windows');
    await expect(items.first().locator('dt')).toHaveText(['Zuletzt angemeldet', 'Zuerst gesehen', 'Letzte IP-Adresse', 'Gespeichert']);

    // The menu, the confirmation and the result.
    await region.getByRole('button', { name: 'Aktionen für Safari unter iOS (1 von 2)', exact: true }).click();
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem')).toHaveText(['Speichern', 'Entfernen']);
    await menu.getByRole('menuitem', { name: 'Entfernen', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.getByRole('heading')).toHaveText('Safari unter iOS (1 von 2) entfernen?');
    await expect(dialog).toContainText('Safari unter iOS (1 von 2) wird aus Ihren Geräten entfernt und nicht mehr gespeichert.');
    await expect(dialog.getByRole('button', { name: 'Abbrechen', exact: true })).toBeFocused();
    await dialog.getByRole('button', { name: 'Gerät entfernen', exact: true }).click();
    await expect(region.getByRole('status').filter({ hasText: /\S/ })).toHaveText('Safari unter iOS (1 von 2) wurde entfernt.');
    await expect(items).toHaveCount(2);

    // Sign out everywhere, asked in German (and cancelled).
    const access = page.getByRole('region', { name: 'Wenn Sie glauben, dass jemand anderes Zugriff hat' });
    await access.getByRole('button', { name: 'Überall abmelden', exact: true }).click();
    await expect(dialog.getByRole('heading')).toHaveText('Überall abmelden?');
    await expect(dialog).toContainText('Alle Geräte und Apps, die bei Ihrem Konto angemeldet sind, werden abgemeldet, auch dieser Browser.');
    await dialog.getByRole('button', { name: 'Abbrechen', exact: true }).click();
    await expect(dialog).toBeHidden();

    expect(errors).toEqual([]);
  });
});

test('in Arabic: the section reads right to left, counts devices with Arabic plurals, and passes axe', async ({ page, context, baseURL, user }) => {
  test.setTimeout(120_000);
  await seedDevices(user.username, { count: 60 }); // "Seeded device 1" … "Seeded device 60": names people gave stay as they are
  await signInThenSwitch(page, context, baseURL, user, 'ar');
  const errors = hydrationErrors(page);
  await page.goto('/security');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  const region = page.getByRole('region', { name: 'الأجهزة' });
  const items = region.getByRole('list', { name: 'أجهزتك' }).locator('> li');
  await expect(items).toHaveCount(6);
  await expect(items.first().locator('h3')).toHaveText('Chrome على Windows');
  await expect(items.first().locator('h3 + p')).toHaveText('هذا الجهاز');
  // 61 devices, 6 shown: Arabic's "many" form (11–99) for both numbers.
  await expect(region).toContainText('55 جهازًا أقدم غير معروض.');
  const showAll = region.getByRole('link', { name: 'عرض كل الأجهزة (61 جهازًا)', exact: true });
  await expect(showAll).toBeVisible();

  // The device's name in the button's label is isolated (FSI … PDI), so a left-to-right name keeps its order in Arabic.
  const ACTIONS_FOR_THIS_DEVICE = 'إجراءات \u2068Chrome على Windows\u2069';
  // Laid out from the right: the menu button at the row's left end, the details indented from the right.
  const row = await items.first().boundingBox();
  const button = await items.first().getByRole('button', { name: ACTIONS_FOR_THIS_DEVICE, exact: true }).boundingBox();
  const summary = await items.first().locator('summary').boundingBox();
  expect(button!.x - row!.x).toBeLessThan(40);
  expect(row!.x + row!.width - (summary!.x + summary!.width)).toBeGreaterThan(50);
  // The open menu lines up with the button's end (its left edge, right to left).
  await items.first().getByRole('button', { name: ACTIONS_FOR_THIS_DEVICE, exact: true }).click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toHaveText(['إيقاف الحفظ', 'نسيان']);
  expect(Math.abs((await menu.boundingBox())!.x - button!.x)).toBeLessThan(2);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');

  await showAll.click();
  await expect(items).toHaveCount(61);
  await expect(region.getByRole('link', { name: 'عرض أحدث الأجهزة فقط', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
