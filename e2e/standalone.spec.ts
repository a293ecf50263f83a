import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, isolatedTest as test } from './fixtures';
import { PasskeysSection } from './pages/passkeys-section';
import { signInFromSecurityPage } from './support/sign-in-from-security-page';
import { VirtualAuthenticator } from './support/virtual-authenticator';

// The portal as the container image runs it (deploy/Dockerfile): `node server.js` in Next's
// standalone output with the static assets and public/ copied in, no dev dependencies, no source
// maps, against a pool of its own. CI cannot build or run the image itself (no container registry
// here); this runs the same files with the same command.

test.use({ isolatedPortalOptions: { port: 3111, standalone: true } });

const STANDALONE = join(import.meta.dirname, '..', '.next', 'standalone');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((path) => join(dir, path));
}

test('the server it runs carries no dev dependencies and no source maps', async ({ isolatedPortal }) => {
  expect(isolatedPortal.portalUrl).toBeTruthy(); // started from the assembled output
  for (const devDependency of ['typescript', 'eslint', '@playwright/test', 'tailwindcss', 'tsx', 'lighthouse']) {
    expect(existsSync(join(STANDALONE, 'node_modules', devDependency)), devDependency).toBe(false);
  }
  expect(existsSync(join(STANDALONE, 'node_modules', 'next'))).toBe(true);
  expect(filesUnder(STANDALONE).filter((file) => file.endsWith('.map'))).toEqual([]);
  expect(existsSync(join(STANDALONE, '.next', 'static'))).toBe(true);
});

test('the readiness endpoint says ready once the pool answers discovery', async ({ request }) => {
  const response = await request.get('/api/ready');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-store');
  expect(await response.json()).toMatchObject({ ready: true, status: 'ready', problems: [], cognito: 'ok' });
});

test('signs in, adds a passkey and deletes it', async ({ page, user, securityPage, portalSignInPage, poolSignInPage }) => {
  await signInFromSecurityPage({ securityPage, portalSignInPage, poolSignInPage }, user);

  const passkeys = new PasskeysSection(page);
  await VirtualAuthenticator.attach(page, { transport: 'internal' });
  await passkeys.expectReady();
  await passkeys.expectCount(0);
  await passkeys.addAndExpectAdded();
  await passkeys.expectCount(1);
  await passkeys.delete('Passkey');
  await expect(passkeys.status).toHaveText('Passkey “Passkey” deleted.');
  await passkeys.expectCount(0);
});

// Last in the file: it stops this file's portal.
test('SIGTERM lets an in-flight page finish, then the server exits', async ({ page, user, securityPage, portalSignInPage, poolSignInPage, isolatedPortal }) => {
  await signInFromSecurityPage({ securityPage, portalSignInPage, poolSignInPage }, user);

  // Every pool call now takes 1.5 s, so the Security page's render is in flight when the signal comes.
  await isolatedPortal.poolControl('PUT', 'faults', { '*': { latencyMs: 1_500 } });
  const navigation = page.goto('/security');
  await page.waitForTimeout(500);
  const exited = isolatedPortal.signalPortal('SIGTERM');

  const response = await navigation;
  expect(response?.status()).toBe(200);
  await securityPage.expectSignedInAs(user.name);
  // Next's server exits with 128 + SIGTERM once the request is done.
  expect(await exited).toBe(143);
  expect(isolatedPortal.logTail(20)).toContain('SIGTERM: not ready any more; finishing in-flight requests, then exiting.');
  await expect(page.request.get('/api/ready')).rejects.toThrow(/ECONNREFUSED/);
});
