import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PoolError } from './errors';
import { validateInput } from './validate';

function refusal(operation: string, body: unknown): string {
  try {
    validateInput(operation, body);
  } catch (error) {
    assert.ok(error instanceof PoolError);
    assert.equal(error.type, 'InvalidParameterException');
    return error.message;
  }
  assert.fail('expected InvalidParameterException');
}

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln';

describe('validateInput against the service model', () => {
  it('accepts a well-formed request and ignores members the model does not know', () => {
    const input = validateInput('ListDevices', { AccessToken: TOKEN, Limit: 60, Extra: 'ignored' });
    assert.equal(input.Limit, 60);
  });

  it('names a missing required member as the service does', () => {
    assert.equal(refusal('GetUser', {}), "1 validation error detected: Value null at 'accessToken' failed to satisfy constraint: Member must not be null");
  });

  it('refuses a body that is not a JSON object', () => {
    assert.match(refusal('GetUser', []), /JSON object/);
    assert.match(refusal('GetUser', 'text'), /JSON object/);
  });

  it('refuses wrong types', () => {
    assert.match(refusal('ListDevices', { AccessToken: 123 }), /'accessToken'.*type string/);
    assert.match(refusal('ListDevices', { AccessToken: TOKEN, Limit: '5' }), /'limit'.*type integer/);
    assert.match(refusal('ListDevices', { AccessToken: TOKEN, Limit: 1.5 }), /'limit'.*type integer/);
    assert.match(refusal('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'abc', AuthParameters: { USERNAME: 1 } }), /'authParameters'.*type map/);
  });

  it('enforces integer ranges from the model (Limit 0–60, MaxResults 0–20)', () => {
    assert.match(refusal('ListDevices', { AccessToken: TOKEN, Limit: 61 }), /less than or equal to 60/);
    assert.match(refusal('ListDevices', { AccessToken: TOKEN, Limit: -1 }), /greater than or equal to 0/);
    assert.match(refusal('ListWebAuthnCredentials', { AccessToken: TOKEN, MaxResults: 21 }), /less than or equal to 20/);
    validateInput('ListWebAuthnCredentials', { AccessToken: TOKEN, MaxResults: 0 });
  });

  it('enforces lengths and patterns (DeviceKey 1–55, [\\w-]+_[0-9a-f-]+)', () => {
    assert.match(refusal('GetDevice', { DeviceKey: '' }), /length greater than or equal to 1/);
    assert.match(refusal('GetDevice', { DeviceKey: `us-east-1_${'a'.repeat(50)}` }), /length less than or equal to 55/);
    assert.match(refusal('GetDevice', { DeviceKey: 'no-underscore' }), /regular expression pattern/);
    assert.match(refusal('GetDevice', { DeviceKey: 'us-east-1_XYZ' }), /regular expression pattern/);
    validateInput('GetDevice', { DeviceKey: 'us-east-1_0d5b2a1c-4e7f-4c8e-9f7a-1b2c3d4e5f60' });
  });

  it('matches the whole value, not a part of it', () => {
    assert.match(refusal('GetUser', { AccessToken: `${TOKEN} trailing` }), /regular expression pattern/);
  });

  it('enforces enums', () => {
    assert.match(refusal('UpdateDeviceStatus', { AccessToken: TOKEN, DeviceKey: 'r_1', DeviceRememberedStatus: 'forever' }), /enum value set/);
  });

  it('counts several problems at once', () => {
    assert.match(refusal('ListDevices', { Limit: 100 }), /^2 validation errors detected/);
  });
});
