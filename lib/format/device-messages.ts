/**
 * The Devices section's words are in the `devices` catalogs (messages/<locale>/devices.json).
 * Most are said on the server (the rows' names and lines, lib/format/device-rows.ts); these are
 * the ones the section's client components say, and so the only ones the browser is sent
 * (`clientCatalog({ devices: DEVICES_PANEL_KEYS })`). `name` in a message is always the device's
 * label: the name that tells it apart from the others.
 */
export const DEVICES_PANEL_KEYS = [
  'listLabel',
  'loadFailed',
  'incomplete',
  'emptyTitle',
  'emptyText',
  'actionsFor',
  'details',
  'detailsFor',
  'detailLastSignedIn',
  'detailFirstSeen',
  'detailLastIp',
  'detailRemembered',
  'yes',
  'no',
  'notKnown',
  'showAll',
  'showRecent',
  'hiddenCount',
  'remember',
  'stopRemembering',
  'forget',
  'saving',
  'remembered',
  'noLongerRemembered',
  'rememberGone',
  'rememberNeedsStepUp',
  'rememberResumed',
  'forgotten',
  'alreadyForgotten',
  'forgetNeedsStepUp',
  'notSent',
  'forgetTitle',
  'forgetConfirm',
  'forgetPending',
  'forgetThisDevice1',
  'forgetThisDevice2',
  'forgetOtherDevice1',
  'forgetOtherDevice2',
  'cancel',
] as const;

/** What "Sign out everywhere" and its confirmation say (its own provider: it is not in the Devices section). */
export const SIGN_OUT_EVERYWHERE_KEYS = ['signOutEverywhere', 'signOutEverywhereTitle', 'signingOutEverywhere', 'signOutEverywhereText1', 'signOutEverywhereText2', 'cancel', 'notSent'] as const;

/** What the server says in the rows: names made from a User-Agent, look-alikes' places, the secondary line. */
export const DEVICE_ROWS_KEYS = [
  'browserOnSystem',
  'unknownBrowserOnSystem',
  'unknownDevice',
  'lookAlike',
  'thisDevice',
  'notRemembered',
  'lastActive',
  'firstSeen',
  'justNow',
  'lastActiveUnknown',
] as const;

export type DevicesPanelKey = (typeof DEVICES_PANEL_KEYS)[number];
export type SignOutEverywhereKey = (typeof SIGN_OUT_EVERYWHERE_KEYS)[number];
export type DeviceRowsKey = (typeof DEVICE_ROWS_KEYS)[number];

/** One message of the `devices` catalog, formatted (next-intl's `t` on the server, useT's in the browser). */
export type DevicesT<Key extends string> = (key: Key, values?: Record<string, string | number>) => string;
