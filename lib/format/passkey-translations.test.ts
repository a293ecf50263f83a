import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WebAuthnError, type WebAuthnErrorCode } from '@simplewebauthn/browser';
import type { ActionFailure } from '@/lib/cognito/cognito-action';
import { formatMessage } from '@/lib/i18n/format-message';
import { intlLocaleOf, LOCALES, PSEUDO_LOCALE } from '@/lib/i18n/locales';
import { readCatalog, testTranslator } from '@/lib/i18n/test-translator';
import { CEREMONY_FAILURE_KEYS, ceremonyFailure } from './ceremony-failure';
import { distinctLabels } from './distinct-labels';
import { DETAILS_FULL, DETAILS_UNAVAILABLE, LAST_PASSKEY, nameProblem, RENAME_NOT_LISTED, renameFailed } from './passkey-details-messages';
import { deletePasskeyFailureMessage } from './passkey-messages';
import { relativeTime } from './relative-time';
import { zonedDate, zonedDateTime } from './zoned-date';

const catalog = (locale: (typeof LOCALES)[number] | typeof PSEUDO_LOCALE) => readCatalog(locale, 'passkeys') as Record<string, string>;
/** As the browser formats it (components/i18n/client-messages.tsx): the small formatter, the locale's plural rules. */
const inBrowser = (locale: (typeof LOCALES)[number], key: string, values?: Record<string, string | number>) =>
  formatMessage(catalog(locale)[key], values, intlLocaleOf(locale));

describe('the delete confirmation', () => {
  it('asks in German with the passkey’s name in German quotes, on the server and in the browser alike', () => {
    const expected = 'Passkey „Arbeitslaptop (2 von 2)“ löschen?';
    assert.equal(testTranslator('de', 'passkeys')('deleteTitle', { name: 'Arbeitslaptop (2 von 2)' }), expected);
    assert.equal(inBrowser('de', 'deleteTitle', { name: 'Arbeitslaptop (2 von 2)' }), expected);
  });

  it('keeps a name with ICU syntax in it as text', () => {
    assert.equal(inBrowser('de', 'deleteTitle', { name: "{count, plural, one {x}} it's #" }), "Passkey „{count, plural, one {x}} it's #“ löschen?");
  });

  it('is the same English question as before', () => {
    assert.equal(inBrowser('en', 'deleteTitle', { name: 'YubiKey 5 Series' }), 'Delete the passkey “YubiKey 5 Series”?');
  });

  it('names the passkey in every locale', () => {
    for (const locale of LOCALES) assert.match(inBrowser(locale, 'deleteTitle', { name: 'MacBook' }), /MacBook/, locale);
  });
});

describe('how many passkeys are shown', () => {
  it('uses each of Arabic’s plural forms', () => {
    const t = testTranslator('ar', 'passkeys');
    const forms = [0, 1, 2, 3, 11, 100].map((count) => t('truncated', { count }));
    assert.deepEqual(
      [0, 1, 2, 3, 11, 100].map((n) => new Intl.PluralRules('ar').select(n)),
      ['zero', 'one', 'two', 'few', 'many', 'other'],
    );
    assert.match(forms[0], /^لا يظهر أي مفتاح مرور\./);
    assert.match(forms[1], /^يظهر مفتاح المرور الأول فقط\./);
    assert.match(forms[2], /^يظهر أول مفتاحَي مرور فقط\./);
    assert.match(forms[3], /^تظهر أول 3 مفاتيح مرور فقط\./);
    assert.match(forms[4], /^يظهر أول 11 مفتاح مرور فقط\./);
    assert.match(forms[5], /^يظهر أول 100 مفتاح مرور فقط\./);
  });

  it('says the count as before in English', () => {
    assert.equal(
      testTranslator('en', 'passkeys')('truncated', { count: 20 }),
      'Only your first 20 passkeys are shown. Delete some you no longer use to see the rest.',
    );
  });
});

describe('a failed ceremony', () => {
  const codes: WebAuthnErrorCode[] = [
    'ERROR_CEREMONY_ABORTED',
    'ERROR_INVALID_DOMAIN',
    'ERROR_INVALID_RP_ID',
    'ERROR_INVALID_USER_ID_LENGTH',
    'ERROR_MALFORMED_PUBKEYCREDPARAMS',
    'ERROR_AUTHENTICATOR_GENERAL_ERROR',
    'ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT',
    'ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT',
    'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED',
    'ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG',
    'ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY',
  ];
  const errors = [
    ...codes.flatMap((code) => ['NotAllowedError', 'SecurityError'].map((name) => new WebAuthnError({ code, message: 'library words', cause: Object.assign(new Error('x'), { name }) }))),
    new TypeError('x is undefined'),
    'weird',
  ];

  it('has a message in every locale, translated, for every way it can end', () => {
    const english = catalog('en');
    for (const locale of LOCALES) {
      const messages = catalog(locale);
      for (const key of CEREMONY_FAILURE_KEYS) {
        assert.ok(messages[key]?.trim(), `${locale}: ${key}`);
        if (locale !== 'en') assert.notEqual(messages[key], english[key], `${locale}: ${key} is not translated`);
      }
      const t = testTranslator(locale, 'passkeys');
      const told = new Set(errors.map((error) => ceremonyFailure(error, t).message));
      for (const message of told) assert.ok(CEREMONY_FAILURE_KEYS.some((key) => t(key) === message), `${locale}: ${message}`);
      assert.equal(told.size, CEREMONY_FAILURE_KEYS.length, `${locale}: every message is used`);
    }
  });

  it('is told in the person’s language', () => {
    const cancel = new WebAuthnError({ code: 'ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', message: 'x', cause: Object.assign(new Error('x'), { name: 'NotAllowedError' }) });
    assert.deepEqual(ceremonyFailure(cancel, testTranslator('fr', 'passkeys')), {
      kind: 'status',
      message: 'Aucune clé d’accès n’a été ajoutée\u00a0: la demande a été annulée ou a expiré. Vous pouvez réessayer quand vous le souhaitez.',
    });
  });
});

describe('same-named passkeys', () => {
  it('are told apart in the person’s language', () => {
    const place = (locale: 'en' | 'de' | 'ja') => (name: string, index: number, total: number) => testTranslator(locale, 'passkeys')('distinctLabel', { name, place: index, total });
    assert.deepEqual(distinctLabels(['YubiKey', 'Mac', 'YubiKey'], place('en')), distinctLabels(['YubiKey', 'Mac', 'YubiKey']));
    assert.deepEqual(distinctLabels(['YubiKey', 'Mac', 'YubiKey'], place('de')), ['YubiKey (1 von 2)', 'Mac', 'YubiKey (2 von 2)']);
    assert.deepEqual(distinctLabels(['YubiKey', 'YubiKey'], place('ja')), ['YubiKey（2 件中 1 件目）', 'YubiKey（2 件中 2 件目）']);
  });
});

describe('a failed delete', () => {
  it('keeps the server’s reason after the passkey’s own words', () => {
    const failure: ActionFailure = { ok: false, code: 'throttled', message: 'Zu viele Anfragen.', retryable: true };
    assert.equal(deletePasskeyFailureMessage(failure, 'YubiKey', testTranslator('de', 'passkeys')), 'Der Passkey „YubiKey“ wurde nicht gelöscht. Zu viele Anfragen.');
  });
});

describe('the English words the server actions use', () => {
  it('are read from the catalog and unchanged', () => {
    assert.equal(DETAILS_UNAVAILABLE, 'Passkey names cannot be saved here, so nothing was changed.');
    assert.equal(
      DETAILS_FULL,
      'There is no room to store another passkey name, so nothing was changed. Delete a passkey you no longer use, or use a shorter name.',
    );
    assert.equal(RENAME_NOT_LISTED, 'That passkey could not be found, so it was not renamed. Reload the page and try again.');
    assert.equal(renameFailed('Too many.'), 'The passkey was not renamed. Too many.');
    assert.equal(nameProblem({ ok: false, reason: 'too-long' }), 'Use 40 characters or fewer.');
    assert.equal(nameProblem({ ok: false, reason: 'empty' }), 'Enter a name for the passkey.');
    assert.match(LAST_PASSKEY['no-other-factor'], /^This passkey is your only way to sign in, so it cannot be deleted\./);
    assert.match(LAST_PASSKEY['factors-unknown'], /^We could not check your other ways to sign in/);
  });
});

describe('dates in the person’s language', () => {
  const seconds = Date.UTC(2026, 11, 3, 13, 5) / 1000;

  it('keeps English as it was, and writes other languages through Intl', () => {
    assert.equal(zonedDate(seconds, 'Europe/Paris'), '3 Dec 2026');
    assert.equal(zonedDate(seconds, 'Europe/Paris', 'en'), '3 Dec 2026');
    assert.equal(zonedDate(seconds, 'UTC', 'en-GB'), '3 Dec 2026');
    assert.equal(zonedDate(seconds, 'Europe/Berlin', 'de'), '03.12.2026');
    assert.equal(zonedDateTime(seconds, 'Europe/Berlin', 'de'), '03.12.2026, 14:05');
    assert.equal(zonedDate(seconds, 'Asia/Tokyo', 'ja'), '2026/12/03');
    assert.equal(zonedDate(seconds, 'UTC', 'fr'), new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeZone: 'UTC' }).format(seconds * 1000));
  });

  it('says "now" in the language under a minute, "just now" in English', () => {
    const now = seconds * 1000 + 20_000;
    assert.equal(relativeTime(seconds, now, 'en-GB'), 'just now');
    assert.equal(relativeTime(seconds, now, 'de'), 'jetzt');
    assert.equal(relativeTime(seconds, now, 'ja'), '今');
  });
});
