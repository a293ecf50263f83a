import { expect, test } from './fixtures';
import { decodeSession, sessionCookies } from './support/session-cookie';

const SHORT_LIFETIME_SECONDS = 6;

test.describe('access token lifetime', () => {
  test.beforeEach(async ({ pool }) => {
    await pool.setTokenLifetimes({ accessTokenTtlSeconds: SHORT_LIFETIME_SECONDS, idTokenTtlSeconds: SHORT_LIFETIME_SECONDS });
  });

  test.afterEach(async ({ pool }) => {
    await pool.setTokenLifetimes({ accessTokenTtlSeconds: 3600, idTokenTtlSeconds: 3600 });
  });

  test('an expired access token is refreshed without the person noticing', async ({ page, context, pool, user, homePage, poolSignInPage, securityPage }) => {
    await homePage.goto();
    await homePage.signInButton.click();
    await poolSignInPage.signIn(user);
    await securityPage.expectSignedInAs(user.name);

    const first = (await decodeSession(context))!.cognito;
    expect(first.accessTokenLifetimeSeconds).toBeLessThanOrEqual(SHORT_LIFETIME_SECONDS);

    // Wait until the pool itself no longer accepts the first access token.
    await expect
      .poll(async () => (await pool.getUser(first.accessToken)).ok, { timeout: (SHORT_LIFETIME_SECONDS + 10) * 1000, intervals: [500] })
      .toBe(false);

    const browserToPool: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(pool.info.endpoint)) browserToPool.push(request.url());
    });
    await page.reload();
    await securityPage.expectSignedInAs(user.name);
    expect(browserToPool, 'the browser never went back to the pool').toEqual([]);

    const second = (await decodeSession(context))!.cognito;
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.accessTokenExpiresAt).toBeGreaterThan(first.accessTokenExpiresAt);
    // The pool does not rotate refresh tokens, so the portal keeps the one it has.
    expect(second.refreshToken).toBe(first.refreshToken);
    expect(await pool.getUser(second.accessToken)).toEqual({ ok: true, username: user.username });
  });

  test('a refresh the pool refuses ends the session cleanly and asks for sign-in again', async ({
    page,
    context,
    pool,
    user,
    homePage,
    poolSignInPage,
    securityPage,
    portalSignInPage,
  }) => {
    await homePage.goto();
    await homePage.signInButton.click();
    await poolSignInPage.signIn(user);
    await securityPage.expectSignedInAs(user.name);
    const { accessToken, refreshToken } = (await decodeSession(context))!.cognito;

    // The sign-in is revoked behind the portal's back (e.g. by an administrator), then the token expires.
    const revoked = await fetch(`${pool.info.endpoint}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refreshToken, client_id: pool.info.clientId }),
    });
    expect(revoked.status).toBe(200);
    await expect
      .poll(async () => (await pool.getUser(accessToken)).ok, { timeout: (SHORT_LIFETIME_SECONDS + 10) * 1000, intervals: [500] })
      .toBe(false);
    await page.waitForTimeout(SHORT_LIFETIME_SECONDS * 1000);

    await page.reload();
    await portalSignInPage.expectShown('/security');
    await expect(portalSignInPage.notice).toContainText('Your session has ended');
    expect(await sessionCookies(context)).toEqual([]);
  });
});
