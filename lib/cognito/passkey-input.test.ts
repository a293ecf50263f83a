import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_CREDENTIAL_ID_LENGTH, parseCredentialId, parseRegistrationCredential } from './passkey-input';

const b64url = (bytes: number, fill = 7) => Buffer.alloc(bytes, fill).toString('base64url');
const ID = b64url(32, 1);

/** What @simplewebauthn/browser's startRegistration() returns in Chromium (values shortened). */
function browserResponse(): Record<string, unknown> {
  return {
    id: ID,
    rawId: ID,
    type: 'public-key',
    response: {
      clientDataJSON: Buffer.from(JSON.stringify({ type: 'webauthn.create', challenge: 'abc', origin: 'http://localhost:3100' })).toString('base64url'),
      attestationObject: b64url(300),
      transports: ['internal', 'hybrid'],
      publicKeyAlgorithm: -7,
      publicKey: b64url(91),
      authenticatorData: b64url(164),
    },
    clientExtensionResults: { credProps: { rk: true } },
    authenticatorAttachment: 'platform',
  };
}

const clone = () => structuredClone(browserResponse()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('parseRegistrationCredential', () => {
  it('accepts what the browser library returns, unchanged', () => {
    const parsed = parseRegistrationCredential(browserResponse());
    assert.ok(parsed.success);
    assert.deepEqual(parsed.data, browserResponse());
  });

  it('accepts the optional members missing, or null as toJSON() writes them, and leaves them out', () => {
    const value = clone();
    delete value.response.transports;
    delete value.response.publicKey;
    value.response.authenticatorData = null;
    value.response.publicKeyAlgorithm = undefined;
    value.authenticatorAttachment = null;
    delete value.clientExtensionResults;
    const parsed = parseRegistrationCredential(value);
    assert.ok(parsed.success, parsed.success ? '' : parsed.reason);
    assert.equal(parsed.data.authenticatorAttachment, undefined);
    assert.equal(parsed.data.response.authenticatorData, undefined);
    assert.deepEqual(parsed.data.clientExtensionResults, {});
    assert.deepEqual(JSON.parse(JSON.stringify(parsed.data)), {
      id: ID,
      rawId: ID,
      type: 'public-key',
      response: { clientDataJSON: value.response.clientDataJSON, attestationObject: value.response.attestationObject },
      clientExtensionResults: {},
    });
  });

  it('drops members it does not know, so only checked data reaches Cognito', () => {
    const value = clone();
    value.__proto_polluter = { admin: true };
    value.response.extra = 'x';
    const parsed = parseRegistrationCredential(value);
    assert.ok(parsed.success);
    assert.equal('__proto_polluter' in parsed.data, false);
    assert.equal('extra' in parsed.data.response, false);
  });

  const refusals: [string, (v: Record<string, any>) => unknown][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    ['not an object', () => 'credential'],
    ['null', () => null],
    ['an array', () => [browserResponse()]],
    ['a missing id', (v) => (delete v.id, v)],
    ['an id that is not base64url', (v) => ((v.id = v.rawId = 'abc+/=='), v)],
    ['a padded id', (v) => ((v.id = v.rawId = `${ID}=`), v)],
    ['an id of impossible length (4n+1)', (v) => ((v.id = v.rawId = 'abcde'), v)],
    ['an id longer than WebAuthn allows', (v) => ((v.id = v.rawId = 'A'.repeat(MAX_CREDENTIAL_ID_LENGTH + 4)), v)],
    ['rawId different from id', (v) => ((v.rawId = b64url(32, 2)), v)],
    ['another type', (v) => ((v.type = 'password'), v)],
    ['a missing response', (v) => (delete v.response, v)],
    ['an empty clientDataJSON', (v) => ((v.response.clientDataJSON = ''), v)],
    ['a clientDataJSON that is a number', (v) => ((v.response.clientDataJSON = 12), v)],
    ['an attestationObject with spaces', (v) => ((v.response.attestationObject = 'o2Nm dGZt'), v)],
    ['transports that are not a list', (v) => ((v.response.transports = 'usb'), v)],
    ['a transport that is not a name', (v) => ((v.response.transports = ['usb', '<script>']), v)],
    ['too many transports', (v) => ((v.response.transports = Array.from({ length: 11 }, (_, i) => `t${i}`)), v)],
    ['a publicKeyAlgorithm that is not an integer', (v) => ((v.response.publicKeyAlgorithm = -7.5), v)],
    ['an unknown authenticatorAttachment', (v) => ((v.authenticatorAttachment = 'implant'), v)],
    ['clientExtensionResults that is a list', (v) => ((v.clientExtensionResults = []), v)],
    ['a document over 64 KiB', (v) => ((v.clientExtensionResults = { big: 'x'.repeat(64 * 1024) }), v)],
    ['an attestationObject over its bound', (v) => ((v.response.attestationObject = 'A'.repeat(48 * 1024 + 4)), v)],
    ['a value JSON cannot hold', (v) => ((v.clientExtensionResults = { n: 10n }), v)],
  ];
  for (const [name, make] of refusals) {
    it(`refuses ${name}`, () => {
      const parsed = parseRegistrationCredential(make(clone()));
      assert.equal(parsed.success, false);
      if (!parsed.success) assert.ok(parsed.reason.length > 0);
    });
  }

  it('refuses a cyclic object without throwing', () => {
    const value = clone();
    value.clientExtensionResults = { self: value };
    assert.equal(parseRegistrationCredential(value).success, false);
  });
});

describe('parseCredentialId', () => {
  it('accepts base64url IDs, padded or not', () => {
    for (const id of [ID, `${b64url(16)}==`, 'a-_Z09']) {
      const parsed = parseCredentialId(id);
      assert.ok(parsed.success, id);
      assert.equal(parsed.data, id);
    }
  });

  for (const [name, value] of [
    ['an empty string', ''],
    ['a number', 42],
    ['an object', { id: ID }],
    ['undefined', undefined],
    ['a path', '../users/admin'],
    ['spaces', 'abc def'],
    ['standard base64', 'ab+/cd'],
    ['too long', 'A'.repeat(MAX_CREDENTIAL_ID_LENGTH + 1)],
    ['an ID with a new line', `${ID}\n`],
  ] as const) {
    it(`refuses ${name}`, () => assert.equal(parseCredentialId(value).success, false));
  }
});
