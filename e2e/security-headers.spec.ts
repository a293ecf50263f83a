import { createHmac, hkdfSync } from 'node:crypto';
import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { e2eEnvironment } from './support/environment';
import { decodeSession, sessionCookies, sessionCookieValue } from './support/session-cookie';

type Violation = { directive: string; blockedURI: string; documentURI: string; sample: string };

declare global {
  interface Window {
    __cspViolations?: Violation[];
    __injected?: number;
  }
}

/**
 * Records every CSP violation the pages report (the event fires for each blocked script, style,
 * frame…), plus console errors and uncaught errors, across navigations. The init script is run by
 * the browser itself, so the page's CSP does not apply to it.
 */
async function watchForViolations(page: Page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push({ directive: event.effectiveDirective, blockedURI: event.blockedURI, documentURI: event.documentURI, sample: event.sample });
    });
  });
  const problems: string[] = [];
  const portal = new URL(e2eEnvironment().portalUrl).origin;
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const text = message.text();
    // Chromium logs CSP blocks and bad Permissions-Policy/header values to the console.
    if (/Content Security Policy|Content-Security-Policy|Permissions-Policy|Permissions policy|Cross-Origin-Opener-Policy/i.test(text)) {
      problems.push(`console ${message.type()} on ${message.location().url}: ${text}`);
    } else if (message.type() === 'error' && message.location().url.startsWith(portal) && !/status of 404/.test(text)) {
      problems.push(`console error on ${message.location().url}: ${text}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught on ${page.url()}: ${error.message}`));
  /** Violations reported by the current document (call before leaving each page). */
  const collect = async () => {
    const reported = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    for (const v of reported) problems.push(`CSP violation on ${v.documentURI}: ${v.directive} blocked ${v.blockedURI} ${v.sample}`);
  };
  return { problems, collect };
}

const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1] ?? null;

/** The security headers every portal page must carry, whatever the route. */
function expectPageHeaders(headers: Record<string, string>, route: { webauthn: boolean }) {
  const csp = headers['content-security-policy'];
  expect(csp, 'a Content-Security-Policy').toBeTruthy();
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
  const scriptSrc = directives.get('script-src')!;
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc.some((s) => s.startsWith("'nonce-"))).toBe(true);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('connect-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  // Plain http here, so no upgrade and no HSTS (both are for https deployments).
  expect(directives.has('upgrade-insecure-requests')).toBe(false);
  expect(headers['strict-transport-security']).toBeUndefined();

  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  const permissions = headers['permissions-policy'];
  const webauthn = route.webauthn ? '(self)' : '()';
  expect(permissions).toContain(`publickey-credentials-create=${webauthn}`);
  expect(permissions).toContain(`publickey-credentials-get=${webauthn}`);
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment']) expect(permissions).toContain(`${feature}=()`);
}

/** Every script in the HTML carries this response's nonce; so does every <style>. */
async function expectNoncedHtml(response: Response) {
  const nonce = nonceOf((await response.allHeaders())['content-security-policy']);
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of [...scripts, ...[...html.matchAll(/<style\b[^>]*>/g)].map((m) => m[0])]) {
    expect(tag, 'each script and style is allowed by this response’s nonce').toContain(`nonce="${nonce}"`);
  }
}

test.describe('security headers', () => {
  test('every page carries them, with a fresh nonce on each response', async ({ page, user, homePage, poolSignInPage, securityPage }) => {
    const home = (await page.goto('/'))!;
    expectPageHeaders(await home.allHeaders(), { webauthn: false });
    await expectNoncedHtml(home);
    const again = (await page.goto('/'))!;
    expect(nonceOf((await again.allHeaders())['content-security-policy'])).not.toBe(nonceOf((await home.allHeaders())['content-security-policy']));

    // The portal's sign-in page (shown when it has something to say; otherwise it goes straight on to the pool).
    const signIn = (await page.goto('/sign-in?callbackUrl=%2Fsecurity&reason=session-ended'))!;
    expectPageHeaders(await signIn.allHeaders(), { webauthn: false });
    await expectNoncedHtml(signIn);

    const missing = (await page.goto('/no-such-page'))!;
    expect(missing.status()).toBe(404);
    expectPageHeaders(await missing.allHeaders(), { webauthn: false });
    await expectNoncedHtml(missing);

    // The redirect of a signed-out visitor away from /security carries them too.
    const redirect = await page.request.get('/security', { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expectPageHeaders(redirect.headers(), { webauthn: true });

    await homePage.goto();
    await homePage.signInButton.click();
    await poolSignInPage.signIn(user);
    await securityPage.expectSignedInAs(user.name);
    const security = (await page.goto('/security'))!;
    expectPageHeaders(await security.allHeaders(), { webauthn: true });
    await expectNoncedHtml(security);
    await securityPage.expectSignedInAs(user.name);
  });

  test('the browser lets only /security use WebAuthn', async ({ page, user, homePage, poolSignInPage, securityPage }) => {
    const allows = (feature: string) =>
      page.evaluate((name) => {
        const policy = (document as Document & { featurePolicy?: { allowsFeature(feature: string): boolean } }).featurePolicy;
        return policy ? policy.allowsFeature(name) : null;
      }, feature);
    await homePage.goto();
    test.skip((await allows('camera')) === null, 'this browser does not expose document.featurePolicy');
    expect(await allows('publickey-credentials-create')).toBe(false);
    expect(await allows('publickey-credentials-get')).toBe(false);
    await homePage.signInButton.click();
    await poolSignInPage.signIn(user);
    await securityPage.expectSignedInAs(user.name);
    expect(await allows('publickey-credentials-create')).toBe(true);
    expect(await allows('publickey-credentials-get')).toBe(true);
    expect(await allows('camera')).toBe(false);
    expect(await allows('geolocation')).toBe(false);
  });

  test('next-auth’s routes and static files keep the baseline', async ({ page }) => {
    const csrf = await page.request.get('/api/auth/csrf');
    expect(csrf.ok()).toBe(true);
    const headers = csrf.headers();
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');

    const home = (await page.goto('/'))!;
    const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(await home.text())![1];
    const asset = await page.request.get(script);
    expect(asset.ok()).toBe(true);
    expect(asset.headers()['x-content-type-options']).toBe('nosniff');
    expect(asset.headers()['content-type']).toMatch(/javascript/);
  });

  test('the bench’s framework-floor page is not served unless the bench started the portal', async ({ page }) => {
    // app/bench/floor/page.tsx answers only with PORTAL_BENCH_FLOOR=1, which only `npm run bench` sets.
    const floor = await page.request.get('/bench/floor');
    expect(floor.status()).toBe(404);
    expect(await floor.text()).not.toContain('Framework floor');
  });

  test('the session header the proxy hands the page cannot be set by a client, even a well-formed one', async ({ context, user, homePage, poolSignInPage, securityPage }) => {
    await homePage.goto();
    await homePage.signInButton.click();
    await poolSignInPage.signIn(user);
    await securityPage.expectSignedInAs(user.name);
    const cookie = (await sessionCookieValue(context))!;
    const tokens = (await decodeSession(context))!;
    // The worst case: a header in lib/auth/forwarded-session.ts's exact format, MAC and all (made
    // here with the session secret, which no client has), naming someone else for this very cookie.
    const key = Buffer.from(hkdfSync('sha256', e2eEnvironment().sessionSecret, 'cognito-portal.forwarded-session', 'proxy to page, one request', 32));
    const payload = Buffer.from(JSON.stringify({ user: { sub: 'someone-else', name: 'Mallory Forged', email: null }, accessToken: tokens.cognito.accessToken, authTime: null })).toString('base64url');
    const mac = createHmac('sha256', key).update(`portal\n${payload}\n${cookie}`).digest('base64url');
    const forged = `${payload}.${mac}`;

    // With the person's own cookie: the page shows them, never the header's name (the proxy dropped it).
    const page = await context.request.get(`${e2eEnvironment().portalUrl}/security`, { headers: { 'x-portal-session': forged }, maxRedirects: 0 });
    expect(page.status()).toBe(200);
    const html = await page.text();
    expect(html).toContain(user.name);
    expect(html).not.toContain('Mallory Forged');

    // Without a session cookie: sign-in, whatever the header says.
    const anonymous = await fetch(`${e2eEnvironment().portalUrl}/security`, { headers: { 'x-portal-session': forged }, redirect: 'manual' });
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get('location')).toContain('/sign-in');
  });

  test('the session cookie is HttpOnly and SameSite=Lax (Secure only over https)', async ({ page, context, user, homePage, poolSignInPage, securityPage }) => {
    await homePage.goto();
    await homePage.signInButton.click();
    await poolSignInPage.signIn(user);
    await securityPage.expectSignedInAs(user.name);
    const cookies = await sessionCookies(context);
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe('Lax');
      expect(cookie.secure).toBe(new URL(e2eEnvironment().portalUrl).protocol === 'https:');
    }
    expect(await page.evaluate(() => document.cookie)).not.toContain('session-token');
  });
});

test.describe('the pages work under the policy', () => {
  test('no CSP violations or console errors on /, /sign-in, the sign-in flow, /security and sign-out', async ({
    page,
    user,
    homePage,
    poolSignInPage,
    securityPage,
  }) => {
    const { problems, collect } = await watchForViolations(page);

    await homePage.goto();
    await collect();
    // The portal's sign-in page, as it shows when a session has ended.
    await page.goto('/sign-in?callbackUrl=%2Fsecurity&reason=session-ended');
    await collect();
    // Sign-in: straight to the pool's page (other origin, own policy), back through next-auth.
    await securityPage.goto();
    await poolSignInPage.expectShown();
    await collect();
    await poolSignInPage.signIn(user);
    await securityPage.expectSignedInAs(user.name);
    await expect(page.getByRole('heading', { level: 2, name: 'Passkeys' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Devices' })).toBeVisible();
    // Both sections have streamed in (their skeletons are gone) and the page is interactive.
    await expect(page.getByText('Loading your passkeys…')).toHaveCount(0);
    await expect(page.getByText('Loading your devices…')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    await collect();

    // Client-side navigation (RSC fetches) both ways, then a reload.
    await page.getByRole('link', { name: 'Account security' }).click();
    await homePage.expectShown();
    await page.getByRole('main').getByRole('link', { name: 'Go to your security settings' }).click();
    await securityPage.expectSignedInAs(user.name);
    await page.reload();
    await securityPage.expectSignedInAs(user.name);
    await page.waitForLoadState('networkidle');
    await collect();

    // Sign-out: a server action (fetch), then a redirect through the pool's /logout back home.
    await securityPage.signOut(); // through the header's account menu
    await homePage.expectShown();
    await collect();

    const missing = await page.goto('/no-such-page');
    expect(missing!.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    // An unknown address is answered inside the site's header and footer (the language menu too).
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await collect();

    expect(problems).toEqual([]);
  });

  test('sign-out as a plain form post (no JavaScript) may be redirected to the pool’s /logout', async ({ page, context, user, homePage, poolSignInPage, securityPage }) => {
    const { problems, collect } = await watchForViolations(page);
    await homePage.goto();
    await homePage.signInButton.click();
    await poolSignInPage.signIn(user);
    await securityPage.expectSignedInAs(user.name);
    await page.waitForLoadState('networkidle');
    await collect();
    // Submit a copy of the sign-out form the way a browser without JavaScript would (native
    // submit, React not involved): the action answers with a redirect to the pool's /logout, a
    // form-action check that fails unless the policy lists the pool's origin.
    const poolLogout = page.waitForRequest((request) => request.url().startsWith(`${e2eEnvironment().pool.endpoint}/logout?`), { timeout: 15_000 });
    await page.evaluate(() => {
      const button = [...document.querySelectorAll('form button[type="submit"]')].find((b) => b.textContent?.trim() === 'Sign out');
      const copy = button!.closest('form')!.cloneNode(true) as HTMLFormElement;
      copy.hidden = true;
      document.body.append(copy);
      HTMLFormElement.prototype.submit.call(copy);
    });
    await poolLogout;
    await homePage.expectShown();
    expect(await sessionCookies(context)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('the policy is enforced: markup injected into /security cannot run script', async ({ page, user, homePage, poolSignInPage, securityPage }) => {
    await watchForViolations(page);
    await homePage.goto();
    await homePage.signInButton.click();
    await poolSignInPage.signIn(user);
    await securityPage.expectSignedInAs(user.name);
    // As if an attacker got markup into the page the server sent (the real response, headers and
    // all, with an inline script and an inline event handler added; neither has the nonce).
    await page.route('**/security', async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const injected = '<script>window.__injected = 1</script><img alt="" src="data:," onerror="window.__injected = 2">';
      await route.fulfill({ response, body: (await response.text()).replace('</main>', `${injected}</main>`) });
    });
    await page.reload();
    await securityPage.expectSignedInAs(user.name);
    await expect
      .poll(() => page.evaluate(() => (window.__cspViolations ?? []).map((v) => v.directive).sort()))
      .toEqual(['script-src-attr', 'script-src-elem']);
    expect(await page.evaluate(() => window.__injected)).toBeUndefined();
  });
});
