import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forgetDeviceInput, isDeviceKey, setDeviceRememberedInput } from './device-input';

const KEY = 'eu-west-1_a1b2c3d4-5678-90ab-cdef-000000000001';

describe('device keys', () => {
  it('accepts keys of the form Cognito issues', () => {
    assert.equal(isDeviceKey(KEY), true);
    assert.equal(isDeviceKey('local-1_0f0e0d0c-0b0a-4988-8776-655443322110'), true);
    assert.equal(isDeviceKey('a_0'), true);
    assert.equal(isDeviceKey(`${'r'.repeat(53)}_0`), true); // 55 characters
  });

  const refused: Array<[string, unknown]> = [
    ['an empty string', ''],
    ['56 characters', `${'r'.repeat(54)}_0`],
    ['no underscore', 'eu-west-1-a1b2'],
    ['upper-case hex', 'eu-west-1_A1B2C3'],
    ['a path', '../eu-west-1_a1b2'],
    ['trailing text', `${KEY} `],
    ['a newline before the end', `${KEY}\n`],
    ['a leading line', `x\n${KEY}`],
    ['a number', 42],
    ['an object', { toString: () => KEY }],
    ['an array', [KEY]],
    ['null', null],
    ['undefined', undefined],
  ];
  for (const [what, value] of refused) {
    it(`refuses ${what}`, () => {
      assert.equal(isDeviceKey(value), false);
      assert.equal(forgetDeviceInput.safeParse({ deviceKey: value }).success, false);
    });
  }
});

describe('setDeviceRememberedInput', () => {
  it('accepts the two statuses of the model', () => {
    assert.deepEqual(setDeviceRememberedInput.parse({ deviceKey: KEY, status: 'remembered' }), { deviceKey: KEY, status: 'remembered' });
    assert.deepEqual(setDeviceRememberedInput.parse({ deviceKey: KEY, status: 'not_remembered' }), { deviceKey: KEY, status: 'not_remembered' });
  });

  for (const status of ['Remembered', 'forgotten', '', true, 1, null, undefined]) {
    it(`refuses the status ${JSON.stringify(status)}`, () => {
      assert.equal(setDeviceRememberedInput.safeParse({ deviceKey: KEY, status }).success, false);
    });
  }

  it('refuses members it does not know', () => {
    assert.equal(setDeviceRememberedInput.safeParse({ deviceKey: KEY, status: 'remembered', accessToken: 'x' }).success, false);
    assert.equal(forgetDeviceInput.safeParse({ deviceKey: KEY, extra: 1 }).success, false);
  });
});
