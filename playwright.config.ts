import { defineConfig, devices } from '@playwright/test';
import { chromiumForTests, missingChromiumMessage } from './scripts/chromium.mjs';

// Playwright's own Chromium cannot be downloaded everywhere; Debian's serves when it is absent.
// The same rule decides whether .ci/run installs Debian's.
const browser = chromiumForTests();
if (!browser) throw new Error(missingChromiumMessage());

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  // One pool and one portal serve every test; tests change pool settings, so one worker.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    ...devices['Desktop Chrome'],
    trace: 'retain-on-failure',
    launchOptions: {
      ...(browser.system ? { executablePath: browser.path } : {}),
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium' }],
});
