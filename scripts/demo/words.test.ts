import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LOCALES } from '../../lib/i18n/locales';
import { captions, isDemoLocale, portalWords } from './words';

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
  });

  it('takes only the portal’s languages', () => {
    for (const locale of LOCALES) assert.ok(isDemoLocale(locale));
    for (const value of ['en-XA', 'xx', '', undefined, 'EN']) assert.equal(isDemoLocale(value), false);
  });
});
