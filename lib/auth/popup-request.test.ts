import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testTranslator } from '@/lib/i18n/test-translator';
import { continueByClick, openedByPortal } from './popup-request';

const request = (headers: Record<string, string>) => new Request('http://localhost:3000/api/auth-popup/sign-in', { headers });

describe('openedByPortal', () => {
  it('is true only for a navigation the browser says came from the portal’s own origin', () => {
    assert.equal(openedByPortal(request({ 'sec-fetch-site': 'same-origin' })), true);
    for (const site of ['cross-site', 'same-site', 'none']) assert.equal(openedByPortal(request({ 'sec-fetch-site': site })), false, site);
    assert.equal(openedByPortal(request({})), false, 'no header: not a browser we can ask');
  });
});

describe('continueByClick', () => {
  it('is a plain page that starts nothing until the person clicks, and cannot be framed', async () => {
    const response = continueByClick({ locale: 'en', t: testTranslator('en', 'embed') }, 'AAECAwQFBgcICQoLDA0ODw==');
    const html = await response.text();
    assert.equal(response.status, 200);
    assert.match(html, /<button type="button" id="action" autofocus>Continue to sign-in<\/button>/);
    assert.doesNotMatch(html, /fetch\(|form\.submit|\/api\/auth\/signin/);
    assert.match(html, /addEventListener\('click'/);
    assert.match(response.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
  });

  it('speaks the window’s language, right to left in Arabic', async () => {
    const html = await continueByClick({ locale: 'ar', t: testTranslator('ar', 'embed') }, 'AAECAwQFBgcICQoLDA0ODw==').text();
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.ok(html.includes(`<button type="button" id="action" autofocus>${testTranslator('ar', 'embed')('continueToSignIn')}</button>`));
  });
});
