import { test as base, expect } from '@playwright/test';
import { HomePage } from './pages/home-page';
import { PoolSignInPage } from './pages/pool-sign-in-page';
import { PortalSignInPage } from './pages/portal-sign-in-page';
import { SecurityPage } from './pages/security-page';
import { e2eEnvironment } from './support/environment';
import { startIsolatedPortal, type IsolatedPortal, type IsolatedPortalOptions } from './support/isolated-portal';
import { PoolDriver } from './support/pool';

type TestUser = { username: string; password: string; name: string; email: string };

type Fixtures = {
  pool: PoolDriver;
  /** A user of its own for each test, made through the pool's control API. */
  user: TestUser;
  homePage: HomePage;
  portalSignInPage: PortalSignInPage;
  poolSignInPage: PoolSignInPage;
  securityPage: SecurityPage;
};

export const test = base.extend<Fixtures>({
  baseURL: async ({}, provide) => provide(e2eEnvironment().portalUrl),
  pool: async ({}, provide) => provide(new PoolDriver()),
  user: async ({ pool }, provide, testInfo) => provide(await pool.createUser(`E2E ${testInfo.title.slice(0, 24)}`)),
  homePage: async ({ page }, provide) => provide(new HomePage(page)),
  portalSignInPage: async ({ page }, provide) => provide(new PortalSignInPage(page)),
  poolSignInPage: async ({ page }, provide) => provide(new PoolSignInPage(page)),
  securityPage: async ({ page }, provide) => provide(new SecurityPage(page)),
});

type IsolatedWorkerFixtures = {
  /** Set with `isolatedTest.use({ isolatedPortalOptions: { port, env } })`; files with other options get their own pair. */
  isolatedPortalOptions: IsolatedPortalOptions;
  /** A pool and portal of this worker's own (e2e/support/isolated-portal.ts), started once per worker. */
  isolatedPortal: IsolatedPortal;
};

/**
 * The same fixtures as `test`, but against an isolated pool and portal instead of the global pair:
 * for tests that stop or slow the pool, or need the portal started with other settings. The pages
 * (baseURL, the pool's sign-in page) and `pool` point at the isolated pair.
 */
export const isolatedTest = base.extend<Fixtures, IsolatedWorkerFixtures>({
  isolatedPortalOptions: [{}, { scope: 'worker', option: true }],
  isolatedPortal: [
    async ({ isolatedPortalOptions }, provide) => {
      const pair = await startIsolatedPortal(isolatedPortalOptions);
      await provide(pair);
      await pair.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ isolatedPortal }, provide) => provide(isolatedPortal.portalUrl),
  pool: async ({ isolatedPortal }, provide) => provide(isolatedPortal.poolDriver),
  user: async ({ pool }, provide, testInfo) => provide(await pool.createUser(`E2E ${testInfo.title.slice(0, 24)}`)),
  homePage: async ({ page }, provide) => provide(new HomePage(page)),
  portalSignInPage: async ({ page }, provide) => provide(new PortalSignInPage(page)),
  poolSignInPage: async ({ page, isolatedPortal }, provide) => provide(new PoolSignInPage(page, isolatedPortal.pool.endpoint)),
  securityPage: async ({ page }, provide) => provide(new SecurityPage(page)),
});

export { expect };
