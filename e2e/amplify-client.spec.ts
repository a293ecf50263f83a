// The local pool driven by a client nobody here wrote: Amplify JS v6 in Chromium, on another origin
// (127.0.0.1) than the pool (localhost), as a browser app calls Cognito. It must get through the CORS
// preflight with the headers Amplify sends (cache-control: no-store), sign in, refresh with
// GetTokensFromRefreshToken (rotating, on a client with rotation on), and read and write attributes.
import { GetTokensFromRefreshTokenCommand, CognitoIdentityProviderClient, RefreshTokenReuseException } from '@aws-sdk/client-cognito-identity-provider';
import { expect, test } from '@playwright/test';
import { serveAmplifyApp, type AmplifyAppServer } from './amplify-app/serve';
import { AmplifyAppPage } from './pages/amplify-app-page';
import { e2eEnvironment } from './support/environment';
import { PoolDriver, poolControl } from './support/pool';

let server: AmplifyAppServer;
test.beforeAll(async () => {
  server = await serveAmplifyApp();
});
test.afterAll(async () => {
  await server?.close();
});

const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

test('Amplify JS v6 on another origin signs in, refreshes with rotation, and reads and writes attributes', async ({ page }) => {
  const { pool } = e2eEnvironment();
  const user = await new PoolDriver().createUser('Amplify User');
  const client = (await poolControl('POST', 'clients', {
    name: 'Amplify app',
    explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    refreshTokenRotation: { feature: 'ENABLED', retryGracePeriodSeconds: 0 },
  })) as { clientId: string };
  const app = new AmplifyAppPage(page, server.origin, pool.endpoint);
  expect(new URL(server.origin).host).not.toBe(new URL(pool.endpoint).host);
  await app.open({ userPoolId: pool.userPoolId, userPoolClientId: client.clientId, userPoolEndpoint: pool.endpoint });

  expect(await app.signIn(user.username, user.password)).toEqual({ isSignedIn: true, step: 'DONE', username: user.username });
  const signIn = app.calls('InitiateAuth');
  expect(signIn).toHaveLength(1);
  // The header the pool's preflight once refused.
  expect(signIn[0].headers['cache-control']).toBe('no-store');

  const first = await app.session(false);
  const firstRefreshToken = await app.refreshToken(client.clientId);
  expect(firstRefreshToken).toBeTruthy();

  const refreshed = await app.session(true);
  expect(app.calls('GetTokensFromRefreshToken')).toHaveLength(1);
  expect(refreshed.accessToken).toBeTruthy();
  expect(refreshed.accessToken).not.toBe(first.accessToken);
  expect(claims(refreshed.accessToken!).origin_jti).toBe(claims(first.accessToken!).origin_jti);
  // Rotation: Amplify kept the new refresh token, and the old one is now refused as reused.
  const secondRefreshToken = await app.refreshToken(client.clientId);
  expect(secondRefreshToken).toBeTruthy();
  expect(secondRefreshToken).not.toBe(firstRefreshToken);
  const sdk = new CognitoIdentityProviderClient({ region: pool.region, endpoint: pool.endpoint, maxAttempts: 1 });
  try {
    await expect(sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: client.clientId, RefreshToken: firstRefreshToken! }))).rejects.toBeInstanceOf(RefreshTokenReuseException);
  } finally {
    sdk.destroy();
  }
  // And a second forced refresh works with the rotated token Amplify holds.
  expect((await app.session(true)).accessToken).toBeTruthy();
  expect(app.calls('GetTokensFromRefreshToken')).toHaveLength(2);

  expect(await app.updateAttribute('custom:passkeys', 'v1:[]')).toEqual({ 'custom:passkeys': true });
  expect(await app.attributes()).toMatchObject({ email: user.email, 'custom:passkeys': 'v1:[]' });
  expect(await app.updateAttributeFailure('custom:undeclared', 'x')).toMatchObject({ name: 'InvalidParameterException' });

  // Every call went through a preflight the pool answered, and every one carried Amplify's cache-control.
  const calls = app.poolRequests.filter((r) => r.method === 'POST');
  expect(calls.length).toBeGreaterThanOrEqual(6);
  for (const call of calls) expect(call.headers['cache-control']).toBe('no-store');
});
