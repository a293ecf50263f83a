import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Passkey } from '@/lib/cognito/passkeys';
import { credentialKey, type PasskeyDetails } from './details-codec';
import { toPasskeyView } from './present';

const passkey = (id: string, attachment: string | null): Passkey => ({ id, name: 'Passkey', relyingPartyId: 'localhost', attachment, transports: [], createdAt: 1 });
const GOOGLE = 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4';
const details: PasskeyDetails = {
  userHandle: null,
  entries: new Map([
    [credentialKey('named'), { aaguid: GOOGLE, backupEligible: true, backedUp: true, name: 'My phone' }],
    [credentialKey('provider'), { aaguid: GOOGLE, backupEligible: true, backedUp: false, name: null }],
    [credentialKey('unknown'), { aaguid: '01020304-0506-0708-0102-030405060708', backupEligible: false, backedUp: false, name: null }],
  ]),
};

test('the name: the person’s, else the provider’s, else Cognito’s; badges and kinds from the flags', () => {
  assert.deepEqual(
    ['named', 'provider', 'unknown'].map((id) => toPasskeyView(passkey(id, 'platform'), details)).map((v) => [v.displayName, v.sync, v.kind]),
    [
      ['My phone', 'synced', 'synced'],
      ['Google Password Manager', null, 'synced'],
      ['Passkey', 'device-only', 'this-device'],
    ],
  );
  const none = toPasskeyView(passkey('other', 'cross-platform'), null);
  assert.deepEqual([none.displayName, none.sync, none.kind, none.customName], ['Passkey', null, 'security-key', null]);
});
