import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from './catalogs/en';
import { COGNITO_MANAGED_LOGIN_LANGS, directionOf, MAX_LANG_LENGTH, message, parseLang, placeholdersOf, POOL_CATALOGS, POOL_LOCALES, pseudoLocalize } from './locales';

const englishKeys = Object.keys(en).sort();

describe('the pool’s catalogues', () => {
  for (const locale of POOL_LOCALES) {
    it(`${locale}: has every key of the English catalogue and no other`, () => {
      const keys = Object.keys(POOL_CATALOGS[locale]).sort();
      assert.deepEqual(keys.filter((key) => !Object.hasOwn(en, key)), [], 'extra keys');
      assert.deepEqual(englishKeys.filter((key) => !keys.includes(key)), [], 'missing keys');
    });

    it(`${locale}: every message is non-empty and names exactly the English placeholders`, () => {
      const catalog = POOL_CATALOGS[locale] as Record<string, string>;
      for (const key of englishKeys) {
        const text = catalog[key];
        assert.equal(typeof text, 'string', key);
        assert.ok(text.trim().length > 0, `${locale} ${key} is empty`);
        assert.deepEqual(placeholdersOf(text), placeholdersOf((en as Record<string, string>)[key]), `${locale} ${key}`);
        // A stray brace would be shown as is (only {name} is a placeholder).
        assert.doesNotMatch(text.replace(/\{[a-zA-Z]+\}/g, ''), /[{}]/, `${locale} ${key}`);
      }
    });
  }

  it('translates every message (only names, codes and the pseudo-locale may match English)', () => {
    const sameAsEnglishAllowed = new Set(['page.errorTitle']);
    for (const locale of POOL_LOCALES.filter((l) => l !== 'en')) {
      const catalog = POOL_CATALOGS[locale] as Record<string, string>;
      const untranslated = englishKeys.filter((key) => !sameAsEnglishAllowed.has(key) && catalog[key] === (en as Record<string, string>)[key]);
      assert.deepEqual(untranslated, [], locale);
    }
  });

  it('uses each platform’s term for a passkey', () => {
    const terms: Record<string, RegExp> = { de: /Passkey/, fr: /clé d’accès/i, es: /llave de acceso/i, ja: /パスキー/, 'pt-BR': /chave de acesso/i, ar: /مفتاح المرور/ };
    for (const [locale, term] of Object.entries(terms)) {
      const catalog = POOL_CATALOGS[locale as keyof typeof POOL_CATALOGS];
      assert.match(catalog['passkey.button'], term, locale);
      assert.match(catalog['notice.passkey-unknown'], term, locale);
    }
  });

  it('fills placeholders and leaves unknown ones as they are', () => {
    assert.equal(message('de', 'signIn.lead', { client: 'Sicherheitsportal' }), 'um mit Sicherheitsportal fortzufahren');
    assert.equal(message('en', 'signIn.lead'), 'to continue to {client}');
    // A value is text, never read again as a template.
    assert.equal(message('en', 'signIn.lead', { client: '{client}' }), 'to continue to {client}');
  });

  it('makes the pseudo-locale accented, longer, bracketed, with placeholders untouched', () => {
    const text = pseudoLocalize('to continue to {client}');
    assert.match(text, /^\[.*\]$/);
    assert.match(text, /\{client\}/);
    assert.doesNotMatch(text.replace('{client}', ''), /[a-zA-Z]/);
    assert.ok(text.length >= Math.ceil('to continue to {client}'.length * 1.3), text);
    assert.notEqual(POOL_CATALOGS['en-XA']['signIn.heading'], en['signIn.heading']);
  });
});

describe('lang parsing', () => {
  it('takes the pool’s locales, as Cognito spells them and in any case', () => {
    for (const locale of POOL_LOCALES) assert.equal(parseLang(locale), locale);
    assert.equal(parseLang('pt-br'), 'pt-BR');
    assert.equal(parseLang('DE'), 'de');
    assert.equal(parseLang('en-xa'), 'en-XA');
  });

  it('gives English for anything else, never an error', () => {
    const hostile = [
      undefined,
      null,
      '',
      ' ',
      'de ',
      'de-AT',
      'de_DE',
      'pt',
      'zz',
      'klingon',
      'de,fr',
      '../../etc/passwd',
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      'de\u0000',
      'de\r\nSet-Cookie: x=y',
      '__proto__',
      'constructor',
      'toString',
      'x'.repeat(MAX_LANG_LENGTH + 1),
      'de'.repeat(100_000),
    ];
    for (const value of hostile) assert.equal(parseLang(value), 'en', JSON.stringify(value)?.slice(0, 40));
  });

  it('gives English for Cognito’s languages the pool has no catalogue for', () => {
    for (const lang of COGNITO_MANAGED_LOGIN_LANGS.filter((l) => !(POOL_LOCALES as readonly string[]).includes(l))) assert.equal(parseLang(lang), 'en', lang);
  });

  it('writes Arabic right to left and the others left to right', () => {
    for (const locale of POOL_LOCALES) assert.equal(directionOf(locale), locale === 'ar' ? 'rtl' : 'ltr', locale);
  });
});
