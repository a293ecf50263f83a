import type { Page } from '@playwright/test';

/**
 * A Chromium virtual WebAuthn authenticator attached through CDP: the browser's real WebAuthn
 * runs and this stands in for the hardware, always verifying the user. (The e2e tests have a
 * fuller one; the demo keeps its own so it does not depend on test support code.)
 */
export class VirtualAuthenticator {
  private constructor(
    private readonly remover: () => Promise<void>,
  ) {}

  static async attach(page: Page, options: { transport: 'internal' | 'usb' }): Promise<VirtualAuthenticator> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        ctap2Version: 'ctap2_1',
        transport: options.transport,
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    return new VirtualAuthenticator(async () => {
      await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    });
  }

  remove(): Promise<void> {
    return this.remover();
  }
}
