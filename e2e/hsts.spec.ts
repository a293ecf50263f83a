import { randomBytes } from 'node:crypto';
import { expect, isolatedTest as test } from './fixtures';
import { isolatedPort } from './support/isolated-portal';

// The portal decides on HSTS from NEXTAUTH_URL. Here an isolated portal is told it is served at an
// https URL while the test reaches it over plain http on loopback (as behind a TLS-terminating
// proxy), so the responses can be read: every one must carry HSTS, not just the pages.
const PORT = 3106;
const HSTS = 'max-age=63072000; includeSubDomains';

test.use({ isolatedPortalOptions: { port: PORT, env: { NEXTAUTH_URL: `https://localhost:${isolatedPort(PORT)}` } } });

test('over https every response carries HSTS: pages, next-auth’s and the sign-in windows’ routes, static files', async ({ request, baseURL }) => {
  const home = await request.get(`${baseURL}/`, { maxRedirects: 0 });
  expect(home.headers()['strict-transport-security']).toBe(HSTS);
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await home.text())?.[1];
  expect(script, 'the home page loads a static script').toBeTruthy();

  const state = randomBytes(32).toString('base64url');
  const paths = [
    '/api/auth/csrf',
    '/api/auth/session',
    `/api/auth-popup/start?state=${state}&host=${encodeURIComponent('https://app.example')}`,
    `/api/auth-popup/sign-in?state=${state}&host=${encodeURIComponent('https://app.example')}`,
    script!,
    '/icon.svg',
    '/sign-in',
  ];
  for (const path of paths) {
    const response = await request.get(`${baseURL}${path}`, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
    expect(response.headers()['strict-transport-security'], path).toBe(HSTS);
  }
});
