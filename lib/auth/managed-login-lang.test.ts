import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COGNITO_MANAGED_LOGIN_LANGS, managedLoginLang, PORTAL_LOCALES } from './managed-login-lang';

describe('managedLoginLang', () => {
  it('sends a real Cognito pool only values its managed login documents', () => {
    for (const locale of PORTAL_LOCALES) {
      const lang = managedLoginLang(locale, 'cognito');
      assert.ok(lang && (COGNITO_MANAGED_LOGIN_LANGS as readonly string[]).includes(lang), `${locale} → ${lang}`);
    }
  });

  it('maps the languages Cognito has to themselves, and Arabic and the pseudo-locale to English, for a real pool', () => {
    assert.deepEqual(
      PORTAL_LOCALES.map((locale) => [locale, managedLoginLang(locale, 'cognito')]),
      [
        ['en', 'en'],
        ['de', 'de'],
        ['es', 'es'],
        ['fr', 'fr'],
        ['ja', 'ja'],
        ['pt-BR', 'pt-BR'],
        ['ar', 'en'],
        ['en-XA', 'en'],
      ],
    );
  });

  it('sends the local pool every portal locale as it is (it serves Arabic and the pseudo-locale)', () => {
    for (const locale of PORTAL_LOCALES) assert.equal(managedLoginLang(locale, 'local-pool'), locale);
  });

  it('sends nothing for a value that is not a portal locale', () => {
    for (const value of [undefined, null, 42, '', 'pt-br', 'de-DE', 'zh-CN', 'ar ', '<script>', 'x'.repeat(10_000), ['de'], { toString: () => 'de' }]) {
      assert.equal(managedLoginLang(value, 'cognito'), undefined, String(value).slice(0, 20));
      assert.equal(managedLoginLang(value, 'local-pool'), undefined, String(value).slice(0, 20));
    }
  });
});
