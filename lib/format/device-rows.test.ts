import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isolate } from '@/lib/i18n/bidi';
import { formatMessage } from '@/lib/i18n/format-message';
import { readCatalog, testTranslator } from '@/lib/i18n/test-translator';
import { localTimeText } from './local-time-text';
import { deviceRows, orderDevices, RECENT_DEVICES_SHOWN, type DeviceFacts } from './device-rows';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const ago = (seconds: number) => NOW / 1000 - seconds;
const HOUR = 3600;
const DAY = 86400;

function device(key: string, overrides: Partial<DeviceFacts> = {}): DeviceFacts {
  return {
    key,
    name: 'Chrome on Windows',
    nameMadeFrom: { browser: 'Chrome', system: 'Windows' },
    lastIp: '192.0.2.1',
    lastSignedInAt: ago(HOUR),
    firstSeenAt: ago(30 * DAY),
    remembered: true,
    formFactor: 'desktop',
    browser: 'Chrome',
    ...overrides,
  };
}

/** A device someone gave a name. */
const named = (key: string, name: string, overrides: Partial<DeviceFacts> = {}) => device(key, { name, nameMadeFrom: null, browser: null, ...overrides });

const en = testTranslator('en', 'devices');

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
    const { rows } = deviceRows([named('other', 'Work phone', { lastSignedInAt: ago(2 * HOUR) }), device('me', { lastSignedInAt: ago(60) })], 'me', NOW, { showAll: false, locale: 'en', t: en });
    assert.deepEqual(
      rows.map((r) => [r.key, r.isCurrent, r.secondary]),
      [
        ['me', true, ['This device']],
        ['other', false, ['Last active 2 hours ago']],
      ],
    );
  });

  it('says "Not remembered" only for devices that are not, and when nothing is known', () => {
    const { rows } = deviceRows([named('a', 'A', { remembered: false }), named('b', 'B', { lastSignedInAt: null, firstSeenAt: null })], null, NOW, { showAll: true, locale: 'en', t: en });
    assert.deepEqual(rows.map((r) => r.secondary), [['Last active 1 hour ago', 'Not remembered'], ['Last active: not known']]);
  });

  it('tells look-alikes apart: newest first, numbered in that order, with when each was first seen', () => {
    const devices = [
      device('old', { lastSignedInAt: ago(DAY), firstSeenAt: ago(20 * DAY) }),
      device('me', { lastSignedInAt: ago(DAY), firstSeenAt: ago(40 * DAY) }),
      device('new', { lastSignedInAt: ago(DAY), firstSeenAt: ago(3 * DAY) }),
      device('elsewhere', { lastIp: '198.51.100.7', lastSignedInAt: ago(5 * DAY) }),
    ];
    const { rows } = deviceRows(devices, 'me', NOW, { showAll: false, locale: 'en', t: en });
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
    const devices = Array.from({ length: 60 }, (_, i) => named(`d${String(i).padStart(2, '0')}`, `Device ${i}`, { lastSignedInAt: ago(i * HOUR) }));
    const few = deviceRows(devices, 'd42', NOW, { showAll: false, locale: 'en', t: en });
    assert.deepEqual(few.rows.map((r) => r.key), ['d42', 'd00', 'd01', 'd02', 'd03', 'd04']);
    assert.equal(few.rows.length, RECENT_DEVICES_SHOWN + 1);
    assert.deepEqual([few.total, few.hidden, few.long], [60, 54, true]);

    const all = deviceRows(devices, 'd42', NOW, { showAll: true, locale: 'en', t: en });
    assert.equal(all.rows.length, 60);
    assert.deepEqual([all.total, all.hidden, all.long], [60, 0, true]);
    // A device keeps its label and line whichever view it is in.
    assert.deepEqual(all.rows.slice(0, 6), few.rows);

    // Without this device among them (a session without a device key): the five most recent.
    assert.equal(deviceRows(devices, null, NOW, { showAll: false, t: en }).rows.length, RECENT_DEVICES_SHOWN);
  });

  it('shows everything when there are few, and nothing when there is nothing', () => {
    const three = deviceRows([device('a'), device('b'), device('c')], 'b', NOW, { showAll: false, t: en });
    assert.deepEqual([three.rows.length, three.hidden, three.long], [3, 0, false]);
    const six = Array.from({ length: 6 }, (_, i) => device(`s${i}`));
    assert.equal(deviceRows(six, 's3', NOW, { showAll: true, t: en }).long, false, 'this device and five others fit the short view');
    assert.equal(deviceRows(six, null, NOW, { showAll: true, t: en }).long, true);
    assert.deepEqual(deviceRows([], null, NOW, { showAll: false, t: en }), { rows: [], total: 0, hidden: 0, long: false });
  });
});

describe('deviceRows in other languages', () => {
  // This device (Chrome on Windows, a look-alike of another), a device only its system is known of,
  // one with nothing to go on, and one someone named.
  const devices = [
    device('me', { lastSignedInAt: ago(30), firstSeenAt: ago(40 * DAY) }),
    device('twin', { lastSignedInAt: ago(2 * HOUR), firstSeenAt: ago(3 * DAY), remembered: false }),
    device('ios', { name: 'Unknown browser on iOS', nameMadeFrom: { browser: null, system: 'iOS' }, browser: null, lastIp: '198.51.100.1', lastSignedInAt: ago(30), firstSeenAt: null }),
    device('blank', { name: 'Unknown device', nameMadeFrom: { browser: null, system: null }, browser: null, lastSignedInAt: null, firstSeenAt: null }),
    named('kitchen', 'Küchen-Tablet', { lastSignedInAt: ago(DAY), firstSeenAt: ago(DAY) }),
  ];
  const clock = { timeZone: 'Europe/Berlin', known: true };

  it('says a German row in German: names made from the User-Agent, places among look-alikes, when, and the details’ dates', () => {
    const { rows } = deviceRows(devices, 'me', NOW, { showAll: true, t: testTranslator('de', 'devices'), locale: 'de', clock });
    assert.deepEqual(
      rows.map((r) => [r.name, r.label, r.secondary.join(' · ')]),
      [
        ['Chrome unter Windows', 'Chrome unter Windows (1 von 2)', 'Dieses Gerät · Zuerst gesehen letzten Monat'],
        ['Unbekannter Browser unter iOS', 'Unbekannter Browser unter iOS', 'Zuletzt aktiv gerade eben'],
        ['Chrome unter Windows', 'Chrome unter Windows (2 von 2)', 'Zuletzt aktiv vor 2 Stunden · Zuerst gesehen vor 3 Tagen · Nicht gespeichert'],
        // A name someone gave stays as it is.
        ['Küchen-Tablet', 'Küchen-Tablet', 'Zuletzt aktiv gestern'],
        ['Unbekanntes Gerät', 'Unbekanntes Gerät', 'Zuletzt aktiv: unbekannt'],
      ],
    );
    // The details' dates, written here in the reader's zone for the browser to hydrate as they are.
    assert.deepEqual(rows[2].lastSignedInText, { text: '05.12.2026, 11:00 (vor 2 Stunden)', title: new Date(ago(2 * HOUR) * 1000).toISOString() });
    assert.equal(rows[2].firstSeenText?.text, '02.12.2026, 13:00 (vor 3 Tagen)');
    assert.equal(rows[4].lastSignedInText, undefined, 'nothing known, nothing written');
    // What the name was made of stays on the server.
    assert.ok(rows.every((r) => !('nameMadeFrom' in r)));
  });

  it('says the zone when the reader’s is not known yet', () => {
    const { rows } = deviceRows(devices, 'me', NOW, { showAll: true, t: testTranslator('fr', 'devices'), locale: 'fr', clock: { timeZone: 'UTC', known: false } });
    assert.equal(rows[2].name, 'Chrome sur Windows');
    assert.equal(rows[2].lastSignedInText?.text, '5 déc. 2026, 10:00 UTC (il y a 2 heures)');
  });

  it('writes English dates on the server too, as the browser would (LocalTime shows them until its first tick)', () => {
    const { rows } = deviceRows(devices, 'me', NOW, { showAll: true, t: en, locale: 'en', clock });
    for (const row of rows) {
      if (row.lastSignedInAt !== null) assert.deepEqual(row.lastSignedInText, localTimeText(row.lastSignedInAt, 'date-time', { ...clock, nowMs: NOW }, 'en'));
      if (row.firstSeenAt !== null) assert.deepEqual(row.firstSeenText, localTimeText(row.firstSeenAt, 'date-time', { ...clock, nowMs: NOW }, 'en'));
    }
    assert.ok(rows.some((r) => r.lastSignedInText?.text.endsWith('ago)')));
    assert.deepEqual(rows.map((r) => r.name), ['Chrome on Windows', 'Unknown browser on iOS', 'Chrome on Windows', 'Küchen-Tablet', 'Unknown device']);
  });

  it('counts devices with each of Arabic’s plural forms, on the server and in the browser alike', () => {
    const ar = testTranslator('ar', 'devices');
    const catalog = readCatalog('ar', 'devices') as Record<string, string>;
    const hidden: [number, string][] = [
      [0, 'لا توجد أجهزة أقدم مخفية.'],
      [1, 'جهاز واحد أقدم غير معروض.'],
      [2, 'جهازان أقدم غير معروضين.'],
      [3, '3 أجهزة أقدم غير معروضة.'],
      [10, '10 أجهزة أقدم غير معروضة.'],
      [11, '11 جهازًا أقدم غير معروض.'],
      [54, '54 جهازًا أقدم غير معروض.'],
      [100, '100 جهاز أقدم غير معروض.'],
    ];
    for (const [n, text] of hidden) {
      assert.equal(ar('hiddenCount', { hidden: n }), text, `hiddenCount ${n}`);
      assert.equal(formatMessage(catalog.hiddenCount, { hidden: n }, 'ar'), text, `hiddenCount ${n} (browser)`);
    }
    assert.equal(formatMessage(catalog.showAll, { total: 2 }, 'ar'), 'عرض الجهازين');
    assert.equal(formatMessage(catalog.showAll, { total: 7 }, 'ar'), 'عرض كل الأجهزة (7 أجهزة)');
    assert.equal(formatMessage(catalog.showAll, { total: 60 }, 'ar'), 'عرض كل الأجهزة (60 جهازًا)');
    // And the rows: Arabic words around the browser and system names, which stay as they are.
    const { rows } = deviceRows(devices, 'me', NOW, { showAll: true, t: ar, locale: 'ar', clock });
    assert.deepEqual(rows.slice(0, 3).map((r) => r.label), [`${isolate('Chrome على Windows')} (1 من 2)`, 'متصفح غير معروف على iOS', `${isolate('Chrome على Windows')} (2 من 2)`]);
    assert.equal(rows[2].secondary.join(' · '), 'آخر نشاط قبل ساعتين · أول ظهور قبل 3 أيام · غير محفوظ');
  });

  it('keeps the English the page has always said', () => {
    assert.equal(en('showAll', { total: 60 }), 'Show all 60 devices');
    assert.equal(en('hiddenCount', { hidden: 1 }), '1 older device is not shown.');
    assert.equal(en('hiddenCount', { hidden: 54 }), '54 older devices are not shown.');
    assert.equal(en('rememberResumed', { name: 'Tablet', action: en('stopRemembering') }), 'Thanks, that’s confirmed. Select “Stop remembering” for Tablet to carry on.');
    assert.equal(en('detailsFor', { name: 'Work phone' }), ' of Work phone');
  });
});
