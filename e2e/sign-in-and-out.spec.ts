import { expect, test } from './fixtures';
import { decodeSession, sessionCookies } from './support/session-cookie';

test('signs in through the pool, stays signed in on reload, and signs out at the pool too', async ({
  page,
  context,
  pool,
  user,
  portalSignInPage,
  poolSignInPage,
  securityPage,
  homePage,
}) => {
  // No session: /security sends the person to sign in, then brings them back.
  await securityPage.goto();
  await portalSignInPage.expectShown('/security');
  await portalSignInPage.signInButton.click();
  await poolSignInPage.signIn(user);
  await securityPage.expectSignedInAs(user.name);
  await expect(securityPage.signedInAs).toContainText(user.email);

  await page.reload();
  await securityPage.expectSignedInAs(user.name);

  const session = await decodeSession(context);
  expect(session, 'the session cookie decrypts with the portal secret').not.toBeNull();
  const { accessToken, refreshToken } = session!.cognito;
  expect(await pool.getUser(accessToken)).toEqual({ ok: true, username: user.username });
  expect(await pool.activeSessions(user.username)).toBe(1);

  // Sign-out: the portal revokes the refresh token, clears its cookie and ends the pool's session.
  const poolLogout = page.waitForRequest((request) => request.url().startsWith(`${pool.info.endpoint}/logout?`));
  await securityPage.signOut();
  const logoutUrl = new URL((await poolLogout).url());
  expect(logoutUrl.searchParams.get('client_id')).toBe(pool.info.clientId);
  await homePage.expectShown();
  await expect(homePage.signInButton).toBeVisible();
  expect(await sessionCookies(context)).toEqual([]);

  // The refresh token is dead at the pool, by both of Cognito's ways to use one.
  const refresh = await pool.refreshAtTokenEndpoint(refreshToken);
  expect(refresh.status).toBe(400);
  expect(refresh.body.error).toBe('invalid_grant');
  expect(await pool.refreshWithInitiateAuth(refreshToken)).toBe('NotAuthorizedException');
  expect(await pool.getUser(accessToken)).toEqual({ ok: false, error: 'NotAuthorizedException' });
  expect(await pool.activeSessions(user.username)).toBe(0);

  // And /security asks for sign-in again, which needs the password again.
  await securityPage.goto();
  await portalSignInPage.expectShown('/security');
  await portalSignInPage.signInButton.click();
  await poolSignInPage.expectShown();
});

test('keeps every token away from client-side JavaScript', async ({ page, context, user, homePage, poolSignInPage, securityPage }) => {
  await homePage.goto();
  await homePage.signInButton.click();
  await poolSignInPage.signIn(user);
  await securityPage.expectSignedInAs(user.name);

  const session = await decodeSession(context);
  const secrets = [session!.cognito.accessToken, session!.cognito.refreshToken];

  // The session cookie is HttpOnly and SameSite=Lax, so scripts cannot read it.
  const cookies = await sessionCookies(context);
  expect(cookies.length).toBeGreaterThan(0);
  for (const cookie of cookies) {
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
  }
  expect(await page.evaluate(() => document.cookie)).not.toContain('session-token');

  // next-auth's session endpoint tells the browser who is signed in, and nothing more.
  const response = await page.request.get('/api/auth/session');
  const publicSession = (await response.json()) as Record<string, unknown>;
  expect(Object.keys(publicSession).sort()).toEqual(['expires', 'user']);
  expect(publicSession.user).toEqual({ name: user.name, email: user.email });
  const sessionText = JSON.stringify(publicSession);
  for (const secret of secrets) expect(sessionText).not.toContain(secret);

  // Nor is any token in the page the browser received (HTML plus the RSC payload inside it).
  const html = await page.content();
  for (const secret of secrets) expect(html).not.toContain(secret);
  expect(html).not.toMatch(/eyJ[\w-]+\.eyJ/); // no JWT of any kind
});

test('the home page offers sign-in and returns to the security settings', async ({ user, homePage, poolSignInPage, securityPage }) => {
  await homePage.goto();
  await homePage.signInButton.click();
  await poolSignInPage.signIn(user);
  await securityPage.expectSignedInAs(user.name);
  await homePage.goto();
  await expect(homePage.securitySettingsLink).toBeVisible();
});
