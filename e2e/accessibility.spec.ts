import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`pages pass axe's WCAG 2.1 AA checks in the ${colorScheme} theme`, async ({ page, user, homePage, portalSignInPage, poolSignInPage, securityPage }) => {
    await page.emulateMedia({ colorScheme });
    await homePage.goto();
    await expectNoViolations(page);

    // The portal's sign-in page, shown when there is something to say.
    await page.goto('/sign-in?callbackUrl=%2Fsecurity&reason=session-ended');
    await portalSignInPage.expectShown('/security');
    await expectNoViolations(page);

    // Signed out, /security goes straight to the pool's sign-in page, which is checked too.
    await securityPage.goto();
    await poolSignInPage.expectShown();
    await expectNoViolations(page);
    await poolSignInPage.signIn(user);
    await securityPage.expectSignedInAs(user.name);
    await expectNoViolations(page);
  });
}
