import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCatalog } from '@/lib/i18n/test-translator';
import { DEVICE_ROWS_KEYS, DEVICES_PANEL_KEYS, SIGN_OUT_EVERYWHERE_KEYS } from './device-messages';

const english = Object.keys(readCatalog('en', 'devices'));

describe('the devices catalog’s key lists', () => {
  it('name only keys the catalog has', () => {
    for (const key of [...DEVICES_PANEL_KEYS, ...SIGN_OUT_EVERYWHERE_KEYS, ...DEVICE_ROWS_KEYS]) assert.ok(english.includes(key), key);
  });

  it('leave out no key: each is sent to the browser or said on the server', () => {
    const said = new Set<string>([...DEVICES_PANEL_KEYS, ...SIGN_OUT_EVERYWHERE_KEYS, ...DEVICE_ROWS_KEYS, 'loading']);
    assert.deepEqual(english.filter((key) => !said.has(key)), []);
  });

  it('send the browser none of the rows’ words (the server says them)', () => {
    for (const key of DEVICE_ROWS_KEYS) assert.ok(!(DEVICES_PANEL_KEYS as readonly string[]).includes(key), key);
  });
});
