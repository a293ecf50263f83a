// Which Chromium the browser tests use, decided one way for playwright.config.ts and .ci/run:
// Playwright's own build of the exact revision this Playwright version drives, when installed;
// else Debian's /usr/bin/chromium. A cache folder of another revision counts for nothing.
// Run as a script, it prints the path, or exits 1 saying how to install one.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Playwright's own Chromium for its exact revision (installed or not), or '' when it cannot say. */
export function playwrightChromiumPath() {
  try {
    return chromium.executablePath();
  } catch {
    return '';
  }
}

/** The Chromium to run: `{ path, system }`, or null when neither exists. */
export function chromiumForTests(exists = existsSync) {
  const own = playwrightChromiumPath();
  if (own && exists(own)) return { path: own, system: false };
  if (exists(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, system: true };
  return null;
}

export function missingChromiumMessage() {
  const own = playwrightChromiumPath() || "Playwright's own Chromium";
  return `No Chromium for the browser tests: neither ${own} nor ${SYSTEM_CHROMIUM} exists. Install Debian's with \`apt-get install -y chromium\` (or Playwright's with \`npx playwright install chromium\`).`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const found = chromiumForTests();
  if (found) {
    process.stdout.write(`${found.path}\n`);
  } else {
    process.stderr.write(`${missingChromiumMessage()}\n`);
    process.exit(1);
  }
}
