import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACCOUNT_BINDING_LIFETIME_SECONDS, createAccountBinding, readAccountBinding } from './embed-handoff-account';

const SECRET = 's'.repeat(40);
const HOST = 'https://app.example';
const now = () => Math.floor(Date.now() / 1000);

describe('the add-passkey window’s account binding', () => {
  it('names the view’s person to the portal only, for its host, for a short while', async () => {
    const binding = await createAccountBinding('sub-1', HOST, SECRET);
    assert.equal(await readAccountBinding(binding, HOST, SECRET), 'sub-1');
    assert.ok(!binding.includes('sub-1') && !Buffer.from(binding.split('.')[0], 'base64url').toString().includes('sub'), 'encrypted');
    assert.equal(await readAccountBinding(binding, 'https://other.example', SECRET), null);
    assert.equal(await readAccountBinding(binding, HOST, SECRET, now() + ACCOUNT_BINDING_LIFETIME_SECONDS + 5), null);
    assert.ok(ACCOUNT_BINDING_LIFETIME_SECONDS <= 600);
  });

  it('refuses a forged, tampered or missing binding', async () => {
    const binding = await createAccountBinding('sub-1', HOST, SECRET);
    assert.equal(await readAccountBinding(binding, HOST, 't'.repeat(40)), null);
    assert.equal(await readAccountBinding(`${binding.slice(0, -2)}xx`, HOST, SECRET), null);
    assert.equal(await readAccountBinding(undefined, HOST, SECRET), null);
    assert.equal(await readAccountBinding(['x'], HOST, SECRET), null);
  });
});
