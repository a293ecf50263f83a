import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { showAllDevices } from './devices-view';

describe('showAllDevices', () => {
  it('is true only for devices=all', () => {
    assert.equal(showAllDevices('all'), true);
  });

  it('ignores anything else, hostile or not', () => {
    for (const value of [undefined, null, '', 'ALL', 'all ', ' all', 'none', ['all'], ['all', 'all'], 'all'.repeat(1000), { toString: () => 'all' }, 1, true]) {
      assert.equal(showAllDevices(value), false, JSON.stringify(value) ?? String(value));
    }
  });
});
