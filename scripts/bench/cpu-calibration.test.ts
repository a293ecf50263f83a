import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cpuSlowdownFor } from './cpu-calibration';

describe('cpuSlowdownFor', () => {
  it('gives Lighthouse’s default 4× to the high-end desktop it assumes, and the docs’ suggestions per bracket', () => {
    assert.equal(cpuSlowdownFor(1750), 4);
    assert.equal(cpuSlowdownFor(1250), 2);
    assert.equal(cpuSlowdownFor(800), 1);
  });

  it('slows a weaker or busier machine less, never below 1× nor above 10×', () => {
    assert.equal(cpuSlowdownFor(1000), 1.44);
    assert.ok(cpuSlowdownFor(1400) < cpuSlowdownFor(1600));
    assert.equal(cpuSlowdownFor(300), 1);
    assert.equal(cpuSlowdownFor(2000), 5);
    assert.equal(cpuSlowdownFor(9000), 10);
  });

  it('refuses an index that is not a positive number', () => {
    assert.throws(() => cpuSlowdownFor(0), RangeError);
    assert.throws(() => cpuSlowdownFor(Number.NaN), RangeError);
  });
});
