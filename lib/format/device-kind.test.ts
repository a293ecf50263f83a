import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deviceKind } from './device-kind';

const UA = {
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  ipad: 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  androidPhone: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  androidTablet: 'Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  windowsChrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  macFirefox: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.1; rv:132.0) Gecko/20100101 Firefox/132.0',
};

describe('deviceKind', () => {
  it('reads the form factor and browser from a User-Agent', () => {
    assert.deepEqual(deviceKind(UA.iphone), { formFactor: 'phone', browser: 'Safari' });
    assert.deepEqual(deviceKind(UA.ipad), { formFactor: 'tablet', browser: 'Safari' });
    assert.deepEqual(deviceKind(UA.androidPhone), { formFactor: 'phone', browser: 'Chrome' });
    assert.deepEqual(deviceKind(UA.androidTablet), { formFactor: 'tablet', browser: 'Chrome' });
    assert.deepEqual(deviceKind(UA.windowsChrome), { formFactor: 'desktop', browser: 'Chrome' });
    assert.deepEqual(deviceKind(UA.macFirefox), { formFactor: 'desktop', browser: 'Firefox' });
  });

  it('reads plain words in a name someone gave the device', () => {
    assert.equal(deviceKind('Kitchen tablet').formFactor, 'tablet');
    assert.equal(deviceKind('Work phone').formFactor, 'phone');
    assert.equal(deviceKind("Sam's iPhone").formFactor, 'phone');
    assert.equal(deviceKind('Old laptop').formFactor, 'desktop');
    assert.equal(deviceKind('MacBook Pro').formFactor, 'desktop');
    assert.equal(deviceKind('Work phone').browser, null);
  });

  it('says "unknown" when nothing tells', () => {
    for (const name of [null, undefined, '', '   ', 'Seeded device 3', 'Telephoneless', 'okhttp/4.12.0']) {
      assert.equal(deviceKind(name).formFactor, 'unknown', String(name));
    }
  });
});
