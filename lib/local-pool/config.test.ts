import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PASSKEYS_ATTRIBUTE, loadPoolConfig, PoolConfigError } from './config';

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

  it('names the hosted pages after the portal, or after LOCAL_POOL_PRODUCT_NAME', () => {
    assert.equal(loadPoolConfig({}).branding.productName, 'Account security');
    assert.equal(loadPoolConfig({ LOCAL_POOL_PRODUCT_NAME: '  Acme sign-in  ' }).branding.productName, 'Acme sign-in');
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_PRODUCT_NAME: 'x'.repeat(61) }), /LOCAL_POOL_PRODUCT_NAME/);
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_PRODUCT_NAME: 'two\nlines' }), /LOCAL_POOL_PRODUCT_NAME/);
  });

  it('names the variable when a value is wrong', () => {
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_PORT: 'abc' }), (e: Error) => e instanceof PoolConfigError && /LOCAL_POOL_PORT/.test(e.message));
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_PORTAL_URL: 'localhost:3000' }), /LOCAL_POOL_PORTAL_URL/);
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_USER_VERIFICATION: 'sometimes' }), /LOCAL_POOL_USER_VERIFICATION/);
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_FAULTS: '[1]' }), /LOCAL_POOL_FAULTS/);
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_WEBAUTHN: 'maybe' }), /LOCAL_POOL_WEBAUTHN/);
  });

  it('takes valid fault rules from LOCAL_POOL_FAULTS', () => {
    const faults = { '*': { latencyMs: 0 }, GetUser: { error: 'TooManyRequestsException', rate: 0.5 }, ListDevices: { error: 'UserNotFoundException' }, 'oauth2/token': { error: 'InternalErrorException' } };
    assert.deepEqual(loadPoolConfig({ LOCAL_POOL_FAULTS: JSON.stringify(faults) }).faults, faults);
  });

  it('refuses fault rules the pool could not honour, naming LOCAL_POOL_FAULTS and the problem', () => {
    const refused = (faults: unknown, problem: RegExp) =>
      assert.throws(
        () => loadPoolConfig({ LOCAL_POOL_FAULTS: typeof faults === 'string' ? faults : JSON.stringify(faults) }),
        (e: Error) => e instanceof PoolConfigError && /^LOCAL_POOL_FAULTS/.test(e.message) && problem.test(e.message),
        String(problem),
      );
    refused('{not json', /must be JSON/);
    refused([1], /must be an object/);
    refused({ GetUser: 'slow' }, /rule for GetUser must be an object/);
    refused({ GetUsr: { latencyMs: 5 } }, /"GetUsr" is not an operation/);
    refused({ GetUser: { latency: 5 } }, /unknown members: latency/);
    refused({ GetUser: { error: 'Boom' } }, /error for GetUser must be an exception GetUser can raise: .*TooManyRequestsException/);
    // The model does not list it for GetUser, though other operations raise it.
    refused({ GetUser: { error: 'WebAuthnNotEnabledException' } }, /GetUser can raise/);
    refused({ '*': { error: 'NotAuthorizedException' } }, /every operation can raise/);
    refused({ 'oauth2/token': { error: 'NotAuthorizedException' } }, /oauth2\/token can raise: TooManyRequestsException, InternalErrorException/);
    refused({ GetUser: { latencyMs: -1 } }, /latencyMs for GetUser must be a whole number .* 0 to 120000/);
    refused({ GetUser: { latencyMs: 1.5 } }, /latencyMs/);
    refused({ GetUser: { latencyMs: 120_001 } }, /latencyMs/);
    refused({ GetUser: { latencyMs: '50' } }, /latencyMs/);
    refused({ GetUser: { error: 'TooManyRequestsException', rate: 2 } }, /rate for GetUser must be a number from 0 to 1/);
  });

  it('declares custom:passkeys by default, readable and writable by the portal client, with rotation off', () => {
    const config = loadPoolConfig({});
    assert.deepEqual(config.userPool.customAttributes, [{ name: DEFAULT_PASSKEYS_ATTRIBUTE, minLength: 0, maxLength: 2048 }]);
    assert.ok(config.portalClient.readAttributes.includes(DEFAULT_PASSKEYS_ATTRIBUTE));
    assert.ok(config.portalClient.writeAttributes.includes(DEFAULT_PASSKEYS_ATTRIBUTE));
    assert.ok(!config.portalClient.writeAttributes.includes('email_verified'));
    assert.deepEqual(config.portalClient.refreshTokenRotation, { feature: 'DISABLED', retryGracePeriodSeconds: 0 });
  });

  it('runs without the attribute, or without the client’s permission, when told', () => {
    const none = loadPoolConfig({ LOCAL_POOL_CUSTOM_ATTRIBUTES: '[]' });
    assert.deepEqual(none.userPool.customAttributes, []);
    assert.ok(!none.portalClient.readAttributes.includes(DEFAULT_PASSKEYS_ATTRIBUTE));
    const denied = loadPoolConfig({ LOCAL_POOL_CLIENT_READ_ATTRIBUTES: 'email,name', LOCAL_POOL_CLIENT_WRITE_ATTRIBUTES: 'none' });
    assert.deepEqual(denied.portalClient.readAttributes, ['email', 'name']);
    assert.deepEqual(denied.portalClient.writeAttributes, []);
    const rotating = loadPoolConfig({ LOCAL_POOL_REFRESH_TOKEN_ROTATION: 'on', LOCAL_POOL_REFRESH_TOKEN_GRACE: '30' });
    assert.deepEqual(rotating.portalClient.refreshTokenRotation, { feature: 'ENABLED', retryGracePeriodSeconds: 30 });
  });

  it('refuses attribute settings Cognito would refuse, naming the variable', () => {
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_CUSTOM_ATTRIBUTES: 'custom:passkeys' }), /LOCAL_POOL_CUSTOM_ATTRIBUTES.*JSON/);
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_CUSTOM_ATTRIBUTES: '[{"name":"passkeys"}]' }), /LOCAL_POOL_CUSTOM_ATTRIBUTES/);
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_CUSTOM_ATTRIBUTES: '[{"name":"custom:a","maxLength":4096}]' }), /LOCAL_POOL_CUSTOM_ATTRIBUTES.*2048/);
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_CLIENT_WRITE_ATTRIBUTES: 'custom:other' }), /LOCAL_POOL_CLIENT_WRITE_ATTRIBUTES.*custom:other/);
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_CUSTOM_ATTRIBUTES: '[]', LOCAL_POOL_CLIENT_READ_ATTRIBUTES: DEFAULT_PASSKEYS_ATTRIBUTE }), /LOCAL_POOL_CLIENT_READ_ATTRIBUTES/);
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_REFRESH_TOKEN_ROTATION: 'yes' }), /LOCAL_POOL_REFRESH_TOKEN_ROTATION/);
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_REFRESH_TOKEN_GRACE: '61' }), /LOCAL_POOL_REFRESH_TOKEN_GRACE/);
  });
});

describe('defaults from the shared pool definition', () => {
  it('boots with the definition the real pool is deployed from', async () => {
    const { portalPoolDefinition: definition } = await import('../../pool-definition/portal-pool');
    const config = loadPoolConfig({ LOCAL_POOL_PORTAL_URL: 'https://security.example.com' });
    assert.equal(config.webauthn.relyingPartyId, 'security.example.com');
    assert.equal(config.webauthn.userVerification, definition.userVerification);
    assert.deepEqual(config.signIn.allowedFirstAuthFactors, definition.allowedFirstAuthFactors);
    assert.deepEqual(config.deviceTracking, definition.deviceTracking);
    assert.deepEqual(config.userPool.customAttributes, definition.customAttributes);
    assert.deepEqual(config.portalClient.readAttributes.sort(), [...definition.portalClient.readAttributes].sort());
    assert.deepEqual(config.portalClient.writeAttributes.sort(), [...definition.portalClient.writeAttributes].sort());
    assert.deepEqual(config.callbackUrls, ['https://security.example.com/api/auth/callback/cognito', 'https://security.example.com/api/auth-popup/callback']);
    assert.deepEqual(config.logoutUrls, ['https://security.example.com/']);
    assert.equal(config.tokens.refreshTtlSeconds, definition.tokens.refreshTokenSeconds);
    assert.equal(config.sessions.authFlowTtlSeconds, definition.tokens.authSessionSeconds);
  });
});
