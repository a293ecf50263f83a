import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

// As playwright.config.ts: Playwright's own Chromium when it is installed, else Debian's.
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

function chromiumPath(): string | undefined {
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // not installed
  }
  if (bundled && existsSync(bundled)) return undefined;
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  throw new Error('No Chromium found: install Playwright’s (npx playwright install chromium) or Debian’s (apt-get install chromium).');
}

export function launchChromium(options: { headed: boolean; slowMo: number }): Promise<Browser> {
  const executablePath = chromiumPath();
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    headless: !options.headed,
    slowMo: options.slowMo,
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
