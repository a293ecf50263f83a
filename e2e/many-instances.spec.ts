import { expect, isolatedTest as test } from './fixtures';
import { PasskeysSection } from './pages/passkeys-section';
import { decodeSession } from './support/session-cookie';
import { signInFromSecurityPage } from './support/sign-in-from-security-page';
import { VirtualAuthenticator } from './support/virtual-authenticator';

// Two portal instances of one build behind a round-robin proxy (no stickiness: each request goes
// to the other instance), against one pool, as serverless and container platforms run the portal.
// Nothing the portal does may depend on two requests reaching the same process.

test.use({ isolatedPortalOptions: { port: 3108, instances: 2 } });

const SHORT_LIFETIME_SECONDS = 6;

test('sign-in, add a passkey and delete it, every request alternating instances', async ({ page, user, securityPage, portalSignInPage, poolSignInPage, isolatedPortal }) => {
  const before = isolatedPortal.served.length;
  await signInFromSecurityPage({ securityPage, portalSignInPage, poolSignInPage }, user);

  const passkeys = new PasskeysSection(page);
  await VirtualAuthenticator.attach(page, { transport: 'internal' });
  await passkeys.expectReady();
  await passkeys.addAndExpectAdded();
  await passkeys.expectCount(1);
  await passkeys.delete('Passkey');
  await expect(passkeys.status).toHaveText('Passkey “Passkey” deleted.');
  await passkeys.expectCount(0);
  await page.reload();
  await passkeys.expectCount(0);

  const served = isolatedPortal.served.slice(before);
  // Strict alternation, and both instances took part in the changes (server actions and next-auth posts).
  served.forEach((request, i) => expect(request.instance).toBe((served[0].instance + i) % 2));
  const posts = served.filter((r) => r.method === 'POST');
  expect(new Set(posts.map((r) => r.instance))).toEqual(new Set([0, 1]));
});

test.describe('an expired access token', () => {
  test.beforeEach(async ({ pool }) => {
    await pool.setTokenLifetimes({ accessTokenTtlSeconds: SHORT_LIFETIME_SECONDS, idTokenTtlSeconds: SHORT_LIFETIME_SECONDS });
  });
  test.afterEach(async ({ pool }) => {
    await pool.setTokenLifetimes({ accessTokenTtlSeconds: 3600, idTokenTtlSeconds: 3600 });
  });

  test('refreshed by both instances at once keeps the person signed in', async ({ page, context, pool, user, securityPage, portalSignInPage, poolSignInPage, isolatedPortal }) => {
    await signInFromSecurityPage({ securityPage, portalSignInPage, poolSignInPage }, user);
    const first = (await decodeSession(context, isolatedPortal))!.cognito;
    await expect
      .poll(async () => (await pool.getUser(first.accessToken)).ok, { timeout: (SHORT_LIFETIME_SECONDS + 10) * 1000, intervals: [500] })
      .toBe(false);

    // Two requests with the same expired session at once: one to each instance; each refreshes.
    const before = isolatedPortal.served.length;
    const responses = await Promise.all([page.request.get('/security'), page.request.get('/security')]);
    expect(new Set(isolatedPortal.served.slice(before, before + 2).map((r) => r.instance))).toEqual(new Set([0, 1]));
    for (const response of responses) {
      expect(response.status()).toBe(200);
      expect(new URL(response.url()).pathname).toBe('/security');
      expect(await response.text()).toContain(user.name);
    }

    await page.reload();
    await securityPage.expectSignedInAs(user.name);
    const after = (await decodeSession(context, isolatedPortal))!.cognito;
    expect(after.accessToken).not.toBe(first.accessToken);
    expect(await pool.getUser(after.accessToken)).toEqual({ ok: true, username: user.username });
  });
});
