import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { median, p95, quantile, round } from './stats';

describe('bench statistics', () => {
  it('interpolates quantiles between ranks', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(quantile([1, 2, 3, 4, 5], 0), 1);
    assert.equal(quantile([1, 2, 3, 4, 5], 1), 5);
    assert.equal(quantile([10, 20], 0.25), 12.5);
    assert.ok(Math.abs(p95(Array.from({ length: 101 }, (_, i) => i)) - 95) < 1e-9);
  });

  it('is NaN for no samples and refuses a quantile outside 0–1', () => {
    assert.ok(Number.isNaN(median([])));
    assert.throws(() => quantile([1], 1.5), RangeError);
  });

  it('rounds for display', () => {
    assert.equal(round(1.26), 1.3);
    assert.equal(round(0.0444, 2), 0.04);
  });
});
