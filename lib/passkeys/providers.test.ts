import assert from 'node:assert/strict';
import { test } from 'node:test';
import { providerName } from './providers';

test('known AAGUIDs name their provider; unknown, zero and missing ones give null', () => {
  assert.equal(providerName('ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4'), 'Google Password Manager');
  assert.equal(providerName('BADA5566-A7AA-401F-BD96-45619A55120D'), '1Password');
  assert.equal(providerName('01020304-0506-0708-0102-030405060708'), null);
  assert.equal(providerName('00000000-0000-0000-0000-000000000000'), null);
  assert.equal(providerName(null), null);
  assert.equal(providerName('__proto__'), null);
});
