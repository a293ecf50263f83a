import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import type { Captions } from './caption';

/** How long the demo lingers: nothing in tests, a little for a recording, more for a live audience. */
export type Pace = { beforeMs: number; afterMs: number };
export const PACES = {
  test: { beforeMs: 0, afterMs: 0 },
  recording: { beforeMs: 500, afterMs: 900 },
  live: { beforeMs: 1_500, afterMs: 2_000 },
} satisfies Record<string, Pace>;

export type StepResult = { index: number; title: string; ms: number; screenshot: string; ok: boolean };

/** What a step's action can do besides driving the page: say something else than it planned to. */
export type StepControl = { caption: (text: string) => Promise<void> };

/** A step as the viewer sees it once its action is done: its number, title and the caption shown. */
export type ShownStep = { index: number; title: string; caption: string };

/** A step that failed: which one, why, and the screenshot of that moment. */
export class DemoStepError extends Error {
  constructor(
    readonly step: StepResult,
    readonly cause: unknown,
  ) {
    super(`Step ${step.index} “${step.title}” failed after ${(step.ms / 1000).toFixed(1)} s: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DemoStepError';
  }
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);

/**
 * Runs the story's steps in order: shows each one's caption, times it, takes a numbered
 * screenshot when it is done, and stops at the first that fails with a screenshot of that moment.
 */
export class DemoRunner {
  readonly results: StepResult[] = [];

  constructor(
    private readonly options: {
      page: Page;
      captions: Captions;
      outDir: string;
      pace: Pace;
      /** Called with each step's result as soon as it is known. */
      onStep?: (result: StepResult) => void;
      /** Checks made after each step's action, before its screenshot (the tests check the caption). */
      verify?: (step: ShownStep) => Promise<void>;
    },
  ) {
    mkdirSync(options.outDir, { recursive: true });
  }

  /**
   * `caption` is what the viewer reads while `action` runs; `action` drives the page and checks the
   * outcome, and may change the caption when what it found calls for other words.
   */
  async step(title: string, caption: string, action: (step: StepControl) => Promise<void>): Promise<void> {
    const { page, captions, outDir, pace, verify } = this.options;
    const index = this.results.length + 1;
    const base = `${String(index).padStart(2, '0')}-${slug(title)}`;
    const started = performance.now();
    const result = (ok: boolean, screenshot: string): StepResult => ({ index, title, ms: performance.now() - started, screenshot, ok });
    let shown = caption;
    const control: StepControl = {
      caption: async (text) => {
        shown = text;
        await captions.show(page, `${index}. ${text}`);
      },
    };
    try {
      await captions.show(page, `${index}. ${caption}`);
      if (pace.beforeMs) await page.waitForTimeout(pace.beforeMs);
      await action(control);
      await captions.redraw(page);
      await verify?.({ index, title, caption: `${index}. ${shown}` });
      if (pace.afterMs) await page.waitForTimeout(pace.afterMs);
      const screenshot = join(outDir, `${base}.png`);
      await page.screenshot({ path: screenshot });
      const done = result(true, screenshot);
      this.results.push(done);
      this.options.onStep?.(done);
    } catch (error) {
      const screenshot = join(outDir, `${base}-FAILED.png`);
      await captions.show(page, `${index}. FAILED: ${shown}`);
      const saved = await page.screenshot({ path: screenshot }).then(
        () => screenshot,
        () => '(no screenshot: the page could not be captured)',
      );
      const failed = result(false, saved);
      this.results.push(failed);
      this.options.onStep?.(failed);
      throw new DemoStepError(failed, error);
    }
  }
}

/** "  3. Add a passkey ........ 1.2 s  demo-output/03-add-a-passkey.png" */
export function formatStep(result: StepResult, cwd = process.cwd()): string {
  const mark = result.ok ? '✓' : '✗';
  const title = `${String(result.index).padStart(2)}. ${result.title} `.padEnd(52, '.');
  const seconds = `${(result.ms / 1000).toFixed(1)} s`.padStart(7);
  return `${mark} ${title} ${seconds}  ${result.screenshot.startsWith('(') ? result.screenshot : relative(cwd, result.screenshot)}`;
}
