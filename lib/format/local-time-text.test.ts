import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localTimeText } from './local-time-text';

const moment = Date.UTC(2026, 11, 3, 23, 30) / 1000; // 3 Dec 2026 23:30 UTC
const twoHoursLater = (moment + 2 * 3600) * 1000;
const ISO = '2026-12-03T23:30:00.000Z';

describe('localTimeText', () => {
  it('writes English as LocalTime always has: en-GB dates without Intl words, UTC labelled when the zone is not known', () => {
    assert.deepEqual(localTimeText(moment, 'date-time', { timeZone: 'UTC', known: false, nowMs: twoHoursLater }), { text: '3 Dec 2026, 23:30 UTC (2 hours ago)', title: ISO });
    assert.deepEqual(localTimeText(moment, 'date-time', { timeZone: 'Europe/Paris', known: true, nowMs: null }, 'en'), { text: '4 Dec 2026, 00:30', title: ISO });
    assert.deepEqual(localTimeText(moment, 'date', { timeZone: 'UTC', known: false, nowMs: null }), { text: '3 Dec 2026 (UTC)', title: '3 Dec 2026, 23:30 UTC' });
    assert.deepEqual(localTimeText(moment, 'relative', { timeZone: 'Europe/Paris', known: true, nowMs: twoHoursLater }, 'en-GB'), { text: '2 hours ago', title: '4 Dec 2026, 00:30' });
  });

  it('writes another language with Intl, in the reader’s zone', () => {
    assert.deepEqual(localTimeText(moment, 'date-time', { timeZone: 'Europe/Berlin', known: true, nowMs: twoHoursLater }, 'de'), { text: '04.12.2026, 00:30 (vor 2 Stunden)', title: ISO });
    assert.equal(localTimeText(moment, 'date', { timeZone: 'UTC', known: false, nowMs: null }, 'fr').text, '3 déc. 2026 (UTC)');
    assert.equal(localTimeText(moment, 'date-time', { timeZone: 'Asia/Tokyo', known: true, nowMs: moment * 1000 + 10_000 }, 'ja').text, '2026/12/04 8:30（今）');
  });

  it('joins the moment and its "ago" as the language does (the time catalogs): full-width brackets in Japanese', () => {
    assert.equal(localTimeText(moment, 'date-time', { timeZone: 'UTC', known: false, nowMs: twoHoursLater }, 'ja').text, '2026/12/03 23:30 UTC（2 時間前）');
    assert.equal(localTimeText(moment, 'date', { timeZone: 'UTC', known: false, nowMs: null }, 'ja').text, '2026/12/03（UTC）');
    assert.match(localTimeText(moment, 'date-time', { timeZone: 'UTC', known: true, nowMs: twoHoursLater }, 'ja-JP').text, /（2 時間前）$/, 'a region falls back to its language');
    assert.match(localTimeText(moment, 'date-time', { timeZone: 'UTC', known: true, nowMs: twoHoursLater }, 'ar').text, /\(.+\)$/);
  });
});
