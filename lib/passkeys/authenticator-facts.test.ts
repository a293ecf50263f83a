import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authenticatorFacts } from './authenticator-facts';
import chromium from './fixtures/chromium-registrations.json' with { type: 'json' };
import soft from './fixtures/soft-registration.json' with { type: 'json' };

const VIRTUAL_AAGUID = '01020304-0506-0708-0102-030405060708';

test('a synced platform passkey: backup eligible and backed up', () => {
  assert.deepEqual(authenticatorFacts(chromium['platform-synced'].response.attestationObject), {
    aaguid: VIRTUAL_AAGUID,
    backupEligible: true,
    backedUp: true,
  });
});

test('a device-bound platform passkey: neither flag', () => {
  assert.deepEqual(authenticatorFacts(chromium['platform-device-bound'].response.attestationObject), {
    aaguid: VIRTUAL_AAGUID,
    backupEligible: false,
    backedUp: false,
  });
});

test('eligible but not yet backed up', () => {
  assert.deepEqual(authenticatorFacts(chromium['platform-eligible-not-backed-up'].response.attestationObject), {
    aaguid: VIRTUAL_AAGUID,
    backupEligible: true,
    backedUp: false,
  });
});

test('a USB security key: device-bound, and its all-zero AAGUID (make not told) is no AAGUID', () => {
  assert.deepEqual(authenticatorFacts(chromium['security-key-usb'].response.attestationObject), {
    aaguid: null,
    backupEligible: false,
    backedUp: false,
  });
});

test('a password manager’s AAGUID is read as written', () => {
  assert.equal(authenticatorFacts(soft.registration.response.attestationObject)?.aaguid, 'bada5566-a7aa-401f-bd96-45619a55120d');
});

test('garbage and truncated attestation objects give null, never a throw', () => {
  assert.equal(authenticatorFacts('AAAA'), null);
  assert.equal(authenticatorFacts('not base64url!'), null);
  assert.equal(authenticatorFacts(chromium['platform-synced'].response.attestationObject.slice(0, 60)), null);
});
