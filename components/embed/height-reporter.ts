/**
 * The embedded view's height reports to its host, debounced. While the page loads (streamed
 * sections, hydration, fonts) one ResizeObserver fires many times in a few hundred ms, and a host
 * that resized its iframe on every one would show the page jumping. Reports wait until the layout
 * has been quiet for `quietMs` (or `maxWaitMs` since the first change, so a view that keeps moving
 * still reports), are measured in the next animation frame (after layout), and go out only when
 * the height really changed. While `busy()` says placeholders are still on screen (sections still
 * streaming in, whose skeletons are taller or shorter than what replaces them) the report waits
 * for them too, up to `maxBusyMs` since the first change, so the host is not sized to a skeleton
 * and then jumped back. Pure: the clock and frames are passed in, so it is unit-tested without a
 * browser.
 */

export type HeightReporterScheduler = {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  requestAnimationFrame(callback: () => void): unknown;
  cancelAnimationFrame(handle: unknown): void;
};

export type HeightReporterOptions = {
  /** The content's height in CSS pixels now (rounded up before it is compared or sent). */
  measure: () => number;
  send: (height: number) => void;
  scheduler: HeightReporterScheduler;
  /** True while the content is not final yet (streaming placeholders on screen). */
  busy?: () => boolean;
  quietMs?: number;
  maxWaitMs?: number;
  maxBusyMs?: number;
};

export type HeightReporter = {
  /** Something may have changed the height (a ResizeObserver callback). */
  changed(): void;
  /** Drops any pending report. */
  stop(): void;
};

export const HEIGHT_QUIET_MS = 120;
export const HEIGHT_MAX_WAIT_MS = 1000;
export const HEIGHT_MAX_BUSY_MS = 5000;

export function createHeightReporter({
  measure,
  send,
  scheduler,
  busy = () => false,
  quietMs = HEIGHT_QUIET_MS,
  maxWaitMs = HEIGHT_MAX_WAIT_MS,
  maxBusyMs = HEIGHT_MAX_BUSY_MS,
}: HeightReporterOptions): HeightReporter {
  let last: number | null = null;
  let timer: unknown = null;
  let frame: unknown = null;
  let firstChangeAt: number | null = null;
  let stopped = false;

  function schedule(wait: number) {
    if (timer !== null) scheduler.clearTimeout(timer);
    timer = scheduler.setTimeout(() => {
      timer = null;
      frame = scheduler.requestAnimationFrame(report);
    }, wait);
  }

  function report() {
    frame = null;
    if (stopped) return;
    if (firstChangeAt !== null && scheduler.now() - firstChangeAt < maxBusyMs && busy()) {
      schedule(quietMs); // look again once the placeholders may have gone
      return;
    }
    firstChangeAt = null;
    const height = Math.ceil(measure());
    if (!Number.isFinite(height) || height < 0 || height === last) return;
    last = height;
    send(height);
  }

  return {
    changed() {
      if (stopped) return;
      // A frame already on its way measures the layout as it is then, this change included.
      if (frame !== null) return;
      const now = scheduler.now();
      firstChangeAt ??= now;
      schedule(Math.max(0, Math.min(quietMs, firstChangeAt + maxWaitMs - now)));
    },
    stop() {
      stopped = true;
      if (timer !== null) scheduler.clearTimeout(timer);
      if (frame !== null) scheduler.cancelAnimationFrame(frame);
      timer = null;
      frame = null;
    },
  };
}

/** The browser's clock and frames, for createHeightReporter. */
export function browserScheduler(): HeightReporterScheduler {
  return {
    now: () => performance.now(),
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
    requestAnimationFrame: (callback) => window.requestAnimationFrame(() => callback()),
    cancelAnimationFrame: (handle) => window.cancelAnimationFrame(handle as number),
  };
}
