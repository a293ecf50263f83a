import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pseudoLocaleEnabled } from './locales';
import { localeFromAcceptLanguage, localeFromCookie, localeFromLangParam, resolveLocale } from './negotiate';

describe('resolveLocale', () => {
  it('takes the explicit choice over Accept-Language, and Accept-Language over English', () => {
    assert.equal(resolveLocale({ cookie: 'fr', acceptLanguage: 'de-DE,de;q=0.9', allowPseudo: false }), 'fr');
    assert.equal(resolveLocale({ cookie: null, acceptLanguage: 'de-DE,de;q=0.9', allowPseudo: false }), 'de');
    assert.equal(resolveLocale({ cookie: undefined, acceptLanguage: undefined, allowPseudo: false }), 'en');
    assert.equal(resolveLocale({ cookie: null, acceptLanguage: 'zh-CN,zh;q=0.9', allowPseudo: false }), 'en');
  });

  it('ignores a hostile or unknown cookie and falls back to the header', () => {
    for (const cookie of ['xx', 'DE', 'de;', '../../etc/passwd', '<script>', 'a'.repeat(5000), '', 'en-XA', '__proto__', 'constructor']) {
      assert.equal(resolveLocale({ cookie, acceptLanguage: 'ja', allowPseudo: false }), 'ja', JSON.stringify(cookie.slice(0, 20)));
    }
  });

  it('lets the cookie choose the pseudo-locale only where it is allowed', () => {
    assert.equal(localeFromCookie('en-XA', true), 'en-XA');
    assert.equal(localeFromCookie('en-XA', false), null);
    assert.equal(localeFromAcceptLanguage('en-XA'), 'en'); // never negotiated
  });
});

describe('localeFromAcceptLanguage', () => {
  it('negotiates by weight with a standard matcher', () => {
    assert.equal(localeFromAcceptLanguage('fr;q=0.5, es;q=0.8'), 'es');
    assert.equal(localeFromAcceptLanguage('de-AT'), 'de');
    assert.equal(localeFromAcceptLanguage('pt'), 'pt-BR');
    assert.equal(localeFromAcceptLanguage('pt-PT,pt;q=0.9'), 'pt-BR');
    assert.equal(localeFromAcceptLanguage('ar-EG'), 'ar');
    assert.equal(localeFromAcceptLanguage('ja-JP'), 'ja');
    assert.equal(localeFromAcceptLanguage('sv, en-US;q=0.5'), 'en');
  });

  it('gives nothing for nothing, a wildcard, garbage or an overlong header', () => {
    for (const header of [null, '', '*', ';;;', 'q=1', 'x'.repeat(2000), '\u0000de']) assert.equal(localeFromAcceptLanguage(header), null, String(header).slice(0, 10));
  });
});

describe('pseudoLocaleEnabled', () => {
  it('is on outside production, off in production unless the flag turns it on', () => {
    assert.equal(pseudoLocaleEnabled({ NODE_ENV: 'development' }), true);
    assert.equal(pseudoLocaleEnabled({ NODE_ENV: 'production' }), false);
    assert.equal(pseudoLocaleEnabled({ NODE_ENV: 'production', I18N_PSEUDO_LOCALE: '1' }), true);
    assert.equal(pseudoLocaleEnabled({ NODE_ENV: 'test', I18N_PSEUDO_LOCALE: '0' }), false);
  });
});

describe('localeFromLangParam (the embedded view’s ?lang=, from the host)', () => {
  it('takes a host’s language tag by the same best fit as Accept-Language', () => {
    assert.equal(localeFromLangParam('de', false), 'de');
    assert.equal(localeFromLangParam('de-DE', false), 'de');
    assert.equal(localeFromLangParam('pt', false), 'pt-BR');
    assert.equal(localeFromLangParam('ar-EG', false), 'ar');
    assert.equal(localeFromLangParam('ja-JP', false), 'ja');
  });

  it('gives null for anything that is not one tag of a language we have', () => {
    for (const value of ['xx', 'zh-Hant-TW', '', 'de,fr', 'de;q=1', '*', '<script>', 'de-' + 'x'.repeat(40), '../de', 'de DE', null, undefined, 42, ['de']]) {
      assert.equal(localeFromLangParam(value, true), null, JSON.stringify(value));
    }
  });

  it('gives the pseudo-locale only where it is allowed', () => {
    assert.equal(localeFromLangParam('en-XA', true), 'en-XA');
    assert.equal(localeFromLangParam('en-XA', false), null);
  });
});
