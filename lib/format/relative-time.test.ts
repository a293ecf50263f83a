import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relativeTime } from './relative-time';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const ago = (seconds: number) => NOW / 1000 - seconds;

describe('relativeTime', () => {
  it('says "just now" under a minute', () => {
    assert.equal(relativeTime(ago(30), NOW, 'en'), 'just now');
  });

  it('picks the largest unit that fits', () => {
    assert.equal(relativeTime(ago(5 * 60), NOW, 'en'), '5 minutes ago');
    assert.equal(relativeTime(ago(3 * 3600), NOW, 'en'), '3 hours ago');
    assert.equal(relativeTime(ago(86400), NOW, 'en'), 'yesterday');
    assert.equal(relativeTime(ago(3 * 86400), NOW, 'en'), '3 days ago');
    assert.equal(relativeTime(ago(14 * 86400), NOW, 'en'), '2 weeks ago');
    assert.equal(relativeTime(ago(400 * 86400), NOW, 'en'), 'last year');
  });

  it('says "just now" in the words given, else in the locale’s own', () => {
    assert.equal(relativeTime(ago(30), NOW, 'de', 'gerade eben'), 'gerade eben');
    assert.equal(relativeTime(ago(30), NOW, 'de'), 'jetzt');
    assert.equal(relativeTime(ago(30), NOW, 'en-GB'), 'just now');
    assert.equal(relativeTime(ago(30), NOW), 'just now');
  });

  it('handles the future and other locales', () => {
    assert.equal(relativeTime(NOW / 1000 + 2 * 3600, NOW, 'en'), 'in 2 hours');
    assert.equal(relativeTime(ago(3 * 86400), NOW, 'de'), 'vor 3 Tagen');
  });
});
