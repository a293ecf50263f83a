import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { utcDate } from './utc-date';

describe('utcDate', () => {
  it('writes the UTC day as en-GB medium dates are written, every month', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
    for (let month = 0; month < 12; month += 1) {
      for (const [day, hour] of [[1, 0], [15, 12], [28, 23]]) {
        const seconds = Date.UTC(2026, month, day, hour, 59, 59) / 1000;
        assert.equal(utcDate(seconds), intl.format(new Date(seconds * 1000)));
      }
    }
  });

  it('takes the day in UTC, not in the local zone', () => {
    assert.equal(utcDate(Date.UTC(2026, 10, 24, 23, 30) / 1000), '24 Nov 2026');
    assert.equal(utcDate(Date.UTC(2027, 0, 1, 0, 0) / 1000), '1 Jan 2027');
  });
});
