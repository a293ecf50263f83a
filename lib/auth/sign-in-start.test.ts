import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PortalConfig } from '@/lib/config/env';
import { buildAuthOptions, cognitoProvider, COGNITO_SCOPES } from './options';
import { freshSignIn, isPageLoad, startSignIn } from './sign-in-start';

const cognito = {
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_Abc',
  clientId: 'client1',
  clientSecret: undefined,
  issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc',
  oauthOrigin: 'https://auth.example.com',
  sdkEndpoint: undefined,
};

const config: PortalConfig = {
  mode: 'cognito',
  portalUrl: 'http://localhost:3000',
  nextAuthSecret: 's'.repeat(40),
  useSecureCookies: false,
  embedAllowedOrigins: [],
  stepUpMaxAgeSeconds: 600,
  passkeyDetailsAttribute: 'custom:passkeys',
  cognito,
};

/** The portal's options with the pool's endpoints given outright, so no discovery document is fetched. */
function options() {
  const built = buildAuthOptions(config);
  const provider = { ...cognitoProvider(cognito), wellKnown: undefined, authorization: { url: 'https://auth.example.com/oauth2/authorize', params: { scope: COGNITO_SCOPES } }, token: 'https://auth.example.com/oauth2/token', userinfo: 'https://auth.example.com/oauth2/userInfo', jwks_endpoint: 'https://auth.example.com/jwks.json' };
  return { ...built, providers: [provider], logger: { error: () => {}, warn: () => {}, debug: () => {} } };
}

const headers = { host: 'localhost:3000', 'sec-fetch-site': 'same-origin' };
const cookieNamed = (setCookies: string[], name: string) => {
  const line = setCookies.find((c) => c.startsWith(`${name}=`));
  return line === undefined ? undefined : decodeURIComponent(line.slice(name.length + 1).split(';')[0]);
};

describe('startSignIn', () => {
  it('starts next-auth’s own code flow: the pool’s authorize URL with PKCE and state, and next-auth’s cookies for them', async () => {
    const started = await startSignIn(options(), { callbackUrl: 'http://localhost:3000/security', headers });
    const location = new URL(started.location);
    assert.equal(`${location.origin}${location.pathname}`, 'https://auth.example.com/oauth2/authorize');
    assert.equal(location.searchParams.get('client_id'), 'client1');
    assert.equal(location.searchParams.get('redirect_uri'), 'http://localhost:3000/api/auth/callback/cognito');
    assert.equal(location.searchParams.get('response_type'), 'code');
    assert.equal(location.searchParams.get('scope'), COGNITO_SCOPES);
    assert.equal(location.searchParams.get('code_challenge_method'), 'S256');
    assert.match(location.searchParams.get('code_challenge') ?? '', /^[\w-]{43}$/);
    assert.ok(location.searchParams.get('state'));
    assert.equal(location.searchParams.get('prompt'), null);
    // The state and verifier next-auth checks at the callback, HttpOnly; the return path; not the CSRF pair.
    assert.ok(cookieNamed(started.setCookies, 'next-auth.state'));
    assert.ok(cookieNamed(started.setCookies, 'next-auth.pkce.code_verifier'));
    for (const line of started.setCookies.filter((c) => /^next-auth\.(state|pkce)/.test(c))) assert.match(line, /HttpOnly/i);
    assert.equal(cookieNamed(started.setCookies, 'next-auth.callback-url'), 'http://localhost:3000/security');
    assert.ok(!started.setCookies.some((c) => c.includes('csrf-token')));
  });

  it('asks the pool for the form again when told (prompt=login)', async () => {
    const started = await startSignIn(options(), { callbackUrl: 'http://localhost:3000/security', authorizationParams: { prompt: 'login' }, headers });
    assert.equal(new URL(started.location).searchParams.get('prompt'), 'login');
  });

  it('keeps the return path on the portal: next-auth’s redirect callback applies the return-path gate', async () => {
    for (const hostile of ['https://evil.example/', 'http://localhost:3000//evil.example', 'http://localhost:3000/.//evil.example']) {
      const started = await startSignIn(options(), { callbackUrl: hostile, headers });
      assert.equal(cookieNamed(started.setCookies, 'next-auth.callback-url'), 'http://localhost:3000/security', hostile);
    }
    const kept = await startSignIn(options(), { callbackUrl: 'http://localhost:3000/security?tab=devices', headers });
    assert.equal(cookieNamed(kept.setCookies, 'next-auth.callback-url'), 'http://localhost:3000/security?tab=devices');
  });
});

describe('isPageLoad', () => {
  it('starts a sign-in only for a page load, never for the router’s fetch of a redirect target or a prefetch', () => {
    assert.equal(isPageLoad(new Headers({ 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' })), true);
    // A browser that sends no fetch metadata, loading the page.
    assert.equal(isPageLoad(new Headers()), true);
    assert.equal(isPageLoad(new Headers({ rsc: '1', 'sec-fetch-mode': 'cors' })), false);
    assert.equal(isPageLoad(new Headers({ rsc: '1' })), false);
    assert.equal(isPageLoad(new Headers({ 'next-router-prefetch': '1' })), false);
    assert.equal(isPageLoad(new Headers({ 'sec-fetch-mode': 'no-cors' })), false);
  });
});

describe('freshSignIn', () => {
  it('lets the pool’s session finish a sign-in only for the portal’s own pages and the person’s address bar', () => {
    assert.equal(freshSignIn('same-origin'), false);
    assert.equal(freshSignIn('none'), false);
    for (const value of ['cross-site', 'same-site', null, '', 'SAME-ORIGIN']) assert.equal(freshSignIn(value), true, String(value));
  });
});
