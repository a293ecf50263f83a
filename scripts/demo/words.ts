import { DEFAULT_LOCALE, LOCALES, type RealLocale } from '../../lib/i18n/locales';
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
  securityKey: string;
  actionsFor: RegExp;
  deleteItem: string;
  deleteDialog: (name: string) => string;
  deletePasskey: string;
  passkeyDeleted: (name: string) => string;
  thisDevice: string;
  showAllDevices: RegExp;
  forgetItem: string;
  forgetDialog: (name: string) => string;
  forgetDevice: string;
  forgotten: (name: string) => string;
};

/**
 * The portal's words in `locale`. Those its catalogs hold come from them (home, signIn, security);
 * the Passkeys and Devices sections' own words are still English in every language (their
 * catalogs are on their way, issue 19): take them from there once they land, or a demo in another
 * language stops finding those controls.
 */
export function portalWords(locale: RealLocale = DEFAULT_LOCALE): PortalWords {
  const home = testTranslator(locale, 'home');
  const signIn = testTranslator(locale, 'signIn');
  const security = testTranslator(locale, 'security');
  return {
    homeHeading: home('heading'),
    homeSignIn: signIn('action'),
    securityHeading: security('title'),
    passkeysRegion: security('passkeysTerm'),
    devicesRegion: security('devicesHeading'),
    accessRegion: security('accessHeading'),
    // Not in catalogs yet (components/passkeys, components/devices): English.
    addPasskey: 'Add a passkey',
    yourPasskeys: 'Your passkeys',
    yourDevices: 'Your devices',
    noDevices: 'No devices are listed for your account.',
    signOutEverywhere: 'Sign out everywhere',
    signOutEverywhereWarning: 'Every device and app signed in to your account will be signed out, including this browser.',
    passkeyAdded: 'Passkey added. You can now use it to sign in.',
    builtInAuthenticator: /This device.s built-in authenticator/,
    securityKey: 'Security key or phone',
    actionsFor: /^Actions for /,
    deleteItem: 'Delete',
    deleteDialog: (name) => `Delete the passkey “${name}”?`,
    deletePasskey: 'Delete passkey',
    passkeyDeleted: (name) => `Passkey “${name}” deleted.`,
    thisDevice: 'This device',
    showAllDevices: /^Show all \d+ devices$/,
    forgetItem: 'Forget',
    forgetDialog: (name) => `Forget ${name}?`,
    forgetDevice: 'Forget device',
    forgotten: (name) => `${name} was forgotten.`,
  };
}
