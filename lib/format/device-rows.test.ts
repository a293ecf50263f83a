import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deviceRows, orderDevices, RECENT_DEVICES_SHOWN, type DeviceFacts } from './device-rows';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const ago = (seconds: number) => NOW / 1000 - seconds;
const HOUR = 3600;
const DAY = 86400;

function device(key: string, overrides: Partial<DeviceFacts> = {}): DeviceFacts {
  return { key, name: 'Chrome on Windows', lastIp: '192.0.2.1', lastSignedInAt: ago(HOUR), firstSeenAt: ago(30 * DAY), remembered: true, formFactor: 'desktop', browser: 'Chrome', ...overrides };
}

describe('orderDevices', () => {
  it('puts this device first, then the most recently active', () => {
    const devices = [device('a', { lastSignedInAt: ago(3 * DAY) }), device('b', { lastSignedInAt: ago(HOUR) }), device('me', { lastSignedInAt: ago(10 * DAY) })];
    assert.deepEqual(orderDevices(devices, 'me').map((d) => d.key), ['me', 'b', 'a']);
    assert.deepEqual(orderDevices(devices, null).map((d) => d.key), ['b', 'a', 'me']);
  });

  it('orders look-alikes active at the same moment newest (latest first seen) first, then by key', () => {
    const same = ago(HOUR);
    const devices = [
      device('k2', { lastSignedInAt: same, firstSeenAt: ago(9 * DAY) }),
      device('k1', { lastSignedInAt: same, firstSeenAt: ago(2 * DAY) }),
      device('k4', { lastSignedInAt: same, firstSeenAt: ago(2 * DAY) }),
      device('k3', { lastSignedInAt: same, firstSeenAt: ago(5 * DAY) }),
    ];
    assert.deepEqual(orderDevices(devices, null).map((d) => d.key), ['k1', 'k4', 'k3', 'k2']);
  });

  it('lists devices with no dates last, and never changes its input', () => {
    const devices = [device('x', { lastSignedInAt: null, firstSeenAt: null }), device('y', { lastSignedInAt: null, firstSeenAt: ago(DAY) }), device('z')];
    assert.deepEqual(orderDevices(devices, null).map((d) => d.key), ['z', 'y', 'x']);
    assert.deepEqual(devices.map((d) => d.key), ['x', 'y', 'z']);
  });
});

describe('deviceRows', () => {
  it('says "This device" for this one and when the others were last active', () => {
    const { rows } = deviceRows([device('other', { name: 'Work phone', lastSignedInAt: ago(2 * HOUR) }), device('me', { lastSignedInAt: ago(60) })], 'me', NOW, { showAll: false, locale: 'en' });
    assert.deepEqual(
      rows.map((r) => [r.key, r.isCurrent, r.secondary]),
      [
        ['me', true, ['This device']],
        ['other', false, ['Last active 2 hours ago']],
      ],
    );
  });

  it('says "Not remembered" only for devices that are not, and when nothing is known', () => {
    const { rows } = deviceRows([device('a', { remembered: false, name: 'A' }), device('b', { lastSignedInAt: null, name: 'B', firstSeenAt: null })], null, NOW, { showAll: true, locale: 'en' });
    assert.deepEqual(rows.map((r) => r.secondary), [['Last active 1 hour ago', 'Not remembered'], ['Last active: not known']]);
  });

  it('tells look-alikes apart: newest first, numbered in that order, with when each was first seen', () => {
    const devices = [
      device('old', { lastSignedInAt: ago(DAY), firstSeenAt: ago(20 * DAY) }),
      device('me', { lastSignedInAt: ago(DAY), firstSeenAt: ago(40 * DAY) }),
      device('new', { lastSignedInAt: ago(DAY), firstSeenAt: ago(3 * DAY) }),
      device('elsewhere', { lastIp: '198.51.100.7', lastSignedInAt: ago(5 * DAY) }),
    ];
    const { rows } = deviceRows(devices, 'me', NOW, { showAll: false, locale: 'en' });
    assert.deepEqual(
      rows.map((r) => [r.key, r.label, r.secondary.join(' · ')]),
      [
        ['me', 'Chrome on Windows (1 of 4)', 'This device · First seen last month'],
        ['new', 'Chrome on Windows (2 of 4)', 'Last active yesterday · First seen 3 days ago'],
        ['old', 'Chrome on Windows (3 of 4)', 'Last active yesterday · First seen 2 weeks ago'],
        // Same name but another network: told apart by its own last-active time.
        ['elsewhere', 'Chrome on Windows (4 of 4)', 'Last active 5 days ago'],
      ],
    );
  });

  it('shows this device and the most recent ones, and says how many more there are', () => {
    const devices = Array.from({ length: 60 }, (_, i) => device(`d${String(i).padStart(2, '0')}`, { name: `Device ${i}`, lastSignedInAt: ago(i * HOUR) }));
    const few = deviceRows(devices, 'd42', NOW, { showAll: false, locale: 'en' });
    assert.deepEqual(few.rows.map((r) => r.key), ['d42', 'd00', 'd01', 'd02', 'd03', 'd04']);
    assert.equal(few.rows.length, RECENT_DEVICES_SHOWN + 1);
    assert.deepEqual([few.total, few.hidden, few.long], [60, 54, true]);

    const all = deviceRows(devices, 'd42', NOW, { showAll: true, locale: 'en' });
    assert.equal(all.rows.length, 60);
    assert.deepEqual([all.total, all.hidden, all.long], [60, 0, true]);
    // A device keeps its label and line whichever view it is in.
    assert.deepEqual(all.rows.slice(0, 6), few.rows);

    // Without this device among them (a session without a device key): the five most recent.
    assert.equal(deviceRows(devices, null, NOW, { showAll: false }).rows.length, RECENT_DEVICES_SHOWN);
  });

  it('shows everything when there are few, and nothing when there is nothing', () => {
    const three = deviceRows([device('a'), device('b'), device('c')], 'b', NOW, { showAll: false });
    assert.deepEqual([three.rows.length, three.hidden, three.long], [3, 0, false]);
    const six = Array.from({ length: 6 }, (_, i) => device(`s${i}`));
    assert.equal(deviceRows(six, 's3', NOW, { showAll: true }).long, false, 'this device and five others fit the short view');
    assert.equal(deviceRows(six, null, NOW, { showAll: true }).long, true);
    assert.deepEqual(deviceRows([], null, NOW, { showAll: false }), { rows: [], total: 0, hidden: 0, long: false });
  });
});
