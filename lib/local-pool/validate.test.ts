import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PoolError } from './errors';
import { modelTable } from './model/model-table';
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
    assert.match(refusal('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'abc', AuthParameters: { USERNAME: 1 } }), /'authParameters\.USERNAME\.value'.*type string/);
    assert.match(refusal('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'abc', AuthParameters: ['USERNAME'] }), /'authParameters'.*type map/);
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

  describe('nested shapes', () => {
    const auth = { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'abc', AuthParameters: { USERNAME: 'demo', PASSWORD: 'x' } };

    it('refuses a structure member that is not an object', () => {
      assert.match(refusal('InitiateAuth', { ...auth, AnalyticsMetadata: 'x' }), /'analyticsMetadata'.*type structure/);
      assert.match(refusal('InitiateAuth', { ...auth, UserContextData: [1, 2] }), /'userContextData'.*type structure/);
      assert.match(refusal('RespondToAuthChallenge', { ClientId: 'abc', ChallengeName: 'PASSWORD', UserContextData: 7 }), /'userContextData'.*type structure/);
    });

    it('checks the members of a structure: types and lengths, named by their path', () => {
      assert.match(refusal('InitiateAuth', { ...auth, AnalyticsMetadata: { AnalyticsEndpointId: 5 } }), /'analyticsMetadata\.analyticsEndpointId'.*type string/);
      assert.match(refusal('InitiateAuth', { ...auth, UserContextData: { IpAddress: '1.2.3.4', EncodedData: 'x'.repeat(131_073) } }), /'userContextData\.encodedData'.*less than or equal to 131072/);
      const input = validateInput('InitiateAuth', { ...auth, AnalyticsMetadata: { AnalyticsEndpointId: 'e' }, UserContextData: { IpAddress: '192.0.2.1', Unknown: [1] } });
      assert.deepEqual(input.UserContextData, { IpAddress: '192.0.2.1', Unknown: [1] });
    });

    it('checks map values and keys against the model (StringType, at most 131072)', () => {
      assert.match(refusal('InitiateAuth', { ...auth, ClientMetadata: { a: 'x'.repeat(131_073) } }), /'clientMetadata\.a\.value'.*less than or equal to 131072/);
      assert.match(refusal('InitiateAuth', { ...auth, ClientMetadata: { a: null } }), /Value null at 'clientMetadata\.a\.value'/);
      assert.match(refusal('InitiateAuth', { ...auth, ClientMetadata: { ['k'.repeat(131_073)]: 'v' } }), /\.key'.*less than or equal to 131072/);
    });

    it('leaves a document member free-form (the WebAuthn Credential), but still required', () => {
      for (const credential of [{ id: 'x', nested: { deep: [1, 2] } }, 'text', 42, [1]]) {
        assert.deepEqual(validateInput('CompleteWebAuthnRegistration', { AccessToken: TOKEN, Credential: credential }).Credential, credential);
      }
      assert.match(refusal('CompleteWebAuthnRegistration', { AccessToken: TOKEN }), /Value null at 'credential'/);
    });

    it('carries the nested shapes in the model table', () => {
      const userContext = modelTable.operations.InitiateAuth.input.UserContextData;
      assert.deepEqual(Object.keys(userContext.members ?? {}).sort(), ['EncodedData', 'IpAddress']);
      assert.equal(modelTable.operations.CompleteWebAuthnRegistration.input.Credential.document, true);
      assert.equal(modelTable.operations.InitiateAuth.input.AuthParameters.value?.max, 131072);
    });
  });
});
