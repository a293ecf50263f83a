import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTimeZoneCookie, timeZoneCookie } from './time-zone';

describe('parseTimeZoneCookie', () => {
  it('accepts IANA zone names, encoded or not, as written', () => {
    assert.equal(parseTimeZoneCookie('Europe/Paris'), 'Europe/Paris');
    assert.equal(parseTimeZoneCookie('America%2FArgentina%2FBuenos_Aires'), 'America/Argentina/Buenos_Aires');
    assert.equal(parseTimeZoneCookie('UTC'), 'UTC');
    assert.equal(parseTimeZoneCookie('Etc/GMT%2B5'), 'Etc/GMT+5');
    assert.equal(parseTimeZoneCookie('Asia/Calcutta'), 'Asia/Calcutta');
  });

  it('refuses hostile and broken values', () => {
    const hostile = [
      undefined,
      null,
      42,
      '',
      '%',
      '%E0%A4%A',
      'Europe/Nowhere',
      'Not a zone',
      '<script>alert(1)</script>',
      '%3Cscript%3E',
      '../../etc/passwd',
      'Europe/Paris; Path=/',
      'Europe/Paris\u0000',
      'Europe%2FParis%00',
      'Europe/Paris\nSet-Cookie: a=b',
      '+01:00',
      'A'.repeat(65),
      'Europe/' + 'x'.repeat(10_000),
      '__proto__',
      'constructor',
      'a/b/c/d/e',
    ];
    for (const value of hostile) assert.equal(parseTimeZoneCookie(value), null, String(value).slice(0, 40));
  });
});

describe('timeZoneCookie', () => {
  it('is site-wide and Lax at the top level, partitioned when framed over https', () => {
    assert.equal(timeZoneCookie('Europe/Paris', { framed: false, secure: false }), 'tz=Europe%2FParis; Path=/; Max-Age=31536000; SameSite=Lax');
    assert.match(timeZoneCookie('Europe/Paris', { framed: false, secure: true }), /SameSite=Lax; Secure$/);
    assert.match(timeZoneCookie('Europe/Paris', { framed: true, secure: true }), /SameSite=None; Secure; Partitioned$/);
  });

  it('round-trips through the parser', () => {
    const value = timeZoneCookie('America/Argentina/Buenos_Aires', { framed: false, secure: false }).split(';')[0].slice('tz='.length);
    assert.equal(parseTimeZoneCookie(value), 'America/Argentina/Buenos_Aires');
  });
});
