import { expect, isolatedTest } from './fixtures';
import { signInToPasskeys } from './pages/passkeys-section';
import { VirtualAuthenticator } from './support/virtual-authenticator';

// A pool that has no custom:passkeys attribute (LOCAL_POOL_CUSTOM_ATTRIBUTES=[]), as a real pool
// set up before the portal kept passkey details: the page is as it was, and nothing fails.
isolatedTest.use({ isolatedPortalOptions: { port: 3107, poolEnv: { LOCAL_POOL_CUSTOM_ATTRIBUTES: '[]' } } });

isolatedTest('without the details attribute: Cognito’s names, no naming or renaming, no error', async ({ page, user, homePage, poolSignInPage, securityPage }) => {
  const passkeys = await signInToPasskeys(page, user, { homePage, poolSignInPage, securityPage });
  await VirtualAuthenticator.attach(page, { transport: 'internal', backupEligible: true, backedUp: true });
  await passkeys.addAndExpectAdded();
  await expect(passkeys.nameNew).toHaveCount(0);
  await page.reload();
  await passkeys.expectReady();
  expect(await passkeys.names()).toEqual(['Passkey']);
  await passkeys.openActions('Passkey');
  await expect(passkeys.menuItem('Passkey', 'rename')).toHaveCount(0);
  await expect(passkeys.menuItem('Passkey', 'delete')).not.toHaveAttribute('aria-disabled');
  await page.keyboard.press('Escape');
  expect(await passkeys.badge('Passkey')).toBe('');
  await expect(passkeys.alert).toHaveText('');
  await passkeys.openActions('Passkey');
  await expect(passkeys.menuItem('Passkey', 'delete')).toBeEnabled();
  await expect(passkeys.menuItem('Passkey', 'delete')).not.toHaveAttribute('aria-disabled');
});
