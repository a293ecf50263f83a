import type { Page, Request } from '@playwright/test';
import type { AmplifyAppConfig } from '../amplify-app/app';

type Failure = { name: string; message: string } | undefined;

/** The Amplify JS v6 app on its own origin (e2e/amplify-app), and the calls it makes to the pool. */
export class AmplifyAppPage {
  /** Every request the page sent to the pool's API: preflights and calls, with their headers. */
  readonly poolRequests: { method: string; target?: string; headers: Record<string, string> }[] = [];

  constructor(
    private readonly page: Page,
    private readonly origin: string,
    private readonly poolEndpoint: string,
  ) {
    page.on('request', (request: Request) => {
      if (request.url() !== `${poolEndpoint}/`) return;
      const headers = request.headers();
      this.poolRequests.push({ method: request.method(), target: headers['x-amz-target'], headers });
    });
  }

  async open(config: AmplifyAppConfig): Promise<void> {
    await this.page.goto(this.origin);
    await this.page.waitForFunction(() => 'amplifyApp' in window);
    await this.page.evaluate((c) => window.amplifyApp.configure(c), config);
  }

  signIn(username: string, password: string) {
    return this.page.evaluate(([u, p]) => window.amplifyApp.signIn(u, p), [username, password] as const);
  }

  session(forceRefresh: boolean) {
    return this.page.evaluate((force) => window.amplifyApp.session(force), forceRefresh);
  }

  refreshToken(clientId: string) {
    return this.page.evaluate((id) => window.amplifyApp.refreshToken(id), clientId);
  }

  attributes() {
    return this.page.evaluate(() => window.amplifyApp.attributes());
  }

  updateAttribute(name: string, value: string) {
    return this.page.evaluate(([n, v]) => window.amplifyApp.updateAttribute(n, v), [name, value] as const);
  }

  /** The error Amplify raises for writing an attribute, or undefined when it succeeds. */
  updateAttributeFailure(name: string, value: string): Promise<Failure> {
    return this.page.evaluate(([n, v]) => window.amplifyApp.failure(() => window.amplifyApp.updateAttribute(n, v)), [name, value] as const);
  }

  /** The calls (not preflights) the page made, by operation. */
  calls(operation: string) {
    return this.poolRequests.filter((r) => r.method === 'POST' && r.target === `AWSCognitoIdentityProviderService.${operation}`);
  }
}
