import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromiumForTests, missingChromiumMessage, playwrightChromiumPath, SYSTEM_CHROMIUM } from './chromium.mjs';

const own = playwrightChromiumPath();
const only = (...paths: string[]) => (path: string) => paths.includes(path);

describe('which Chromium the browser tests use', () => {
  it('knows the path of Playwright’s own Chromium for its exact revision', () => {
    assert.match(own, /chromium-\d+/);
  });

  it('prefers Playwright’s own Chromium, else Debian’s, else none', () => {
    assert.deepEqual(chromiumForTests(only(own, SYSTEM_CHROMIUM)), { path: own, system: false });
    assert.deepEqual(chromiumForTests(only(SYSTEM_CHROMIUM)), { path: SYSTEM_CHROMIUM, system: true });
    assert.equal(chromiumForTests(only()), null);
  });

  it('does not count a cache folder of another revision', () => {
    const stale = join(dirname(dirname(dirname(own))), 'chromium-1', 'chrome-linux64', 'chrome');
    assert.equal(chromiumForTests(only(stale)), null);
  });

  it('says how to install one when there is none', () => {
    assert.match(missingChromiumMessage(), /apt-get install -y chromium/);
    assert.match(missingChromiumMessage(), new RegExp(SYSTEM_CHROMIUM));
  });

  it('prints the path for .ci/run when there is one', () => {
    const found = chromiumForTests();
    const script = fileURLToPath(new URL('./chromium.mjs', import.meta.url));
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    assert.equal(run.status, found ? 0 : 1);
    if (found) assert.equal(run.stdout.trim(), found.path);
  });
});
