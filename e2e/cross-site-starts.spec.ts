import { randomBytes } from 'node:crypto';
import { expect, test } from './fixtures';
import { e2eEnvironment } from './support/environment';
import { sessionCookies } from './support/session-cookie';

// What other sites can make a browser do to the portal: send it to a return path of their
// choosing, or start a sign-in in a window of their own (issue 14, findings 1 and 2).

test('a signed-in person sent to /sign-in with a hostile return path stays on the portal', async ({ page, homePage, poolSignInPage, securityPage, user }) => {
  const portalOrigin = new URL(e2eEnvironment().portalUrl).origin;
  await homePage.goto();
  await homePage.signInButton.click();
  await poolSignInPage.signIn(user);
  await securityPage.expectSignedInAs(user.name);

  const leftThePortal: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest() && new URL(request.url()).origin !== portalOrigin) leftThePortal.push(request.url());
  });
  for (const hostile of ['/.//evil.example/phish', '/a/..//evil.example', '/%2e//evil.example', '/\\evil.example', 'https://evil.example/', '/\t/evil.example']) {
    await page.goto(`/sign-in?${new URLSearchParams({ callbackUrl: hostile }).toString()}`);
    await expect(page, hostile).toHaveURL(`${portalOrigin}/security`);
    await securityPage.expectSignedInAs(user.name);
  }
  expect(leftThePortal).toEqual([]);
});

test('another site cannot start a portal sign-in by itself; the portal’s own click still can', async ({ page, context, homePage, poolSignInPage, securityPage, user }) => {
  const env = e2eEnvironment();
  // The pool remembers this person's sign-in; the portal has no session of its own.
  await homePage.goto();
  await homePage.signInButton.click();
  await poolSignInPage.signIn(user);
  await securityPage.expectSignedInAs(user.name);
  await context.clearCookies({ name: /^next-auth\.session-token/ });
  expect(await sessionCookies(context)).toEqual([]);

  // A page of another site navigates its window to the add-passkey window's sign-in start.
  const state = randomBytes(32).toString('base64url');
  const start = `${env.portalUrl}/api/auth-popup/sign-in?${new URLSearchParams({ state, host: env.embedHosts.allowed, next: 'add-passkey' }).toString()}`;
  await page.goto(`${env.embedHosts.foreign}/`);
  await page.evaluate((url) => window.location.assign(url), start);
  await expect(page.getByRole('heading', { level: 1, name: 'Continue to sign-in' })).toBeVisible();
  const continueButton = page.getByRole('button', { name: 'Continue to sign-in' });
  await expect(continueButton).toBeFocused();
  // Nothing submits by itself: give a script that would the time to run, then check.
  await page.waitForLoadState('networkidle');
  expect(new URL(page.url()).pathname).toBe('/api/auth-popup/sign-in');
  expect(await sessionCookies(context), 'no portal session was created').toEqual([]);

  // The person's own click on the portal's page starts it, and the pool's session signs them in.
  await continueButton.click();
  await expect(page).toHaveURL((url) => url.pathname === '/api/auth-popup/finish');
  expect((await sessionCookies(context)).length).toBeGreaterThan(0);
});

test('another site sending a signed-out browser to /security gets the pool’s form, never a sign-in by the pool’s remembered session', async ({ page, context, homePage, poolSignInPage, securityPage, user }) => {
  const env = e2eEnvironment();
  // The pool remembers this person's sign-in; the portal has no session of its own.
  await homePage.goto();
  await homePage.signInButton.click();
  await poolSignInPage.signIn(user);
  await securityPage.expectSignedInAs(user.name);
  await context.clearCookies({ name: /^next-auth\.session-token/ });

  // A page of another site navigates its window to /security: straight to the pool's sign-in page,
  // which asks (prompt=login) rather than finishing the sign-in by itself.
  await page.goto(`${env.embedHosts.foreign}/`);
  await page.evaluate((url) => window.location.assign(url), `${env.portalUrl}/security`);
  await poolSignInPage.expectShown();
  expect(new URL(page.url()).searchParams.get('prompt')).toBe('login');
  await page.waitForLoadState('networkidle');
  expect(await sessionCookies(context), 'no portal session was created').toEqual([]);
  await expect(poolSignInPage.username).toHaveValue(user.username);
  await poolSignInPage.password.fill(user.password);
  await poolSignInPage.signInButton.click();
  await securityPage.expectSignedInAs(user.name);

  // From the portal's own page, one click: the pool's remembered sign-in finishes it.
  await context.clearCookies({ name: /^next-auth\.session-token/ });
  await homePage.goto();
  await homePage.signInButton.click();
  await securityPage.expectSignedInAs(user.name);
});
