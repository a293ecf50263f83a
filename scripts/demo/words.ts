import { DEFAULT_LOCALE, intlLocaleOf, LOCALES, type RealLocale } from '../../lib/i18n/locales';
import { testTranslator } from '../../lib/i18n/test-translator';

/**
 * The demo's words in one of the portal's languages: its captions (the `demo` catalog,
 * messages/<locale>/demo.json, checked for every locale like the portal's own) and the names it
 * finds the portal's controls by, as the portal shows them in that language.
 */

export const DEMO_LOCALES: readonly RealLocale[] = LOCALES;

export function isDemoLocale(value: unknown): value is RealLocale {
  return typeof value === 'string' && (DEMO_LOCALES as readonly string[]).includes(value);
}

/** `say('tidyUp')`, `say('askForgetDevice', { name })`: a caption in the demo's language. */
export type Say = (key: string, values?: Record<string, string | number>) => string;

export function captions(locale: RealLocale = DEFAULT_LOCALE): Say {
  return testTranslator(locale, 'demo');
}

/** What the demo looks for on the portal's pages, by accessible name, as a person would find it. */
export type PortalWords = {
  homeHeading: string;
  homeSignIn: string;
  securityHeading: string;
  passkeysRegion: string;
  devicesRegion: string;
  accessRegion: string;
  addPasskey: string;
  yourPasskeys: string;
  yourDevices: string;
  noDevices: string;
  signOutEverywhere: string;
  signOutEverywhereWarning: string;
  passkeyAdded: string;
  builtInAuthenticator: RegExp;
  securityKey: RegExp;
  passkeyActionsFor: RegExp;
  deleteItem: string;
  deleteDialog: (name: string) => string;
  deletePasskey: string;
  passkeyDeleted: (name: string) => string;
  thisDevice: string;
  deviceActionsFor: RegExp;
  showAllDevices: RegExp;
  forgetItem: string;
  forgetDialog: (name: string) => string;
  forgetDevice: string;
  forgotten: (name: string) => string;
};

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** `text` matched literally in a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Stands for a value while a message is turned into a pattern (a private-use character no message holds).
const VALUE_MARK = '\uE001';

/** "Actions for {name}" as /^Actions for .+$/ (in the language's order: "{name} の操作" as /^.+ の操作$/). */
function anyValuePattern(t: Translate, key: string, name: string): RegExp {
  const parts = t(key, { [name]: VALUE_MARK }).split(VALUE_MARK);
  return new RegExp(`^${parts.map(escapeRegExp).join('.+')}$`, 'u');
}

/**
 * A plural message with its count, for any count: "Show all # devices" as /^Show all \d+ devices$/,
 * every plural form the language has (Arabic's "Show the two devices" has no number at all). The
 * number is written as Intl writes it in that language, so digits of any script, grouped or not.
 */
function anyCountPattern(t: Translate, key: string, count: string, locale: RealLocale): RegExp {
  const number = new Intl.NumberFormat(intlLocaleOf(locale));
  const forms = new Set<string>();
  for (const n of [0, 1, 2, 3, 5, 11, 21, 100, 101, 1000, 1001]) {
    forms.add(t(key, { [count]: n }).split(number.format(n)).map(escapeRegExp).join('\\p{Nd}+(?:[\\p{Zs},.٬]\\p{Nd}+)*'));
  }
  return new RegExp(`^(?:${[...forms].join('|')})$`, 'u');
}

/**
 * The portal's words in `locale`, every one from the catalogs the portal itself renders them from
 * (the components named beside each), so a demo in any of the portal's languages finds its controls.
 */
export function portalWords(locale: RealLocale = DEFAULT_LOCALE): PortalWords {
  const home = testTranslator(locale, 'home');
  const signIn = testTranslator(locale, 'signIn');
  const security = testTranslator(locale, 'security');
  const passkeys = testTranslator(locale, 'passkeys');
  const devices = testTranslator(locale, 'devices');
  return {
    homeHeading: home('heading'),
    homeSignIn: signIn('action'),
    securityHeading: security('title'),
    // components/security/security-sections.tsx, access-section.tsx: the sections' headings name them.
    passkeysRegion: security('passkeysTerm'),
    devicesRegion: security('devicesHeading'),
    accessRegion: security('accessHeading'),
    // components/passkeys/add-passkey-button.tsx, passkey-list.tsx, passkeys-panel.tsx
    addPasskey: passkeys('addButton'),
    yourPasskeys: passkeys('listLabel'),
    passkeyAdded: passkeys('added'),
    // The row's details say what holds it (lib/format/passkey-labels.ts, attachmentLabel).
    builtInAuthenticator: new RegExp(escapeRegExp(passkeys('attachmentPlatform')), 'u'),
    securityKey: new RegExp(escapeRegExp(passkeys('attachmentCrossPlatform')), 'u'),
    // components/passkeys/passkey-item.tsx: the row's menu and its Delete item; the dialog in passkey-list.tsx.
    passkeyActionsFor: anyValuePattern(passkeys, 'actionsFor', 'name'),
    deleteItem: passkeys('deleteItem'),
    deleteDialog: (name) => passkeys('deleteTitle', { name }),
    deletePasskey: passkeys('deleteConfirm'),
    passkeyDeleted: (name) => passkeys('deleted', { name }),
    // components/devices: device-list.tsx, devices-empty-state.tsx, device-item.tsx, devices-view-link.tsx,
    // forget-device-dialog.tsx, devices-panel.tsx, sign-out-everywhere-button.tsx.
    yourDevices: devices('listLabel'),
    noDevices: devices('emptyTitle'),
    thisDevice: devices('thisDevice'),
    deviceActionsFor: anyValuePattern(devices, 'actionsFor', 'name'),
    showAllDevices: anyCountPattern(devices, 'showAll', 'total', locale),
    forgetItem: devices('forget'),
    forgetDialog: (name) => devices('forgetTitle', { name }),
    forgetDevice: devices('forgetConfirm'),
    forgotten: (name) => devices('forgotten', { name }),
    signOutEverywhere: devices('signOutEverywhere'),
    signOutEverywhereWarning: devices('signOutEverywhereText1'),
  };
}
