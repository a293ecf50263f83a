import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Issuer } from 'openid-client';
import { startTestPool, type TestPool } from './test-support';

describe('OIDC discovery and keys', () => {
  let pool: TestPool;
  before(async () => {
    pool = await startTestPool();
  });
  after(() => pool.stop());

  it('publishes Cognito-shaped provider metadata under the issuer', async () => {
    const response = await fetch(`${pool.info.issuer}/.well-known/openid-configuration`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const config = (await response.json()) as Record<string, unknown>;
    const { endpoint, issuer } = pool.info;
    assert.equal(issuer, `${endpoint}/${pool.info.userPoolId}`);
    assert.equal(config.issuer, issuer);
    assert.equal(config.authorization_endpoint, `${endpoint}/oauth2/authorize`);
    assert.equal(config.token_endpoint, `${endpoint}/oauth2/token`);
    assert.equal(config.userinfo_endpoint, `${endpoint}/oauth2/userInfo`);
    assert.equal(config.jwks_uri, `${issuer}/.well-known/jwks.json`);
    assert.equal(config.revocation_endpoint, `${endpoint}/oauth2/revoke`);
    assert.equal(config.end_session_endpoint, `${endpoint}/logout`);
    assert.deepEqual(config.response_types_supported, ['code']);
    assert.deepEqual(config.subject_types_supported, ['public']);
    assert.deepEqual(config.id_token_signing_alg_values_supported, ['RS256']);
    assert.deepEqual(config.token_endpoint_auth_methods_supported, ['client_secret_basic', 'client_secret_post', 'none']);
    assert.deepEqual(config.code_challenge_methods_supported, ['S256']);
    assert.ok(Array.isArray(config.scopes_supported) && ['openid', 'email', 'profile'].every((s) => (config.scopes_supported as string[]).includes(s)));
  });

  it('publishes the signing key, public half only', async () => {
    const response = await fetch(`${pool.info.issuer}/.well-known/jwks.json`);
    assert.equal(response.status, 200);
    const { keys } = (await response.json()) as { keys: Array<Record<string, string>> };
    assert.equal(keys.length, 1);
    const [key] = keys;
    assert.equal(key.kty, 'RSA');
    assert.equal(key.alg, 'RS256');
    assert.equal(key.use, 'sig');
    assert.equal(key.kid, pool.ctx.store.state.signingKey.kid);
    assert.ok(key.n && key.e);
    for (const privatePart of ['d', 'p', 'q', 'dp', 'dq', 'qi']) assert.equal(key[privatePart], undefined, `${privatePart} must not be published`);
  });

  it('answers nothing for another pool id', async () => {
    const response = await fetch(`${pool.info.endpoint}/local-1_NotThisPool/.well-known/openid-configuration`);
    assert.equal(response.status, 404);
  });

  it('is discovered by openid-client, as next-auth discovers it', async () => {
    const issuer = await Issuer.discover(pool.info.issuer);
    assert.equal(issuer.issuer, pool.info.issuer);
    assert.equal(issuer.metadata.token_endpoint, `${pool.info.endpoint}/oauth2/token`);
    assert.equal(issuer.metadata.jwks_uri, `${pool.info.issuer}/.well-known/jwks.json`);
  });
});
