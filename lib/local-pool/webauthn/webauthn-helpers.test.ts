import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { cose, isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';
import { friendlyNameFor } from './friendly-name';
import { checkCredentialPublicKey } from './public-key';
import { parseRegistrationDocument } from './registration-document';

const coseKey = (entries: [number, number | Uint8Array][]) => isoCBOR.encode(new Map(entries));
const bytes = (b64url: string) => isoBase64URL.toBuffer(b64url);

describe('checkCredentialPublicKey', () => {
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
  const ecEntries = (y: string): [number, number | Uint8Array][] => [
    [cose.COSEKEYS.kty, cose.COSEKTY.EC2],
    [cose.COSEKEYS.alg, cose.COSEALG.ES256],
    [cose.COSEKEYS.crv, cose.COSECRV.P256],
    [cose.COSEKEYS.x, bytes(ec.x!)],
    [cose.COSEKEYS.y, bytes(y)],
  ];

  it('accepts a real P-256 key and refuses a point off the curve', () => {
    assert.doesNotThrow(() => checkCredentialPublicKey(coseKey(ecEntries(ec.y!)), cose.COSEALG.ES256));
    assert.throws(() => checkCredentialPublicKey(coseKey(ecEntries(ec.x!)), cose.COSEALG.ES256), { name: 'InvalidParameterException' });
  });

  it('accepts a real RSA key for RS256 and refuses a key of the wrong type for its algorithm', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
    const rsaKey = coseKey([
      [cose.COSEKEYS.kty, cose.COSEKTY.RSA],
      [cose.COSEKEYS.alg, cose.COSEALG.RS256],
      [cose.COSEKEYS.n, bytes(rsa.n!)],
      [cose.COSEKEYS.e, bytes(rsa.e!)],
    ]);
    assert.doesNotThrow(() => checkCredentialPublicKey(rsaKey, cose.COSEALG.RS256));
    assert.throws(() => checkCredentialPublicKey(rsaKey, cose.COSEALG.ES256), { name: 'InvalidParameterException' });
    assert.throws(() => checkCredentialPublicKey(coseKey(ecEntries(ec.y!)), cose.COSEALG.RS256), { name: 'InvalidParameterException' });
  });
});

describe('friendlyNameFor', () => {
  it('names known AAGUIDs whatever their case, and others by attachment', () => {
    assert.equal(friendlyNameFor('EA9B8D66-4D01-1D21-3CE4-B6B48CB575D4', 'platform', []), 'Google Password Manager');
    assert.equal(friendlyNameFor('00000000-0000-0000-0000-000000000000', 'cross-platform', []), 'Security key');
    assert.equal(friendlyNameFor('00000000-0000-0000-0000-000000000000', undefined, []), 'Passkey');
  });

  it('takes the first free number', () => {
    assert.equal(friendlyNameFor('00000000-0000-0000-0000-000000000000', 'platform', ['Passkey', 'Passkey 3']), 'Passkey 2');
    assert.equal(friendlyNameFor('00000000-0000-0000-0000-000000000000', 'platform', ['Passkey', 'Passkey 2']), 'Passkey 3');
  });
});

describe('parseRegistrationDocument', () => {
  it('hands the verifier only the members it checked', () => {
    const parsed = parseRegistrationDocument({
      id: 'AAAA',
      rawId: 'AAAA',
      type: 'public-key',
      response: { clientDataJSON: 'e30', attestationObject: 'oA', transports: ['usb', 'usb'], extra: 'x' },
      authenticatorAttachment: null,
      smuggled: { a: 1 },
    });
    assert.deepEqual(parsed.response, {
      id: 'AAAA',
      rawId: 'AAAA',
      type: 'public-key',
      response: { clientDataJSON: 'e30', attestationObject: 'oA', transports: ['usb'] },
      clientExtensionResults: {},
    });
    assert.equal(parsed.attachment, undefined);
  });
});
