import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Page } from '@playwright/test';
import type { Captions } from './caption';
import { DemoRunner, DemoStepError, formatStep, PACES, type ShownStep, type StepResult } from './runner';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A runner over a page that only takes screenshots (or cannot) and captions that only remember. */
function fakeRunner({ screenshots = true } = {}) {
  const outDir = mkdtempSync(join(tmpdir(), 'demo-runner-'));
  dirs.push(outDir);
  const shown: string[] = [];
  const page = {
    screenshot: async ({ path }: { path: string }) => {
      if (!screenshots) throw new Error('Target page, context or browser has been closed');
      writeFileSync(path, 'png');
    },
    waitForTimeout: async () => {},
  } as unknown as Page;
  const captions = {
    show: async (_page: Page, text: string) => void shown.push(text),
    redraw: async () => {},
  } as unknown as Captions;
  const reported: StepResult[] = [];
  const verified: ShownStep[] = [];
  const runner = new DemoRunner({ page, captions, outDir, pace: PACES.test, onStep: (r) => reported.push(r), verify: async (s) => void verified.push(s) });
  return { runner, outDir, shown, reported, verified };
}

describe('the demo runner', () => {
  it('numbers, captions, checks and screenshots each step that passes', async () => {
    const { runner, outDir, shown, reported, verified } = fakeRunner();
    await runner.step('Open the portal', 'This is the portal.', async () => {});
    await runner.step('Look at devices', 'The devices.', async (step) => step.caption('No other device.'));
    assert.deepEqual(shown, ['1. This is the portal.', '2. The devices.', '2. No other device.']);
    assert.deepEqual(verified, [
      { index: 1, title: 'Open the portal', caption: '1. This is the portal.' },
      { index: 2, title: 'Look at devices', caption: '2. No other device.' },
    ]);
    assert.deepEqual(runner.results.map((r) => [r.index, r.ok, r.screenshot]), [
      [1, true, join(outDir, '01-open-the-portal.png')],
      [2, true, join(outDir, '02-look-at-devices.png')],
    ]);
    assert.ok(existsSync(join(outDir, '02-look-at-devices.png')));
    assert.deepEqual(reported, runner.results);
  });

  it('stops at a step whose action throws, with ok: false and a FAILED screenshot', async () => {
    const { runner, outDir, shown, reported, verified } = fakeRunner();
    await runner.step('Sign in', 'Signing in.', async () => {});
    const cause = new Error('the sign-in page asks for a username');
    const failing = runner.step('Add a passkey', 'Add a passkey.', async () => {
      throw cause;
    });
    const error = await failing.then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof DemoStepError);
    assert.equal(error.cause, cause);
    assert.equal(error.step.index, 2);
    assert.equal(error.step.title, 'Add a passkey');
    assert.equal(error.step.ok, false);
    assert.equal(error.step.screenshot, join(outDir, '02-add-a-passkey-FAILED.png'));
    assert.ok(existsSync(error.step.screenshot));
    assert.match(error.message, /^Step 2 “Add a passkey” failed after \d+\.\d s: the sign-in page asks for a username$/);
    assert.equal(shown.at(-1), '2. FAILED: Add a passkey.');
    assert.equal(verified.length, 1, 'a failed step is not verified');
    assert.deepEqual(reported.map((r) => r.ok), [true, false]);
  });

  it('fails a step whose check fails after its action', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'demo-runner-'));
    dirs.push(outDir);
    const page = { screenshot: async ({ path }: { path: string }) => writeFileSync(path, 'png'), waitForTimeout: async () => {} } as unknown as Page;
    const captions = { show: async () => {}, redraw: async () => {} } as unknown as Captions;
    const runner = new DemoRunner({ page, captions, outDir, pace: PACES.test, verify: async () => Promise.reject(new Error('no caption drawn')) });
    await assert.rejects(runner.step('Open the portal', 'The portal.', async () => {}), (e: unknown) => e instanceof DemoStepError && e.step.screenshot.endsWith('01-open-the-portal-FAILED.png'));
  });

  it('still reports the failed step when no screenshot can be taken', async () => {
    const { runner, reported } = fakeRunner({ screenshots: false });
    await assert.rejects(runner.step('Add a passkey', 'Add a passkey.', async () => Promise.reject(new Error('boom'))), DemoStepError);
    assert.equal(reported[0]?.ok, false);
    assert.equal(reported[0]?.screenshot, '(no screenshot: the page could not be captured)');
  });
});

describe('a step’s printed line', () => {
  it('shows a tick, the padded number and title, the seconds and the screenshot relative to the working directory', () => {
    const line = formatStep({ index: 3, title: 'Add a passkey', ms: 1234, screenshot: '/repo/demo-output/03-add-a-passkey.png', ok: true }, '/repo');
    assert.equal(line, `✓  3. Add a passkey ${'.'.repeat(34)}   1.2 s  demo-output/03-add-a-passkey.png`);
  });

  it('marks a failed step with a cross and keeps a note in place of a missing screenshot', () => {
    const line = formatStep({ index: 12, title: 'Signed out everywhere', ms: 20_050, screenshot: '(no screenshot: the page could not be captured)', ok: false }, '/repo');
    assert.ok(line.startsWith('✗ 12. Signed out everywhere .'));
    assert.ok(line.endsWith('  20.1 s  (no screenshot: the page could not be captured)'));
  });

  it('lines the times up whatever the title', () => {
    const a = formatStep({ index: 1, title: 'A', ms: 100, screenshot: '/r/a.png', ok: true }, '/r');
    const b = formatStep({ index: 10, title: 'A much longer step title', ms: 100, screenshot: '/r/b.png', ok: true }, '/r');
    assert.equal(a.indexOf(' s  '), b.indexOf(' s  '));
  });
});
