import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distinctDeviceLabels } from './device-labels';

describe('distinctDeviceLabels', () => {
  it('numbers only the names that several devices share, in the order listed', () => {
    assert.deepEqual(distinctDeviceLabels(['Chrome on Linux', 'Safari on iOS', 'Chrome on Linux', 'Chrome on Linux']), [
      'Chrome on Linux (1 of 3)',
      'Safari on iOS',
      'Chrome on Linux (2 of 3)',
      'Chrome on Linux (3 of 3)',
    ]);
  });

  it('leaves distinct names alone', () => {
    assert.deepEqual(distinctDeviceLabels(['A', 'B']), ['A', 'B']);
    assert.deepEqual(distinctDeviceLabels([]), []);
  });
});
