import {
  type CognitoIdentityProviderClient,
  CompleteWebAuthnRegistrationCommand,
  DeleteWebAuthnCredentialCommand,
  ListDevicesCommand,
  ListWebAuthnCredentialsCommand,
  StartWebAuthnRegistrationCommand,
  type CompleteWebAuthnRegistrationCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { SoftAuthenticator } from '@/lib/local-pool/testing/soft-authenticator';
import type { PoolInfo } from './environment';
import { createCognitoClient } from '@/lib/cognito/client';
import { timed } from './stats';

/**
 * The same SDK calls the portal makes, from the bench's own process, for the figures that compare
 * the portal with "the SDK call alone". The client is made by the portal's own factory
 * (lib/cognito/client.ts: attempts, timeouts, no blind retry of changes), and like the portal's it
 * keeps its connections open between calls.
 */
export class BenchCognito {
  readonly sdk: CognitoIdentityProviderClient;

  constructor(pool: PoolInfo) {
    this.sdk = createCognitoClient({ region: pool.region, sdkEndpoint: pool.endpoint });
  }

  /** What the Passkeys section asks for: one page of up to 20 (ListWebAuthnCredentials' maximum). */
  listPasskeys(accessToken: string) {
    return this.sdk.send(new ListWebAuthnCredentialsCommand({ AccessToken: accessToken, MaxResults: 20 }));
  }

  /** What the Devices section asks for: one page of up to 60 (ListDevices' maximum). */
  listDevices(accessToken: string) {
    return this.sdk.send(new ListDevicesCommand({ AccessToken: accessToken, Limit: 60 }));
  }

  async startRegistration(accessToken: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const output = await this.sdk.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }));
    return output.CredentialCreationOptions as unknown as PublicKeyCredentialCreationOptionsJSON;
  }

  async completeRegistration(accessToken: string, credential: RegistrationResponseJSON): Promise<void> {
    await this.sdk.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: credential as unknown as CompleteWebAuthnRegistrationCommandInput['Credential'] }));
  }

  async deleteCredential(accessToken: string, credentialId: string): Promise<void> {
    await this.sdk.send(new DeleteWebAuthnCredentialCommand({ AccessToken: accessToken, CredentialId: credentialId }));
  }

  /**
   * Registers `count` passkeys through the real API, each on a software authenticator of its own
   * (like a real one, an authenticator holds one passkey per account).
   */
  async seedPasskeys(accessToken: string, portalUrl: string, count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const options = await this.startRegistration(accessToken);
      await this.completeRegistration(accessToken, new SoftAuthenticator({ origin: portalUrl }).register(options));
    }
  }

  /** Times one call of each list operation, in turn; returns milliseconds by operation. */
  async timeListCalls(accessToken: string): Promise<{ ListWebAuthnCredentials: number; ListDevices: number }> {
    const passkeys = await timed(() => this.listPasskeys(accessToken));
    const devices = await timed(() => this.listDevices(accessToken));
    return { ListWebAuthnCredentials: passkeys.ms, ListDevices: devices.ms };
  }

  /** Times both list operations started together, as the page starts them: what the page waits for at least. */
  async timeBothLists(accessToken: string): Promise<number> {
    return (await timed(() => Promise.all([this.listPasskeys(accessToken), this.listDevices(accessToken)]))).ms;
  }
}
