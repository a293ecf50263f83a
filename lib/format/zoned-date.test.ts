import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zonedDate, zonedDateTime } from './zoned-date';

describe('zonedDate / zonedDateTime', () => {
  const seconds = Date.UTC(2026, 11, 3, 23, 30) / 1000; // 3 Dec 2026 23:30 UTC

  it('writes the moment in the given zone', () => {
    assert.equal(zonedDate(seconds, 'UTC'), '3 Dec 2026');
    assert.equal(zonedDateTime(seconds, 'UTC'), '3 Dec 2026, 23:30');
    assert.equal(zonedDate(seconds, 'Europe/Paris'), '4 Dec 2026');
    assert.equal(zonedDateTime(seconds, 'Europe/Paris'), '4 Dec 2026, 00:30');
    assert.equal(zonedDateTime(seconds, 'America/New_York'), '3 Dec 2026, 18:30');
    assert.equal(zonedDateTime(seconds, 'Asia/Kolkata'), '4 Dec 2026, 05:00');
  });

  it('agrees with Intl en-GB medium dates in a zone, every month', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Australia/Sydney' });
    for (let month = 0; month < 12; month += 1) {
      const s = Date.UTC(2026, month, 15, 20, 0) / 1000;
      assert.equal(zonedDate(s, 'Australia/Sydney'), intl.format(new Date(s * 1000)));
    }
  });

  it('writes another language as Intl does, in the zone; English as before', () => {
    assert.equal(zonedDate(seconds, 'Europe/Paris', 'fr'), '4 déc. 2026');
    assert.equal(zonedDateTime(seconds, 'Europe/Berlin', 'de'), '04.12.2026, 00:30');
    assert.equal(zonedDateTime(seconds, 'UTC', 'es'), '3 dic 2026, 23:30');
    assert.equal(zonedDateTime(seconds, 'Europe/Paris', 'en'), '4 Dec 2026, 00:30');
    assert.equal(zonedDate(seconds, 'UTC', 'en-GB'), '3 Dec 2026');
  });

  it('writes midnight as 00, not 24', () => {
    assert.equal(zonedDateTime(Date.UTC(2026, 0, 1, 23, 0) / 1000, 'Europe/Paris'), '2 Jan 2026, 00:00');
  });
});
