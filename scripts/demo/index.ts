// `npm run demo`: the portal's whole story, driven in Chromium with a virtual authenticator, with
// a caption per step, a numbered screenshot per step and a video in demo-output/.
// See README.md, "The demo". `--headed` shows the browser at a presenter's pace; `--locale de`
// tells it in German (the captions, and the portal, which the browser asks for German).
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { RealLocale } from '../../lib/i18n/locales';
import { parseArgs, USAGE } from './args';
import { launchChromium } from './browser';
import { provideFfmpegForVideo } from './ffmpeg';
import { Captions } from './caption';
import { DemoRunner, DemoStepError, formatStep, PACES } from './runner';
import { runStory } from './story';
import { resolveTarget, type Target } from './target';

const root = fileURLToPath(new URL('../..', import.meta.url));
const OUT_DIR = join(root, 'demo-output');
const VIEWPORT = { width: 1280, height: 800 };
const log = (line: string) => process.stdout.write(`${line}\n`);
const rel = (path: string) => relative(process.cwd(), path) || '.';

/**
 * Leaves demo-output/ with only this run's files (it holds nothing but the demo's output). Called
 * once the portal is found and the browser runs, so a run that cannot start keeps the last output.
 */
function prepareOutput() {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const name of readdirSync(OUT_DIR)) if (/\.(png|webm)$/.test(name)) rmSync(join(OUT_DIR, name), { force: true });
}

/**
 * A context that records video when it can. Playwright records with its own ffmpeg build
 * (`npx playwright install ffmpeg`); where that is missing the demo goes on with screenshots only.
 */
async function openContext(browser: Browser, baseURL: string, locale: RealLocale): Promise<{ context: BrowserContext; page: Page; noVideo?: string }> {
  const note = provideFfmpegForVideo();
  if (note) log(note);
  const recording = await browser.newContext({ viewport: VIEWPORT, baseURL, locale, recordVideo: { dir: OUT_DIR, size: VIEWPORT } });
  try {
    return { context: recording, page: await recording.newPage() };
  } catch (error) {
    await recording.close().catch(() => undefined);
    if (!/ffmpeg/i.test(error instanceof Error ? error.message : String(error))) throw error;
    const context = await browser.newContext({ viewport: VIEWPORT, baseURL, locale });
    return { context, page: await context.newPage(), noVideo: 'no ffmpeg for Playwright (`npx playwright install ffmpeg`, or `apt-get install ffmpeg` on Debian); screenshots only.' };
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.kind === 'help') {
    log(USAGE);
    return 0;
  }
  if (args.kind === 'error') {
    process.stderr.write(`${args.message}\n`);
    return 2;
  }
  const { headed, locale } = args;

  // Set as soon as there is something to stop, so an interrupted start stops it too.
  let stopTarget: () => Promise<void> = async () => {};
  process.once('SIGINT', () => void stopTarget().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void stopTarget().finally(() => process.exit(143)));

  try {
    const target: Target = await resolveTarget({ log, onStop: (stop) => (stopTarget = stop) });
    stopTarget = target.stop;
    log(`Demo of ${target.baseUrl} (${target.origin}), signing in as ${target.credentials.username}, ${headed ? 'headed' : 'headless'}, in ${locale}.\n`);

    const started = performance.now();
    const browser = await launchChromium({ headed, slowMo: headed ? 250 : 0 });
    prepareOutput();
    const { context, page, noVideo } = await openContext(browser, target.baseUrl, locale);
    if (noVideo) log(`No video: ${noVideo}\n`);
    const captions = await Captions.install(context);
    const runner = new DemoRunner({ page, captions, outDir: OUT_DIR, pace: headed ? PACES.live : PACES.recording, onStep: (r) => log(formatStep(r)) });

    let failure: unknown;
    try {
      await runStory({ browser, page, runner, baseUrl: target.baseUrl, credentials: target.credentials, expectDevices: target.expectDevices, locale });
    } catch (error) {
      failure = error;
    }
    // The video is complete only once its context is closed.
    const video = page.video();
    await context.close();
    let videoPath = '';
    if (video) {
      videoPath = join(OUT_DIR, 'demo.webm');
      await video.saveAs(videoPath);
      await video.delete();
    }
    await browser.close();

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log('');
    if (failure) {
      if (failure instanceof DemoStepError) {
        process.stderr.write(`\nDEMO FAILED at step ${failure.step.index}, “${failure.step.title}”.\n`);
        process.stderr.write(`${failure.cause instanceof Error ? (failure.cause.stack ?? failure.cause.message) : String(failure.cause)}\n\n`);
        process.stderr.write(`Screenshot of that moment: ${rel(failure.step.screenshot)}\n`);
      } else {
        process.stderr.write(`\nDEMO FAILED between steps: ${failure instanceof Error ? (failure.stack ?? failure.message) : String(failure)}\n`);
      }
      if (videoPath) process.stderr.write(`Video up to there:         ${rel(videoPath)}\n`);
      return 1;
    }
    log(`All ${runner.results.length} steps passed in ${seconds} s.`);
    log(`Screenshots: ${rel(OUT_DIR)}/01-…${String(runner.results.length).padStart(2, '0')}-*.png`);
    log(videoPath ? `Video:       ${rel(videoPath)}` : 'Video:       none (see above)');
    return 0;
  } finally {
    await stopTarget();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`\nDEMO FAILED before it started: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
