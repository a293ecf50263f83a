import { DemoRunner, PACES } from '../scripts/demo/runner';
import { Captions } from '../scripts/demo/caption';
import { runStory } from '../scripts/demo/story';
import { test } from './fixtures';
import { e2eEnvironment } from './support/environment';

// `npm run demo` tells the portal's whole story; this runs the same story, headless and at full
// speed, against the e2e portal with a user of its own, so the demo cannot silently rot. Every
// step checks its outcome on the page; a failing step names itself and leaves its screenshot.
test('the demo story runs from sign-in to signing out everywhere', async ({ browser, page, context, user }, testInfo) => {
  test.setTimeout(120_000);
  const captions = await Captions.install(context);
  const runner = new DemoRunner({ page, captions, outDir: testInfo.outputPath('demo'), pace: PACES.test });
  try {
    await runStory({ browser, page, runner, baseUrl: e2eEnvironment().portalUrl, credentials: user });
  } finally {
    for (const step of runner.results) await testInfo.attach(`${String(step.index).padStart(2, '0')} ${step.title}${step.ok ? '' : ' (FAILED)'}`, { path: step.screenshot, contentType: 'image/png' }).catch(() => undefined);
  }
});
