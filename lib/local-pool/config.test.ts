import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadPoolConfig, PoolConfigError } from './config';

describe('loadPoolConfig', () => {
  it('defaults to a portal at http://localhost:3000, RP ID localhost, port 9333', () => {
    const config = loadPoolConfig({});
    assert.equal(config.port, 9333);
    assert.equal(config.portalUrl, 'http://localhost:3000');
    assert.equal(config.webauthn.relyingPartyId, 'localhost');
    assert.deepEqual(config.webauthn.allowedOrigins, ['http://localhost:3000']);
    assert.deepEqual(config.callbackUrls, ['http://localhost:3000/api/auth/callback/cognito', 'http://localhost:3000/api/auth-popup/callback']);
    assert.equal(config.adminToken, undefined);
  });

  it('follows the portal URL for origin, RP ID and redirect URLs', () => {
    const config = loadPoolConfig({ LOCAL_POOL_PORTAL_URL: 'http://127.0.0.1:4100/ignored/path', LOCAL_POOL_PORT: '9400' });
    assert.equal(config.portalUrl, 'http://127.0.0.1:4100');
    assert.equal(config.webauthn.relyingPartyId, '127.0.0.1');
    assert.deepEqual(config.logoutUrls, ['http://127.0.0.1:4100/']);
    assert.equal(config.endpoint, 'http://localhost:9400');
  });

  it('names the variable when a value is wrong', () => {
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_PORT: 'abc' }), (e: Error) => e instanceof PoolConfigError && /LOCAL_POOL_PORT/.test(e.message));
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_PORTAL_URL: 'localhost:3000' }), /LOCAL_POOL_PORTAL_URL/);
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_USER_VERIFICATION: 'sometimes' }), /LOCAL_POOL_USER_VERIFICATION/);
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_FAULTS: '[1]' }), /LOCAL_POOL_FAULTS/);
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_WEBAUTHN: 'maybe' }), /LOCAL_POOL_WEBAUTHN/);
  });
});
