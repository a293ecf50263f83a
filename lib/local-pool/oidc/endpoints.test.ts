import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSession } from '../sessions';
import { ADMIN_SCOPE } from '../tokens';
import { exchangeCode, signInWithPkce, startTestPool, type TestPool } from './test-support';

describe('userInfo, revoke and logout', () => {
  let pool: TestPool;
  before(async () => {
    pool = await startTestPool();
  });
  after(() => pool.stop());

  const signedIn = async () => {
    const { code, verifier } = await signInWithPkce(pool);
    return (await exchangeCode(pool, code, verifier)).body;
  };
  const userInfo = (token: string, method = 'GET') => fetch(`${pool.info.endpoint}/oauth2/userInfo`, { method, headers: { authorization: `Bearer ${token}` } });
  const revoke = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${pool.info.endpoint}/oauth2/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields) });

  it('userInfo answers a good access token with the user’s attributes, email_verified as a string', async () => {
    const tokens = await signedIn();
    for (const method of ['GET', 'POST']) {
      const response = await userInfo(String(tokens.access_token), method);
      assert.equal(response.status, 200);
      const body = (await response.json()) as Record<string, unknown>;
      const demo = pool.ctx.store.state.users.find((u) => u.username === pool.info.demoUsername)!;
      assert.equal(body.sub, demo.sub);
      assert.equal(body.username, pool.info.demoUsername);
      assert.equal(body.email, pool.ctx.config.demoUser.email);
      assert.equal(body.email_verified, 'true');
      assert.equal(body.name, pool.ctx.config.demoUser.name);
    }
  });

  it('userInfo refuses bad, ID, revoked and openid-less tokens with 401 invalid_token', async () => {
    const tokens = await signedIn();
    const demo = pool.ctx.store.state.users.find((u) => u.username === pool.info.demoUsername)!;
    const adminOnly = await startSession(pool.ctx, demo, pool.ctx.store.state.clients[0], { scope: ADMIN_SCOPE });
    const revoked = await signedIn();
    assert.equal((await revoke({ token: String(revoked.refresh_token), client_id: pool.info.clientId })).status, 200);

    for (const token of ['not-a-token', String(tokens.id_token), adminOnly.accessToken, String(revoked.access_token)]) {
      const response = await userInfo(token);
      assert.equal(response.status, 401);
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer error="invalid_token"/);
      assert.equal(((await response.json()) as { error: string }).error, 'invalid_token');
    }
    const missing = await fetch(`${pool.info.endpoint}/oauth2/userInfo`);
    assert.equal(missing.status, 401);
  });

  it('revoke accepts unknown tokens, refuses access tokens and unknown clients', async () => {
    const tokens = await signedIn();
    assert.equal((await revoke({ token: 'never-issued', client_id: pool.info.clientId })).status, 200);

    const accessToken = await revoke({ token: String(tokens.access_token), client_id: pool.info.clientId });
    assert.equal(accessToken.status, 400);
    assert.equal(((await accessToken.json()) as { error: string }).error, 'unsupported_token_type');

    const badClient = await revoke({ token: String(tokens.refresh_token), client_id: 'nosuchclient' });
    assert.equal(badClient.status, 401);
    assert.equal(((await badClient.json()) as { error: string }).error, 'invalid_client');
    // The failed attempts revoked nothing.
    await pool.ctx.tokens.verifyAccessToken(String(tokens.access_token));

    const missingToken = await revoke({ client_id: pool.info.clientId });
    assert.equal(missingToken.status, 400);
  });

  it('logout redirects to a registered logout_uri', async () => {
    const logoutUri = pool.ctx.store.state.clients[0].logoutUrls[0];
    const response = await fetch(`${pool.info.endpoint}/logout?${new URLSearchParams({ client_id: pool.info.clientId, logout_uri: logoutUri })}`, { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), logoutUri);
  });

  it('logout shows an error page for a foreign logout_uri or an unknown client', async () => {
    const cases: Array<Record<string, string>> = [
      { client_id: pool.info.clientId, logout_uri: 'https://attacker.example/' },
      { client_id: pool.info.clientId, logout_uri: `${pool.ctx.store.state.clients[0].logoutUrls[0]}extra` },
      { client_id: pool.info.clientId },
      { client_id: 'nosuchclient', logout_uri: pool.ctx.store.state.clients[0].logoutUrls[0] },
    ];
    for (const params of cases) {
      const response = await fetch(`${pool.info.endpoint}/logout?${new URLSearchParams(params)}`, { redirect: 'manual' });
      assert.equal(response.status, 400, JSON.stringify(params));
      assert.equal(response.headers.get('location'), null);
      assert.match(await response.text(), /<h1>Cannot sign out<\/h1>/);
    }
  });

  it('answers CORS preflights on the endpoints browsers may call directly, and 405 for other methods', async () => {
    const preflight = await fetch(`${pool.info.endpoint}/oauth2/userInfo`, { method: 'OPTIONS' });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/);

    const wrongMethod = await fetch(`${pool.info.endpoint}/oauth2/token`);
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get('allow'), 'POST');
    const loginByGet = await fetch(`${pool.info.endpoint}/login`);
    assert.equal(loginByGet.status, 405);
    assert.match(await loginByGet.text(), /<main>/);
  });
});
