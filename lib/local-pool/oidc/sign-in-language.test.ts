import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CookieJar, authorizeUrl, hiddenField, openSignInForm, pkcePair, postLogin, startTestPool, type TestPool } from './test-support';

describe('the hosted pages’ language (lang on /oauth2/authorize, as Cognito’s managed login)', () => {
  let pool: TestPool;
  let params: Record<string, string>;
  before(async () => {
    pool = await startTestPool();
    params = {
      response_type: 'code',
      client_id: pool.info.clientId,
      redirect_uri: pool.portalCallback,
      scope: 'openid email',
      state: 'st',
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    };
  });
  after(() => pool.stop());

  const langCookie = (jar: CookieJar) => jar.get('local-pool-lang.');
  const page = async (url: string | URL, jar: CookieJar) => {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(response);
    return { response, html: await response.text() };
  };

  it('shows the sign-in page in the language asked for, and remembers it in a cookie of this pool', async () => {
    const form = await openSignInForm(pool, authorizeUrl(pool, { ...params, lang: 'de' }));
    assert.match(form.html, /<html lang="de" dir="ltr">/);
    assert.match(form.html, /<title>Anmelden – Account security<\/title>/);
    assert.match(form.html, /<h1>Anmelden<\/h1>/);
    assert.match(form.html, /<label for="username">Benutzername<\/label>/);
    assert.match(form.html, /<label for="password">Passwort<\/label>/);
    assert.match(form.html, /<button type="submit">Anmelden<\/button>/);
    assert.match(form.html, />Mit Passkey anmelden<\/button>/);
    assert.match(form.html, />Passwort vergessen\?<\/a>/);
    assert.match(form.html, /data-messages="[^"]*Passkey[^"]*"/);
    assert.doesNotMatch(form.html, />Sign in</);
    assert.equal(langCookie(form.jar), 'de');
  });

  it('serves Arabic right to left', async () => {
    const form = await openSignInForm(pool, authorizeUrl(pool, { ...params, lang: 'ar' }));
    assert.match(form.html, /<html lang="ar" dir="rtl">/);
    assert.match(form.html, /<h1>تسجيل الدخول<\/h1>/);
  });

  it('gives English, without an error, for an unknown, hostile, repeated or oversized lang', async () => {
    for (const lang of ['zz', 'it', '<script>', 'x'.repeat(500)]) {
      const form = await openSignInForm(pool, authorizeUrl(pool, { ...params, lang }));
      assert.match(form.html, /<html lang="en" dir="ltr">/, lang.slice(0, 20));
      assert.match(form.html, /<h1>Sign in<\/h1>/);
      assert.doesNotMatch(form.html, /script>"|xxxxxxxxxx/);
    }
    const repeated = new URL(authorizeUrl(pool, params));
    repeated.searchParams.append('lang', 'de');
    repeated.searchParams.append('lang', 'fr');
    assert.match((await openSignInForm(pool, repeated.toString())).html, /<html lang="en" dir="ltr">/);
  });

  it('uses the remembered language without lang, until another lang replaces it', async () => {
    const jar = new CookieJar();
    await openSignInForm(pool, authorizeUrl(pool, { ...params, lang: 'fr' }), { jar });
    assert.match((await openSignInForm(pool, authorizeUrl(pool, params), { jar })).html, /<html lang="fr" dir="ltr">[\s\S]*<h1>Se connecter<\/h1>/);
    await openSignInForm(pool, authorizeUrl(pool, { ...params, lang: 'ja' }), { jar });
    assert.equal(langCookie(jar), 'ja');
    assert.match((await openSignInForm(pool, authorizeUrl(pool, params), { jar })).html, /<html lang="ja"[\s\S]*<h1>サインイン<\/h1>/);
    // A forged cookie value is not a language: English.
    jar.set([...jar.header().matchAll(/(local-pool-lang\.[^=]+)=/g)][0][1], '<b>');
    assert.match((await openSignInForm(pool, authorizeUrl(pool, params), { jar })).html, /<html lang="en" dir="ltr">/);
  });

  it('keeps the language through a failed sign-in’s redirect and on the fresh form', async () => {
    const form = await openSignInForm(pool, authorizeUrl(pool, { ...params, lang: 'es' }));
    const response = await postLogin(pool, { request: form.request, csrf: form.csrf, username: pool.info.demoUsername, password: 'wrong' }, { jar: form.jar });
    assert.equal(response.status, 303);
    const location = new URL(response.headers.get('location') ?? '');
    assert.equal(location.searchParams.get('lang'), 'es');
    // Even a browser whose remembered language changed meanwhile (another tab) gets the sign-in's own language.
    form.jar.set([...form.jar.header().matchAll(/(local-pool-lang\.[^=]+)=/g)][0][1], 'de');
    const { html } = await page(location, form.jar);
    assert.match(html, /<html lang="es" dir="ltr">/);
    assert.match(html, /<p class="alert" role="alert" id="sign-in-error">El nombre de usuario o la contraseña no son correctos\.<\/p>/);
    assert.match(html, /<title>Error: Iniciar sesión – /);
    const retry = await postLogin(pool, { request: hiddenField(html, 'request'), csrf: hiddenField(html, 'csrf'), username: pool.info.demoUsername, password: pool.info.demoPassword }, { jar: form.jar });
    assert.equal(retry.status, 302);
  });

  it('shows the forgot-password page and its way back in the sign-in’s language', async () => {
    const form = await openSignInForm(pool, authorizeUrl(pool, { ...params, lang: 'pt-BR' }));
    const href = /<a href="([^"]+)">Esqueceu sua senha\?<\/a>/.exec(form.html)![1].replace(/&amp;/g, '&');
    const { html } = await page(new URL(href, pool.info.endpoint), form.jar);
    assert.match(html, /<html lang="pt-BR" dir="ltr">/);
    assert.match(html, /<h1>Esqueceu sua senha\?<\/h1>/);
    assert.match(html, /<code dir="ltr">LOCAL_POOL_DEMO_PASSWORD<\/code>/);
    assert.match(html, /<code dir="ltr">PUT \/_local\/users\/&lt;username&gt;\/password<\/code>/);
    const back = /<a href="([^"]+)">Voltar para o login<\/a>/.exec(html)![1].replace(/&amp;/g, '&');
    assert.equal(new URL(back).searchParams.get('lang'), 'pt-BR');
    // Only the remembered cookie: still Brazilian Portuguese.
    const remembered = await page(new URL('/forgot-password', pool.info.endpoint), form.jar);
    assert.match(remembered.html, /<html lang="pt-BR"/);
  });

  it('shows error pages in the language asked for or remembered', async () => {
    const unknownClient = await page(authorizeUrl(pool, { ...params, client_id: 'nosuchclient', lang: 'de' }), new CookieJar());
    assert.equal(unknownClient.response.status, 400);
    assert.match(unknownClient.html, /<html lang="de"[\s\S]*<h1>Anmeldung nicht möglich<\/h1>/);

    const jar = new CookieJar();
    await openSignInForm(pool, authorizeUrl(pool, { ...params, lang: 'fr' }), { jar });
    const logout = await page(new URL(`/logout?client_id=nosuchclient&logout_uri=${encodeURIComponent('https://x.example/')}`, pool.info.endpoint), jar);
    assert.equal(logout.response.status, 400);
    assert.match(logout.html, /<html lang="fr"[\s\S]*<h1>Déconnexion impossible<\/h1>/);

    const form = await openSignInForm(pool, authorizeUrl(pool, { ...params, lang: 'ja' }));
    const forged = await postLogin(pool, { request: form.request, csrf: 'forged', username: 'u', password: 'p' }, { jar: form.jar });
    assert.equal(forged.status, 403);
    assert.match(await forged.text(), /<html lang="ja"[\s\S]*<h1>サインインできません<\/h1>[\s\S]*もう一度サインインを開始する<\/a>/);
  });
});
