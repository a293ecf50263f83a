import { CognitoIdentityProviderClient, CompleteWebAuthnRegistrationCommand, StartWebAuthnRegistrationCommand, type CompleteWebAuthnRegistrationCommandInput } from '@aws-sdk/client-cognito-identity-provider';
import type { Page } from '@playwright/test';
import { e2eEnvironment } from './environment';
import { poolControl } from './pool';
import { decodeSession } from './session-cookie';
import { VirtualAuthenticator } from './virtual-authenticator';

/**
 * Gives the user signed in on `page` `passkeys` more passkeys and devices up to `devices` in all.
 * Each passkey is made by the browser's real WebAuthn API on a virtual security key of its own
 * (an authenticator holds one passkey per account), with options from and the result sent to
 * the pool's Cognito API under the session's access token, as another app of the user would;
 * the devices come from the pool's control API. `page` must be on a portal page.
 */
export async function seedAccount(page: Page, username: string, counts: { passkeys: number; devices: number }): Promise<void> {
  const env = e2eEnvironment();
  const session = await decodeSession(page.context());
  if (!session) throw new Error('Not signed in: nothing to seed.');
  const sdk = new CognitoIdentityProviderClient({ region: env.pool.region, endpoint: env.pool.endpoint, maxAttempts: 1 });
  const accessToken = session.cognito.accessToken;
  for (let i = 0; i < counts.passkeys; i += 1) {
    const start = await sdk.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }));
    const key = await VirtualAuthenticator.attach(page, { transport: 'usb' });
    try {
      const credential = await page.evaluate(async (options) => {
        const made = (await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options as PublicKeyCredentialCreationOptionsJSON) })) as PublicKeyCredential;
        return made.toJSON();
      }, start.CredentialCreationOptions as unknown);
      await sdk.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: credential as CompleteWebAuthnRegistrationCommandInput['Credential'] }));
    } finally {
      await key.remove();
    }
  }
  const user = await poolControl('GET', `users/${encodeURIComponent(username)}`);
  const missing = counts.devices - (user.devices as unknown[]).length;
  if (missing > 0) await poolControl('POST', 'devices', { username, count: missing, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36' });
}
