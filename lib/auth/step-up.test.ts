import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ceremonyHeadroomSeconds, signedInRecently } from './step-up';

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

describe('ceremonyHeadroomSeconds', () => {
  it('keeps back a tenth of the limit, at most the ceremony timeout', () => {
    assert.equal(ceremonyHeadroomSeconds(600), 60);
    assert.equal(ceremonyHeadroomSeconds(120), 12);
    assert.equal(ceremonyHeadroomSeconds(12), 1);
    assert.equal(ceremonyHeadroomSeconds(3600), 60);
  });

  it('leaves a start allowed only while there is still time to finish', () => {
    const now = 1_800_000_000;
    const startable = (authTime: number) => signedInRecently(authTime, 600 - ceremonyHeadroomSeconds(600), now);
    assert.equal(startable(now - 540), true);
    assert.equal(startable(now - 541), false); // the finish, a minute later, would be refused
    assert.equal(signedInRecently(now - 541, 600, now), true);
  });
});
