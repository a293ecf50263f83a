import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authenticatorFacts } from './authenticator-facts';
import chromium from './fixtures/chromium-registrations.json' with { type: 'json' };
import soft from './fixtures/soft-registration.json' with { type: 'json' };

const VIRTUAL_AAGUID = '01020304-0506-0708-0102-030405060708';

// Each kind Chromium's virtual authenticator makes (the USB key's AAGUID is all zero: make not told, so none).
const KINDS = [
  ['a synced platform passkey: backup eligible and backed up', 'platform-synced', { aaguid: VIRTUAL_AAGUID, backupEligible: true, backedUp: true }],
  ['a device-bound platform passkey: neither flag', 'platform-device-bound', { aaguid: VIRTUAL_AAGUID, backupEligible: false, backedUp: false }],
  ['eligible but not yet backed up', 'platform-eligible-not-backed-up', { aaguid: VIRTUAL_AAGUID, backupEligible: true, backedUp: false }],
  ['a USB security key: device-bound, no AAGUID', 'security-key-usb', { aaguid: null, backupEligible: false, backedUp: false }],
] as const;

for (const [title, fixture, facts] of KINDS) {
  test(title, () => {
    assert.deepEqual(authenticatorFacts(chromium[fixture].response.attestationObject), facts);
  });
}

test('a password manager’s AAGUID is read as written', () => {
  assert.equal(authenticatorFacts(soft.registration.response.attestationObject)?.aaguid, 'bada5566-a7aa-401f-bd96-45619a55120d');
});

test('garbage and truncated attestation objects give null, never a throw', () => {
  assert.equal(authenticatorFacts('AAAA'), null);
  assert.equal(authenticatorFacts('not base64url!'), null);
  assert.equal(authenticatorFacts(chromium['platform-synced'].response.attestationObject.slice(0, 60)), null);
});
