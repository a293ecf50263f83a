import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deviceDisplayName, deviceNameParts, deviceNameText, looksLikeUserAgent, MAX_DEVICE_NAME_LENGTH, userAgentName, type DeviceNameWords } from './user-agent';

// Real User-Agent strings, as browsers send them.
const UA = {
  chromeMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  chromeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/159.0.8154.6 Safari/537.36',
  chromeLinux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  headlessChrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  chromeOS: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  chromeIOS: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70',
  opera: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0',
  samsung: 'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
  firefoxLinux: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  firefoxIOS: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  safariIPhone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  safariIPad: 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  iosWebView: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
};

describe('userAgentName', () => {
  it('names the browser family and the system', () => {
    assert.equal(userAgentName(UA.chromeMac), 'Chrome on macOS');
    assert.equal(userAgentName(UA.chromeWindows), 'Chrome on Windows');
    assert.equal(userAgentName(UA.chromeLinux), 'Chrome on Linux');
    assert.equal(userAgentName(UA.headlessChrome), 'Chrome on Linux');
    assert.equal(userAgentName(UA.firefoxLinux), 'Firefox on Linux');
    assert.equal(userAgentName(UA.safariMac), 'Safari on macOS');
  });

  it('tells apart the browsers that also claim to be Chrome or Safari', () => {
    assert.equal(userAgentName(UA.edge), 'Edge on Windows');
    assert.equal(userAgentName(UA.opera), 'Opera on Windows');
    assert.equal(userAgentName(UA.samsung), 'Samsung Internet on Android');
    assert.equal(userAgentName(UA.chromeIOS), 'Chrome on iOS');
    assert.equal(userAgentName(UA.firefoxIOS), 'Firefox on iOS');
  });

  it('tells apart the systems that also claim to be Linux or macOS', () => {
    assert.equal(userAgentName(UA.chromeAndroid), 'Chrome on Android');
    assert.equal(userAgentName(UA.chromeOS), 'Chrome on ChromeOS');
    assert.equal(userAgentName(UA.safariIPhone), 'Safari on iOS');
    assert.equal(userAgentName(UA.safariIPad), 'Safari on iPadOS');
  });

  it('does not call an in-app web view Safari', () => {
    assert.equal(userAgentName(UA.iosWebView), 'Unknown browser on iOS');
  });

  it('returns null when it recognises nothing', () => {
    assert.equal(userAgentName('okhttp/4.12.0'), null);
    assert.equal(userAgentName(''), null);
  });
});

describe('looksLikeUserAgent', () => {
  it('spots raw User-Agent headers', () => {
    for (const ua of Object.values(UA)) assert.equal(looksLikeUserAgent(ua), true, ua);
    assert.equal(looksLikeUserAgent('okhttp/4.12.0'), true);
    assert.equal(looksLikeUserAgent('aws-sdk-js/3.1 ua/2.1'), true);
  });

  it('leaves names people gave alone', () => {
    for (const name of ["Ada's laptop", 'Work phone', 'Seeded device 12', 'iPhone 15 Pro', 'Pixel 8 / personal', 'Chrome on Linux']) {
      assert.equal(looksLikeUserAgent(name), false, name);
    }
  });
});

describe('deviceDisplayName', () => {
  it('keeps a real name', () => {
    assert.equal(deviceDisplayName("Ada's laptop"), "Ada's laptop");
    assert.equal(deviceDisplayName('Chrome on Linux'), 'Chrome on Linux');
  });

  it('turns a raw User-Agent into browser and system', () => {
    assert.equal(deviceDisplayName(UA.chromeMac), 'Chrome on macOS');
    assert.equal(deviceDisplayName(UA.safariIPhone), 'Safari on iOS');
  });

  it('says "Unknown device" when there is nothing to go on', () => {
    assert.equal(deviceDisplayName(undefined), 'Unknown device');
    assert.equal(deviceDisplayName(null), 'Unknown device');
    assert.equal(deviceDisplayName('   '), 'Unknown device');
    assert.equal(deviceDisplayName('okhttp/4.12.0'), 'Unknown device');
  });

  it('cleans control characters and white space', () => {
    assert.equal(deviceDisplayName('  Work\u0000\n phone\t '), 'Work phone');
  });

  it('cuts very long names without splitting a character', () => {
    const long = `${'😀'.repeat(40)}${'x'.repeat(40)}`;
    const shown = deviceDisplayName(long);
    assert.equal(Array.from(shown).length, MAX_DEVICE_NAME_LENGTH);
    assert.ok(shown.endsWith('…'));
    assert.ok(shown.startsWith('😀'.repeat(40)));
    assert.equal(deviceDisplayName('x'.repeat(MAX_DEVICE_NAME_LENGTH)), 'x'.repeat(MAX_DEVICE_NAME_LENGTH));
  });
});

describe('device names in another language', () => {
  const german: DeviceNameWords = {
    browserOnSystem: (browser, system) => `${browser} unter ${system}`,
    unknownBrowserOnSystem: (system) => `Unbekannter Browser unter ${system}`,
    unknownDevice: 'Unbekanntes Gerät',
  };

  it('translates the words around browser and system names, never the names', () => {
    assert.equal(userAgentName(UA.safariIPad, german), 'Safari unter iPadOS');
    assert.equal(userAgentName(UA.iosWebView, german), 'Unbekannter Browser unter iOS');
    assert.equal(deviceDisplayName(UA.edge, german), 'Edge unter Windows');
    assert.equal(deviceDisplayName('okhttp/4.12.0', german), 'Unbekanntes Gerät');
    assert.equal(deviceDisplayName(null, german), 'Unbekanntes Gerät');
  });

  it('keeps a name someone gave as it is', () => {
    assert.equal(deviceDisplayName("Ada's laptop", german), "Ada's laptop");
    assert.equal(deviceDisplayName('Kitchen tablet on Linux', german), 'Kitchen tablet on Linux');
    assert.equal(deviceDisplayName('Chrome on my desk', german), 'Chrome on my desk');
    assert.equal(deviceDisplayName('Unknown browser', german), 'Unknown browser');
  });

  it('says a name in the form written for a User-Agent (as a pool that names devices stores it) in the reader’s language', () => {
    assert.equal(deviceDisplayName('Chrome on Linux', german), 'Chrome unter Linux');
    assert.equal(deviceDisplayName('Samsung Internet on Android', german), 'Samsung Internet unter Android');
    assert.equal(deviceDisplayName('Unknown browser on iPadOS', german), 'Unbekannter Browser unter iPadOS');
    assert.equal(deviceDisplayName('Unknown device', german), 'Unbekanntes Gerät');
    assert.deepEqual(deviceNameParts('Chrome on Linux'), { given: null, browser: 'Chrome', system: 'Linux' });
    // In English, exactly as written.
    for (const name of ['Chrome on Linux', 'Unknown browser on iOS', 'Unknown device']) assert.equal(deviceDisplayName(name), name);
  });

  it('takes a name apart once, to be said in any language later', () => {
    assert.deepEqual(deviceNameParts(UA.chromeAndroid), { given: null, browser: 'Chrome', system: 'Android' });
    assert.deepEqual(deviceNameParts('  Work\u0000 phone '), { given: 'Work phone', browser: null, system: null });
    assert.deepEqual(deviceNameParts(''), { given: null, browser: null, system: null });
    assert.equal(deviceNameText(deviceNameParts(UA.chromeAndroid)), 'Chrome on Android');
    assert.equal(deviceNameText(deviceNameParts(UA.chromeAndroid), german), 'Chrome unter Android');
  });
});
