import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signedInRecently } from './step-up';

describe('signedInRecently', () => {
  const now = 1_800_000_000;

  it('is recent up to the limit and not a second beyond', () => {
    assert.equal(signedInRecently(now, 600, now), true);
    assert.equal(signedInRecently(now - 600, 600, now), true);
    assert.equal(signedInRecently(now - 601, 600, now), false);
  });

  it('never trusts an unknown sign-in time, nor one far in the future', () => {
    assert.equal(signedInRecently(null, 600, now), false);
    assert.equal(signedInRecently(now + 30, 600, now), true); // clocks a little apart
    assert.equal(signedInRecently(now + 61, 600, now), false);
  });
});
