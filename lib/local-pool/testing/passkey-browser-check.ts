// A real-browser check of the hosted page's "Sign in with a passkey" button, run by hand — not part
// of the unit tests (it needs Chromium):
//
//   node --import tsx lib/local-pool/testing/passkey-browser-check.ts
//
// Starts a throwaway pool, registers a passkey in Chromium's CDP virtual authenticator (through the
// pool's API, from a page on the pool's origin), then signs in with it on the hosted page:
// discoverable, username-first, a refused ceremony (the alert), a browser without WebAuthn (the
// button disabled with a reason), and an axe scan of the page. Prints one line per check.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { chromium, type BrowserContext, type Page } from 'playwright';
import { startTestPool } from './harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function main() {
  const t = await startTestPool();
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  const poolOrigin = t.pool.info.endpoint;
  // The portal is not running: a stand-in app answers the redirect back (a redirect target cannot be routed in Playwright).
  const app = createServer((_req, res) => res.end('callback reached'));
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  const callback = `http://127.0.0.1:${(app.address() as AddressInfo).port}/callback`;
  const appClient = (await t.admin('POST', '/_local/clients', { name: 'Browser check', callbackUrls: [callback], explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] })).body as { clientId: string };
  try {
    // Registration happens on a pool page here, so its origin must be allowed (RP ID localhost fits it).
    await t.admin('PATCH', '/_local/settings', { allowedOrigins: [t.pool.info.portalUrl, poolOrigin] });
    const created = await t.admin('POST', '/_local/users', { username: 'browser-user', password: 'Passkeys-4-everyone!' });
    const sub = created.body.sub as string;

    const authorizeUrl = () => {
      const verifier = randomBytes(32).toString('base64url');
      const url = new URL('/oauth2/authorize', poolOrigin);
      const params = {
        response_type: 'code',
        client_id: appClient.clientId,
        redirect_uri: callback,
        scope: 'openid email aws.cognito.signin.user.admin',
        state: 'browser-check',
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
        prompt: 'login',
      };
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      return url.toString();
    };

    async function newContext(): Promise<{ context: BrowserContext; page: Page; authenticatorId: string; cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>> }> {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('WebAuthn.enable', { enableUI: false });
      const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: { protocol: 'ctap2', ctap2Version: 'ctap2_1', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
      });
      return { context, page, authenticatorId, cdp };
    }

    const { context, page, authenticatorId, cdp } = await newContext();
    await page.goto(authorizeUrl());

    // Register a passkey in the virtual authenticator through the pool's API.
    const { AccessToken } = await t.signIn('browser-user', 'Passkeys-4-everyone!');
    const start = await t.call('StartWebAuthnRegistration', { AccessToken });
    const optionsJSON = start.body.CredentialCreationOptions as PublicKeyCredentialCreationOptionsJSON;
    // Passed as source text: tsx's transform would add helpers the page does not have to a function.
    const registration: RegistrationResponseJSON = await page.evaluate(`(async (options) => {
      const b64 = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
      const credential = await navigator.credentials.create({
        publicKey: {
          ...options,
          challenge: b64(options.challenge),
          user: { ...options.user, id: b64(options.user.id) },
          excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: b64(c.id) })),
        },
      });
      return credential.toJSON();
    })(${JSON.stringify(optionsJSON)})`);
    const completed = await t.call('CompleteWebAuthnRegistration', { AccessToken, Credential: registration });
    assert.equal(completed.status, 200, JSON.stringify(completed.body));
    console.log('ok - registered a passkey in the virtual authenticator');

    // The page, as a person sees it.
    const button = page.getByRole('button', { name: 'Sign in with a passkey' });
    assert.equal(await button.isVisible(), true);
    assert.equal(await button.isEnabled(), true);
    assert.equal(await page.getByRole('button', { name: 'Sign in', exact: true }).isVisible(), true);
    const axe = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(axe.violations.map((v) => v.id), [], JSON.stringify(axe.violations, null, 2));
    console.log('ok - the passkey button is visible beside the password form; axe finds no violations');

    // Discoverable: username left empty.
    await Promise.all([page.waitForURL(`${callback}**`), button.click()]);
    let reached = new URL(page.url());
    assert.ok(reached.searchParams.get('code'));
    assert.equal(reached.searchParams.get('state'), 'browser-check');
    const session = t.pool.ctx.store.state.signInSessions.find((s) => s.sub === sub);
    assert.equal(session?.method, 'passkey');
    console.log('ok - discoverable passkey sign-in redirected back with a code');

    // Username first (prompt=login shows the form despite the new session; the username is prefilled).
    await page.goto(authorizeUrl());
    assert.equal(await page.getByLabel('Username').inputValue(), 'browser-user');
    await Promise.all([page.waitForURL(`${callback}**`), page.getByRole('button', { name: 'Sign in with a passkey' }).click()]);
    reached = new URL(page.url());
    assert.ok(reached.searchParams.get('code'));
    console.log('ok - username-first passkey sign-in redirected back with a code');

    // A refused ceremony: the authenticator cannot verify the user.
    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
    await page.goto(authorizeUrl());
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    assert.match(text, /cancelled or timed out|did not confirm/);
    assert.equal(new URL(page.url()).origin, poolOrigin);
    assert.equal(await page.getByRole('button', { name: 'Sign in with a passkey' }).isEnabled(), true);
    console.log(`ok - a refused ceremony shows in the alert: "${text}"`);
    await context.close();

    // A browser without WebAuthn: the button is disabled and says why.
    const plain = await browser.newContext();
    const plainPage = await plain.newPage();
    await plainPage.addInitScript({ content: "Object.defineProperty(window, 'PublicKeyCredential', { value: undefined });" });
    await plainPage.goto(authorizeUrl());
    const disabled = plainPage.getByRole('button', { name: 'Sign in with a passkey' });
    assert.equal(await disabled.isDisabled(), true);
    assert.match((await plainPage.locator('#passkey-hint').textContent()) ?? '', /cannot use passkeys/);
    console.log('ok - without WebAuthn the button is disabled, with the reason beside it');
    await plain.close();
  } finally {
    await browser.close();
    await new Promise((resolve) => app.close(resolve));
    await t.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
