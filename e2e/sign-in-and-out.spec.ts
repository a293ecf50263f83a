import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { e2eEnvironment } from './support/environment';
import { decodeSession, sessionCookies } from './support/session-cookie';

/** Every top-level page the browser loads from now on (after redirects), as URLs. */
function pagesLoaded(page: Page): URL[] {
  const loaded: URL[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) loaded.push(new URL(frame.url()));
  });
  return loaded;
}

test('signs in through the pool, stays signed in on reload, and signs out at the pool too', async ({
  page,
  context,
  pool,
  user,
  poolSignInPage,
  securityPage,
  homePage,
}) => {
  // No session: /security sends the person straight to the pool's sign-in page, then brings them back.
  await securityPage.goto();
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
  await poolSignInPage.expectShown();
  await expect(poolSignInPage.password).toHaveValue('');
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

test('signed out, /security goes straight to the pool’s sign-in page, with no page in between, and back', async ({ page, context, user, poolSignInPage, securityPage }) => {
  const portalOrigin = new URL(e2eEnvironment().portalUrl).origin;
  const poolOrigin = new URL(e2eEnvironment().pool.endpoint).origin;
  const loaded = pagesLoaded(page);
  await securityPage.goto();
  await poolSignInPage.expectShown();
  // One step: the first page the browser showed is the pool's form, for the portal's client.
  expect(loaded.map((url) => url.origin)).toEqual([poolOrigin]);
  const authorize = loaded[0];
  expect(authorize.pathname).toBe('/oauth2/authorize');
  expect(authorize.searchParams.get('redirect_uri')).toBe(`${portalOrigin}/api/auth/callback/cognito`);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  // Opened by the person, so the pool's remembered sign-in may finish it (no prompt=login).
  expect(authorize.searchParams.get('prompt')).toBeNull();
  expect(await sessionCookies(context)).toEqual([]);

  await poolSignInPage.signIn(user);
  await securityPage.expectSignedInAs(user.name);
  expect(loaded.some((url) => url.origin === portalOrigin && url.pathname === '/sign-in'), 'the portal’s sign-in page was never shown').toBe(false);
});

test('a hostile callbackUrl on the sign-in start stays on the portal', async ({ page, user, poolSignInPage, securityPage }) => {
  const portalOrigin = new URL(e2eEnvironment().portalUrl).origin;
  const poolOrigin = new URL(e2eEnvironment().pool.endpoint).origin;
  const leftForElsewhere: string[] = [];
  page.on('request', (request) => {
    const origin = new URL(request.url()).origin;
    if (request.isNavigationRequest() && origin !== portalOrigin && origin !== poolOrigin) leftForElsewhere.push(request.url());
  });
  const hostile = ['https://evil.example/', '//evil.example/phish', '/.//evil.example/phish', '/%2e//evil.example', '/\\evil.example', '/\t/evil.example'];
  // The first signs in at the pool; the rest are finished by the pool's remembered sign-in.
  await page.goto(`/sign-in/start?${new URLSearchParams({ callbackUrl: hostile[0] }).toString()}`);
  await poolSignInPage.signIn(user);
  await expect(page).toHaveURL(`${portalOrigin}/security`);
  for (const callbackUrl of hostile.slice(1)) {
    await page.goto(`/sign-in/start?${new URLSearchParams({ callbackUrl }).toString()}`);
    await expect(page, callbackUrl).toHaveURL(`${portalOrigin}/security`);
    await securityPage.expectSignedInAs(user.name);
  }
  expect(leftForElsewhere).toEqual([]);
});

test('the pool’s sign-in page answers a wrong password with a fresh form (post/redirect/get) that keeps the error on reload', async ({ page, user, poolSignInPage, securityPage }) => {
  const poolOrigin = new URL(e2eEnvironment().pool.endpoint).origin;
  await securityPage.goto();
  await poolSignInPage.expectShown();
  await poolSignInPage.username.fill(user.username);
  await poolSignInPage.password.fill('not the password');
  await poolSignInPage.signInButton.click();

  await poolSignInPage.expectFailure('Incorrect username or password.');
  // A page loaded with GET: the authorize URL again, naming only an opaque notice.
  const failed = new URL(page.url());
  expect(`${failed.origin}${failed.pathname}`).toBe(`${poolOrigin}/oauth2/authorize`);
  expect(failed.searchParams.get('sign_in_notice')).toMatch(/^[\w-]{22}$/);
  expect(failed.search).not.toContain(encodeURIComponent(user.username));
  await expect(poolSignInPage.username).toHaveValue(user.username);
  await expect(poolSignInPage.password).toHaveValue('');
  await expect(poolSignInPage.password).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Sign in – /);

  // Reloading fetches the same fresh form with the same error: no page is posted again.
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.method() === 'POST') posts.push(request.url());
  });
  await page.reload();
  await poolSignInPage.expectFailure('Incorrect username or password.');
  await expect(poolSignInPage.username).toHaveValue(user.username);
  expect(posts).toEqual([]);

  // And the fresh form signs in.
  await poolSignInPage.password.fill(user.password);
  await poolSignInPage.signInButton.click();
  await securityPage.expectSignedInAs(user.name);
});

test('the pool’s sign-in page looks like the portal and explains what “Forgot your password?” does locally', async ({ page, user, poolSignInPage, securityPage }) => {
  await securityPage.goto();
  await poolSignInPage.expectShown();
  // The portal's name, as its header and title.
  await expect(page.getByRole('banner')).toHaveText('Account security');
  await expect(page).toHaveTitle('Sign in – Account security');
  await poolSignInPage.forgotPasswordLink.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('sends no email');
  await expect(page.getByRole('main')).toContainText('PUT /_local/users/<username>/password');
  await page.getByRole('link', { name: 'Back to sign in' }).click();
  await poolSignInPage.signIn(user);
  await securityPage.expectSignedInAs(user.name);
});

test('the home page, the sign-in page and a missing page speak the person’s language, Arabic from the right', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ja', url: baseURL }]);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'アカウントを安全に保ちましょう' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'サインイン', exact: true })).toBeVisible();
  await expect(page).toHaveTitle('アカウントのセキュリティ');

  await page.goto('/sign-in?reason=session-ended');
  await expect(page).toHaveTitle('サインイン · アカウントのセキュリティ');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('サインイン');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('セッションが終了しました。続けるには、もう一度サインインしてください。');

  const missing = await page.goto('/no-such-page');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');

  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ar', url: baseURL }]);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('حافظ على أمان حسابك');
  // The list's bullets hang on the right: its padding is on the inline start, which is the right here.
  const list = page.getByRole('main').getByRole('list');
  expect(await list.evaluate((ul) => [getComputedStyle(ul).paddingRight, getComputedStyle(ul).paddingLeft])).toEqual(['24px', '0px']);
});
