import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { levelsOff } from './memory';

const MB = 1_000_000;

describe('levelsOff', () => {
  it('holds for a heap that fills up early and then stays', () => {
    assert.equal(levelsOff([200, 230, 245, 250, 251, 252, 252, 253, 253, 253, 254].map((v) => v * MB)).holds, true);
  });

  it('fails for steady growth (a leak)', () => {
    const leak = Array.from({ length: 11 }, (_, i) => (200 + 8 * i) * MB);
    const result = levelsOff(leak);
    assert.equal(result.holds, false);
    assert.equal(result.firstMedian, 224 * MB);
    assert.equal(result.secondLow, 248 * MB);
  });

  it('holds for a steady heap whose garbage collection swings it by tens of MB', () => {
    assert.equal(levelsOff([481, 426, 436, 446, 506, 410, 422, 434, 436, 441, 484].map((v) => v * MB)).holds, true);
    assert.equal(levelsOff([414, 381, 445, 447, 452, 452, 481, 510, 408, 379, 418].map((v) => v * MB)).holds, true);
  });

  it('holds for noise within the slack', () => {
    assert.equal(levelsOff([200, 201, 199, 202, 200, 203, 201, 204, 202, 203, 204].map((v) => v * MB)).holds, true);
  });
});
