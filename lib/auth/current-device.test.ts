import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentDeviceKey } from './current-device';

const KEY = 'local-1_0f0e0d0c-0b0a-4988-8776-655443322110';
const part = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const jwt = (claims: unknown) => `${part({ alg: 'RS256', kid: 'k1' })}.${part(claims)}.c2lnbmF0dXJl`;

describe('currentDeviceKey', () => {
  it('reads the device_key claim of an access token', () => {
    assert.equal(currentDeviceKey(jwt({ sub: 'abc', token_use: 'access', device_key: KEY })), KEY);
  });

  it('is null without a device_key claim', () => {
    assert.equal(currentDeviceKey(jwt({ sub: 'abc', token_use: 'access' })), null);
  });

  it('is null when the claim is not a device key', () => {
    assert.equal(currentDeviceKey(jwt({ device_key: 42 })), null);
    assert.equal(currentDeviceKey(jwt({ device_key: '<script>' })), null);
    assert.equal(currentDeviceKey(jwt({ device_key: `${KEY}x`.repeat(2) })), null);
  });

  it('is null for anything that is not a JWT with a JSON object inside', () => {
    for (const token of ['', 'opaque-token', 'a.b', `${part({})}.${part('not json')}.x`, `${part({})}.${part('null')}.x`, `${part({})}.%%%.x`, 'a.b.c.d']) {
      assert.equal(currentDeviceKey(token), null, token);
    }
  });
});
