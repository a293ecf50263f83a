import { DemoRunner, PACES } from '../scripts/demo/runner';
import { Captions } from '../scripts/demo/caption';
import { runStory } from '../scripts/demo/story';
import { captions as demoCaptions } from '../scripts/demo/words';
import type { RealLocale } from '../lib/i18n/locales';
import { expect, test } from './fixtures';
import { e2eEnvironment } from './support/environment';

// `npm run demo` tells the portal's whole story; this runs the same story, headless and at full
// speed, against the e2e portal with a user of its own, so the demo cannot silently rot. Every
// step checks its outcome on the page; a failing step names itself and leaves its screenshot.
// The local pool records the phone's sign-in as a device, so forgetting it is required here.
// `npm run demo -- --locale de` too: its browsers ask for German, and it finds every control by
// its German name (scripts/demo/words.ts, from the portal's catalogs).

const STEP_TITLES = [
  'A phone signs in first',
  'Open the portal',
  'Sign in at the user pool',
  'The Security page',
  'Add a passkey',
  'Add a security key',
  'Ask to delete a passkey',
  'Confirm: the passkey is deleted',
  'Look at devices',
  'Ask to forget the other device',
  'Confirm: the device is forgotten',
  'Tidy up',
  'Ask to sign out everywhere',
  'Signed out everywhere',
];

for (const locale of ['en', 'de'] as const satisfies readonly RealLocale[]) {
  test.describe(`in ${locale}`, () => {
    // What the demo's own contexts are given (scripts/demo/index.ts): Accept-Language asks for it.
    test.use({ locale });

    test('the demo story runs from sign-in to signing out everywhere', async ({ browser, page, context, user }, testInfo) => {
      test.setTimeout(120_000);
      const captions = await Captions.install(context);
      const caption = page.locator('[data-demo-caption]');
      const shown: string[] = [];
      const runner = new DemoRunner({
        page,
        captions,
        outDir: testInfo.outputPath('demo'),
        pace: PACES.test,
        // The caption is really drawn, on top, with the step's number and what it says.
        verify: async (step) => {
          await expect(caption, `step ${step.index} “${step.title}” shows its caption`).toBeVisible();
          await expect(caption).toHaveText(step.caption);
          expect(step.caption.startsWith(`${step.index}. `)).toBe(true);
          shown.push(step.caption);
        },
      });
      try {
        await runStory({ browser, page, runner, baseUrl: e2eEnvironment().portalUrl, credentials: user, expectDevices: true, locale });
      } finally {
        for (const step of runner.results) await testInfo.attach(`${String(step.index).padStart(2, '0')} ${step.title}${step.ok ? '' : ' (FAILED)'}`, { path: step.screenshot, contentType: 'image/png' }).catch(() => undefined);
      }
      expect(runner.results.map((step) => step.title)).toEqual(STEP_TITLES);
      expect(runner.results.every((step) => step.ok)).toBe(true);
      // The portal spoke the language too, not only the captions.
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      expect(shown[0]).toBe(`1. ${demoCaptions(locale)('phoneFirst')}`);
    });
  });
}
