import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LOCALES } from '../../lib/i18n/locales';
import { captions, isDemoLocale, portalWords, type PortalWords } from './words';

// What runStory says (scripts/demo/story.ts), with the values it gives.
const SAID: [string, Record<string, string>?][] = [
  ['phoneFirst'],
  ['openPortal'],
  ['signInAtPool'],
  ['securityPage'],
  ['addPasskey'],
  ['addSecurityKey'],
  ['askToDelete'],
  ['confirmDelete'],
  ['lookAtDevices'],
  ['noOtherDevice'],
  ['devicesListed', { name: 'Safari on iOS' }],
  ['devicesListedPhone', { name: 'Safari on iOS' }],
  ['devicesListedWithThis', { name: 'Safari on iOS', thisDevice: 'This device' }],
  ['devicesListedWithThisPhone', { name: 'Safari on iOS', thisDevice: 'This device' }],
  ['askForgetPhone'],
  ['askForgetDevice', { name: 'Safari on iOS' }],
  ['confirmForgetPhone'],
  ['confirmForgetDevice', { name: 'Safari on iOS' }],
  ['tidyUp'],
  ['askSignOutEverywhere', { button: 'Sign out everywhere' }],
  ['signedOutEverywhere'],
];

describe('the demo’s words', () => {
  it('has every caption the story says, in every language, with its values in it', () => {
    for (const locale of LOCALES) {
      const say = captions(locale);
      for (const [key, values] of SAID) {
        const text = say(key, values);
        for (const value of Object.values(values ?? {})) assert.ok(text.includes(value), `${locale}/demo.${key}: ${text}`);
      }
    }
  });

  it('says in English exactly what it always said', () => {
    const say = captions('en');
    assert.equal(say('devicesListedWithThisPhone', { name: 'Safari on iOS', thisDevice: 'This device' }), 'The devices signed in to this account: this browser, marked “This device”, and Safari on iOS, the phone from earlier.');
    assert.equal(say('askForgetPhone'), 'Forget the phone: it will have to sign in with the password again, as a new device.');
    assert.equal(say('askSignOutEverywhere', { button: 'Sign out everywhere' }), 'Lost a device, or worried? “Sign out everywhere” ends every sign-in to the account, including this one.');
  });

  it('finds the portal’s controls by the names the portal gives them in that language', () => {
    assert.equal(portalWords('en').homeHeading, 'Keep your account secure');
    assert.equal(portalWords('en').securityHeading, 'Your security settings');
    assert.equal(portalWords('de').homeSignIn, 'Anmelden');
    assert.equal(portalWords('ja').passkeysRegion, 'パスキー');
    assert.equal(portalWords('de').addPasskey, 'Passkey hinzufügen');
    assert.equal(portalWords('fr').forgetDialog('Safari sur iOS'), 'Oublier Safari sur iOS\u202f?');
  });

  it('says in English what the portal has always shown', () => {
    const words = portalWords('en');
    assert.equal(words.addPasskey, 'Add a passkey');
    assert.equal(words.signOutEverywhere, 'Sign out everywhere');
    assert.equal(words.deleteDialog('Work laptop'), 'Delete the passkey “Work laptop”?');
    assert.equal(words.forgotten('Safari on iOS'), 'Safari on iOS was forgotten.');
    assert.match('This device\'s built-in authenticator', words.builtInAuthenticator);
    assert.match('Security key or phone', words.securityKey);
  });

  it('matches any name in the rows’ menus and any count in “Show all”, in the language’s own order', () => {
    assert.match('Actions for Work laptop', portalWords('en').passkeyActionsFor);
    assert.doesNotMatch('Actions for ', portalWords('en').passkeyActionsFor);
    assert.match('Safari on iOS の操作', portalWords('ja').deviceActionsFor);
    assert.match('Show all 12 devices', portalWords('en').showAllDevices);
    assert.match('Show 1 device', portalWords('en').showAllDevices);
    assert.doesNotMatch('Show all devices', portalWords('en').showAllDevices);
    assert.match('Alle 1.234 Geräte anzeigen', portalWords('de').showAllDevices);
    assert.match('عرض الجهازين', portalWords('ar').showAllDevices);
    assert.match('عرض كل الأجهزة (٧ أجهزة)', portalWords('ar').showAllDevices);
    assert.match('Afficher les 12\u202f345 appareils', portalWords('fr').showAllDevices);
    // Characters RegExps give a meaning to are taken literally.
    assert.doesNotMatch('Actions forXWork', portalWords('en').passkeyActionsFor);
  });

  // Words that are the same as English in that language, on purpose (German says "Passkeys" too).
  const SAME_AS_ENGLISH: Partial<Record<(typeof LOCALES)[number], readonly (keyof PortalWords)[]>> = {
    de: ['passkeysRegion'],
  };

  it('has every word in every language, none of them empty, and none still English where the language has a word of its own', () => {
    const asText = (word: PortalWords[keyof PortalWords]): string => (typeof word === 'string' ? word : word instanceof RegExp ? word.source : word('\u{1F511}'));
    const english = portalWords('en');
    for (const locale of LOCALES) {
      const words = portalWords(locale);
      assert.deepEqual(Object.keys(words).sort(), Object.keys(english).sort());
      for (const key of Object.keys(words) as (keyof PortalWords)[]) {
        const text = asText(words[key]);
        assert.ok(text.trim().length > 0, `${locale}: ${key} is empty`);
        if (typeof words[key] === 'function') assert.ok(text.includes('\u{1F511}'), `${locale}: ${key} leaves the name out: ${text}`);
        if (locale === 'en' || SAME_AS_ENGLISH[locale]?.includes(key)) continue;
        assert.notEqual(text, asText(english[key]), `${locale}: ${key} is the English “${text}”`);
      }
    }
  });

  it('takes only the portal’s languages', () => {
    for (const locale of LOCALES) assert.ok(isDemoLocale(locale));
    for (const value of ['en-XA', 'xx', '', undefined, 'EN']) assert.equal(isDemoLocale(value), false);
  });
});
