import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { Issuer, generators } from 'openid-client';
import { sha256 } from '../tokens';
import { addConfidentialClient, authorizeUrl, exchangeCode, pkcePair, signInThroughPage, signInWithPkce, startTestPool, tokenRequest, type TestPool } from './test-support';

describe('authorization code flow with PKCE', () => {
  let pool: TestPool;
  before(async () => {
    pool = await startTestPool();
  });
  after(() => pool.stop());

  it('is completed by openid-client (what next-auth v4 runs) with PKCE, state and nonce', async () => {
    const issuer = await Issuer.discover(pool.info.issuer);
    const client = new issuer.Client({ client_id: pool.info.clientId, token_endpoint_auth_method: 'none', redirect_uris: [pool.portalCallback], response_types: ['code'] });
    const verifier = generators.codeVerifier();
    const state = generators.state();
    const nonce = generators.nonce();
    const url = client.authorizationUrl({ scope: 'openid email profile', code_challenge: generators.codeChallenge(verifier), code_challenge_method: 'S256', state, nonce });
    const { location } = await signInThroughPage(pool, url);
    assert.equal(`${location.origin}${location.pathname}`, pool.portalCallback);

    const tokenSet = await client.callback(pool.portalCallback, client.callbackParams(location.toString()), { code_verifier: verifier, state, nonce });
    const claims = tokenSet.claims();
    assert.equal(claims['cognito:username'], pool.info.demoUsername);
    assert.equal(claims.nonce, nonce);
    assert.ok(tokenSet.refresh_token);

    const userinfo = await client.userinfo(tokenSet);
    assert.equal(userinfo.sub, claims.sub);

    const refreshed = await client.refresh(tokenSet.refresh_token!);
    assert.equal(refreshed.claims().sub, claims.sub);
    assert.ok(refreshed.access_token && refreshed.access_token !== tokenSet.access_token);
  });

  it('issues an ID token that verifies against the JWKS and carries the sign-in', async () => {
    const { code, verifier, location } = await signInWithPkce(pool, { nonce: 'n-0S6_WzA2Mj' });
    assert.equal(location.searchParams.get('state'), 'state-123');
    const { response, body } = await exchangeCode(pool, code, verifier);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, pool.ctx.config.tokens.accessTtlSeconds);

    const jwks = createRemoteJWKSet(new URL(`${pool.info.issuer}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(String(body.id_token), jwks, { issuer: pool.info.issuer, audience: pool.info.clientId });
    assert.equal(protectedHeader.alg, 'RS256');
    assert.equal(payload.nonce, 'n-0S6_WzA2Mj');
    assert.equal(payload['cognito:username'], pool.info.demoUsername);
    assert.equal(payload.email, pool.ctx.config.demoUser.email);
    assert.equal(payload.token_use, 'id');
    assert.equal(typeof payload.origin_jti, 'string');
    assert.equal(typeof payload.auth_time, 'number');
    assert.ok(Math.abs((payload.auth_time as number) - Date.now() / 1000) < 60);
  });

  it('issues an access token the pool API accepts, carrying the device key and the granted scope', async () => {
    const { code, verifier } = await signInWithPkce(pool);
    const { body } = await exchangeCode(pool, code, verifier);
    const { claims, user } = await pool.ctx.tokens.verifyAccessToken(String(body.access_token));
    assert.equal(user.username, pool.info.demoUsername);
    assert.equal(claims.scope, 'openid email profile aws.cognito.signin.user.admin');
    assert.match(String(claims.device_key), /^[\w-]+_[0-9a-f-]+$/);
    assert.ok(pool.ctx.store.state.devices.some((d) => d.deviceKey === claims.device_key && d.sub === user.sub));
    assert.equal(claims.origin_jti, decodeJwt(String(body.id_token)).origin_jti);
  });

  it('refreshes without rotating the refresh token, then refuses it once revoked', async () => {
    const { code, verifier } = await signInWithPkce(pool);
    const { body: first } = await exchangeCode(pool, code, verifier);
    const refresh = () => tokenRequest(pool, { grant_type: 'refresh_token', client_id: pool.info.clientId, refresh_token: String(first.refresh_token) });

    const { response, body } = await refresh();
    assert.equal(response.status, 200);
    assert.equal(body.refresh_token, undefined);
    assert.equal(decodeJwt(String(body.id_token)).origin_jti, decodeJwt(String(first.id_token)).origin_jti);
    await pool.ctx.tokens.verifyAccessToken(String(body.access_token));

    const revoke = await fetch(`${pool.info.endpoint}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: String(first.refresh_token), client_id: pool.info.clientId }),
    });
    assert.equal(revoke.status, 200);
    assert.equal(await revoke.text(), '');

    const after = await refresh();
    assert.equal(after.response.status, 400);
    assert.equal(after.body.error, 'invalid_grant');
    await assert.rejects(pool.ctx.tokens.verifyAccessToken(String(body.access_token)), /revoked/);
  });

  it('refuses a second use of a code and revokes the sign-in the first use started', async () => {
    const { code, verifier } = await signInWithPkce(pool);
    const first = await exchangeCode(pool, code, verifier);
    assert.equal(first.response.status, 200);
    const second = await exchangeCode(pool, code, verifier);
    assert.equal(second.response.status, 400);
    assert.equal(second.body.error, 'invalid_grant');
    await assert.rejects(pool.ctx.tokens.verifyAccessToken(String(first.body.access_token)), /revoked/);
    const refresh = await tokenRequest(pool, { grant_type: 'refresh_token', client_id: pool.info.clientId, refresh_token: String(first.body.refresh_token) });
    assert.equal(refresh.body.error, 'invalid_grant');
  });

  it('never hands out usable tokens for a code raced through two exchanges at once', async () => {
    const { code, verifier } = await signInWithPkce(pool);
    const results = await Promise.all([exchangeCode(pool, code, verifier), exchangeCode(pool, code, verifier)]);
    const errors = results.filter((r) => r.response.status !== 200);
    assert.ok(errors.length >= 1);
    for (const { body } of errors) assert.equal(body.error, 'invalid_grant');
    for (const { response, body } of results) {
      if (response.status === 200) await assert.rejects(pool.ctx.tokens.verifyAccessToken(String(body.access_token)), /revoked/);
    }
  });

  it('refuses a redirect_uri other than the one authorized', async () => {
    const { code, verifier } = await signInWithPkce(pool);
    const { response, body } = await exchangeCode(pool, code, verifier, { redirect_uri: 'http://localhost:3000/elsewhere' });
    assert.equal(response.status, 400);
    assert.equal(body.error, 'invalid_grant');
    assert.equal(body.id_token, undefined);
  });

  it('refuses a wrong or missing code_verifier', async () => {
    const { code } = await signInWithPkce(pool);
    const wrong = await exchangeCode(pool, code, pkcePair().verifier);
    assert.equal(wrong.response.status, 400);
    assert.equal(wrong.body.error, 'invalid_grant');
    const missing = await exchangeCode(pool, code, '', { code_verifier: '' });
    assert.equal(missing.body.error, 'invalid_grant');
  });

  it('refuses an expired code', async () => {
    const { code, verifier } = await signInWithPkce(pool);
    const stored = pool.ctx.store.state.authCodes.find((c) => c.codeHash === sha256(code));
    assert.ok(stored, 'only the hash of the code is stored');
    stored.expiresAt = Math.floor(Date.now() / 1000) - 1;
    const { body } = await exchangeCode(pool, code, verifier);
    assert.equal(body.error, 'invalid_grant');
  });

  it('refuses codes for another client and unknown clients', async () => {
    const { code, verifier } = await signInWithPkce(pool);
    const unknown = await exchangeCode(pool, code, verifier, { client_id: 'nosuchclient' });
    assert.equal(unknown.response.status, 401);
    assert.equal(unknown.body.error, 'invalid_client');
    const other = addConfidentialClient(pool);
    const foreign = await exchangeCode(pool, code, verifier, { client_id: other.clientId, client_secret: other.clientSecret! });
    assert.equal(foreign.body.error, 'invalid_grant');
  });

  it('authenticates a client with a secret by client_secret_basic and client_secret_post', async () => {
    const client = addConfidentialClient(pool);
    const signIn = async () => {
      // A client with a secret may skip PKCE.
      const url = authorizeUrl(pool, { response_type: 'code', client_id: client.clientId, redirect_uri: client.callbackUrls[0], scope: 'openid email', state: 's' });
      return (await signInThroughPage(pool, url)).code;
    };
    const grant = (code: string) => ({ grant_type: 'authorization_code', code, redirect_uri: client.callbackUrls[0] });
    const basic = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`;

    const byBasic = await tokenRequest(pool, grant(await signIn()), { authorization: basic });
    assert.equal(byBasic.response.status, 200);
    assert.ok(byBasic.body.refresh_token);

    const byPost = await tokenRequest(pool, { ...grant(await signIn()), client_id: client.clientId, client_secret: client.clientSecret! });
    assert.equal(byPost.response.status, 200);

    const wrongSecret = await tokenRequest(pool, grant(await signIn()), { authorization: `Basic ${Buffer.from(`${client.clientId}:nope`).toString('base64')}` });
    assert.equal(wrongSecret.response.status, 401);
    assert.equal(wrongSecret.body.error, 'invalid_client');
    assert.match(wrongSecret.response.headers.get('www-authenticate') ?? '', /^Basic/);

    const noSecret = await tokenRequest(pool, { ...grant(await signIn()), client_id: client.clientId });
    assert.equal(noSecret.response.status, 401);
  });

  it('answers unknown and disallowed grant types, and malformed requests, as OAuth errors', async () => {
    const unsupported = await tokenRequest(pool, { grant_type: 'urn:example:magic', client_id: pool.info.clientId });
    assert.equal(unsupported.body.error, 'unsupported_grant_type');
    const clientCredentials = await tokenRequest(pool, { grant_type: 'client_credentials', client_id: pool.info.clientId });
    assert.equal(clientCredentials.body.error, 'unauthorized_client');
    const missing = await tokenRequest(pool, { client_id: pool.info.clientId });
    assert.equal(missing.body.error, 'invalid_request');

    const json = await fetch(`${pool.info.endpoint}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', client_id: pool.info.clientId, refresh_token: 'x' }),
    });
    assert.equal(json.status, 400);
    assert.equal(((await json.json()) as { error: string }).error, 'invalid_request');

    const unknownToken = await tokenRequest(pool, { grant_type: 'refresh_token', client_id: pool.info.clientId, refresh_token: 'x' });
    assert.equal(unknownToken.body.error, 'invalid_grant');

    const repeated = await fetch(`${pool.info.endpoint}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=refresh_token&refresh_token=x&client_id=${pool.info.clientId}&client_id=other`,
    });
    assert.equal(((await repeated.json()) as { error: string }).error, 'invalid_request');
  });

  it('can be made to fail by an injected fault, for tests of the portal', async () => {
    pool.ctx.config.faults = { 'oauth2/token': { error: 'TooManyRequestsException' } };
    try {
      const { response, body } = await tokenRequest(pool, { grant_type: 'refresh_token', client_id: pool.info.clientId, refresh_token: 'x' });
      assert.equal(response.status, 429);
      assert.equal(body.error, 'temporarily_unavailable');
      pool.ctx.config.faults = { 'oauth2/token': { error: 'InternalErrorException' } };
      const failed = await tokenRequest(pool, { grant_type: 'refresh_token', client_id: pool.info.clientId, refresh_token: 'x' });
      assert.equal(failed.response.status, 500);
      assert.equal(failed.body.error, 'server_error');
    } finally {
      pool.ctx.config.faults = {};
    }
  });
});
