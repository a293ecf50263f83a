import type { CDPSession, Page } from '@playwright/test';

export type AuthenticatorTransport = 'internal' | 'usb' | 'nfc' | 'ble' | 'hybrid';

export type VirtualAuthenticatorOptions = {
  /** 'internal' is a platform authenticator (this device); the others are roaming security keys. */
  transport?: AuthenticatorTransport;
  /** false makes every ceremony that requires user verification fail at once with NotAllowedError. */
  isUserVerified?: boolean;
  /** false leaves the ceremony waiting for a touch that never comes, until its timeout. */
  automaticPresenceSimulation?: boolean;
  /**
   * The BE and BS flags of new credentials (CDP's defaultBackupEligibility/defaultBackupState,
   * which Chromium 156 accepts): a synced passkey is eligible and backed up; unset, neither.
   */
  backupEligible?: boolean;
  backedUp?: boolean;
};

export type VirtualCredential = { credentialId: string; rpId?: string; signCount: number; isResidentCredential: boolean };

/**
 * A Chromium virtual WebAuthn authenticator attached through CDP: the browser's real
 * WebAuthn API runs, and this stands in for the hardware. One attached to a page also
 * serves cross-origin iframes in that page.
 */
export class VirtualAuthenticator {
  private constructor(
    private readonly cdp: CDPSession,
    readonly authenticatorId: string,
  ) {}

  static async attach(page: Page, options: VirtualAuthenticatorOptions = {}): Promise<VirtualAuthenticator> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        ctap2Version: 'ctap2_1',
        transport: options.transport ?? 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: options.isUserVerified ?? true,
        automaticPresenceSimulation: options.automaticPresenceSimulation ?? true,
        ...(options.backupEligible === undefined ? {} : { defaultBackupEligibility: options.backupEligible }),
        ...(options.backedUp === undefined ? {} : { defaultBackupState: options.backedUp }),
      },
    });
    return new VirtualAuthenticator(cdp, authenticatorId);
  }

  /** Credential IDs come back in standard base64, not base64url: see toBase64Url(). */
  async credentials(): Promise<VirtualCredential[]> {
    const { credentials } = await this.cdp.send('WebAuthn.getCredentials', { authenticatorId: this.authenticatorId });
    return credentials;
  }

  async setUserVerified(isUserVerified: boolean): Promise<void> {
    await this.cdp.send('WebAuthn.setUserVerified', { authenticatorId: this.authenticatorId, isUserVerified });
  }

  /**
   * Off: ceremonies wait for a touch instead of being answered at once. The pool's sign-in page
   * starts a conditional (autofill) request on load, which an authenticator simulating presence
   * answers straight away.
   */
  async setAutomaticPresenceSimulation(enabled: boolean): Promise<void> {
    await this.cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId: this.authenticatorId, enabled });
  }

  async remove(): Promise<void> {
    await this.cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: this.authenticatorId });
  }
}

export const toBase64Url = (base64: string) => base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
