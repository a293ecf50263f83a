import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHeightReporter, type HeightReporterScheduler } from './height-reporter';

/** A hand-driven clock: timers fire on advance(), frames on frame(). */
function fakeScheduler() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const frames = new Map<number, () => void>();
  const scheduler: HeightReporterScheduler = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    requestAnimationFrame: (callback) => {
      const id = nextId++;
      frames.set(id, callback);
      return id;
    },
    cancelAnimationFrame: (handle) => void frames.delete(handle as number),
  };
  return {
    scheduler,
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = until;
    },
    frame() {
      const pending = [...frames.values()];
      frames.clear();
      for (const callback of pending) callback();
    },
    pendingTimers: () => timers.size,
    pendingFrames: () => frames.size,
  };
}

function setup(options: { quietMs?: number; maxWaitMs?: number; maxBusyMs?: number; busy?: () => boolean } = {}) {
  const clock = fakeScheduler();
  let height = 0;
  const sent: number[] = [];
  const reporter = createHeightReporter({ measure: () => height, send: (h) => sent.push(h), scheduler: clock.scheduler, quietMs: 100, maxWaitMs: 500, maxBusyMs: 2000, ...options });
  return { clock, reporter, sent, setHeight: (h: number) => (height = h) };
}

describe('createHeightReporter', () => {
  it('sends nothing until the layout has been quiet, then the height measured in the next frame', () => {
    const { clock, reporter, sent, setHeight } = setup();
    setHeight(300);
    reporter.changed();
    clock.advance(99);
    clock.frame();
    assert.deepEqual(sent, []);
    clock.advance(1);
    assert.deepEqual(sent, [], 'measured in a frame, not in the timer');
    setHeight(320); // what the layout is when the frame comes
    clock.frame();
    assert.deepEqual(sent, [320]);
  });

  it('collapses a burst of changes (streamed sections, hydration) into one report of the final height', () => {
    const { clock, reporter, sent, setHeight } = setup();
    for (const h of [200, 900, 450, 1200, 1180]) {
      setHeight(h);
      reporter.changed();
      clock.advance(30);
      clock.frame();
    }
    clock.advance(100);
    clock.frame();
    assert.deepEqual(sent, [1180]);
  });

  it('sends only when the height really changed, rounding up fractional pixels', () => {
    const { clock, reporter, sent, setHeight } = setup();
    setHeight(400.2);
    reporter.changed();
    clock.advance(100);
    clock.frame();
    setHeight(400.9); // same whole pixel
    reporter.changed();
    clock.advance(100);
    clock.frame();
    setHeight(410);
    reporter.changed();
    clock.advance(100);
    clock.frame();
    assert.deepEqual(sent, [401, 410]);
  });

  it('still reports while changes never stop, once maxWaitMs has passed since the first', () => {
    const { clock, reporter, sent, setHeight } = setup();
    let h = 100;
    for (let t = 0; t < 520; t += 40) {
      setHeight((h += 10));
      reporter.changed();
      clock.advance(40);
      clock.frame();
    }
    assert.equal(sent.length, 1, `one report within the max wait, got ${sent.join(', ')}`);
    assert.ok(sent[0]! >= 110);
  });

  it('a change while a frame is pending is measured by that frame, without another timer', () => {
    const { clock, reporter, sent, setHeight } = setup();
    setHeight(500);
    reporter.changed();
    clock.advance(100);
    assert.equal(clock.pendingFrames(), 1);
    setHeight(520);
    reporter.changed();
    assert.equal(clock.pendingTimers(), 0);
    clock.frame();
    assert.deepEqual(sent, [520]);
  });

  it('holds the report while placeholders are on screen, then sends the final height once', () => {
    let skeleton = true;
    const { clock, reporter, sent, setHeight } = setup({ busy: () => skeleton });
    setHeight(1194); // the skeletons' height
    reporter.changed();
    for (let i = 0; i < 5; i += 1) {
      clock.advance(100);
      clock.frame();
    }
    assert.deepEqual(sent, [], 'nothing while the skeletons show');
    skeleton = false;
    setHeight(924); // the sections arrived, shorter than their skeletons
    reporter.changed();
    clock.advance(100);
    clock.frame();
    assert.deepEqual(sent, [924]);
  });

  it('reports anyway when the placeholders stay longer than maxBusyMs (a slow pool)', () => {
    const { clock, reporter, sent, setHeight } = setup({ busy: () => true });
    setHeight(800);
    reporter.changed();
    for (let t = 0; t < 1900; t += 100) {
      clock.advance(100);
      clock.frame();
    }
    assert.deepEqual(sent, []);
    clock.advance(200);
    clock.frame();
    assert.deepEqual(sent, [800]);
  });

  it('stop() drops a pending report and ignores later changes', () => {
    const { clock, reporter, sent, setHeight } = setup();
    setHeight(500);
    reporter.changed();
    reporter.stop();
    clock.advance(200);
    clock.frame();
    reporter.changed();
    clock.advance(200);
    clock.frame();
    assert.deepEqual(sent, []);
    assert.equal(clock.pendingTimers() + clock.pendingFrames(), 0);
  });
});
