import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isHiddenBenchFloor } from './floor';

describe('isHiddenBenchFloor', () => {
  it('hides the floor page unless PORTAL_BENCH_FLOOR is exactly 1', () => {
    assert.equal(isHiddenBenchFloor('/bench/floor', {}), true);
    assert.equal(isHiddenBenchFloor('/bench/floor', { PORTAL_BENCH_FLOOR: 'true' }), true);
    assert.equal(isHiddenBenchFloor('/bench/floor/x', {}), true);
    assert.equal(isHiddenBenchFloor('/bench/floor', { PORTAL_BENCH_FLOOR: '1' }), false);
  });

  it('leaves every other route alone', () => {
    assert.equal(isHiddenBenchFloor('/security', {}), false);
    assert.equal(isHiddenBenchFloor('/bench/floorplan', {}), false);
  });
});
