import { test as base, expect } from '@playwright/test';
import { HomePage } from './pages/home-page';
import { PoolSignInPage } from './pages/pool-sign-in-page';
import { PortalSignInPage } from './pages/portal-sign-in-page';
import { SecurityPage } from './pages/security-page';
import { e2eEnvironment } from './support/environment';
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

export { expect };
