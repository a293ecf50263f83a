import 'server-only';

// Next's own server (next start, and the standalone server.js the image runs) answers SIGTERM by
// closing its listener and letting in-flight requests finish before it exits. This adds what a
// load balancer needs to see on the way: the readiness endpoint says "stopping" from the signal
// on, and the log says when it came. The flag lives on globalThis because instrumentation.ts and
// the route handlers are separate bundles with separate module instances.
const STOPPING = Symbol.for('security-portal.stopping');
type WithFlag = typeof globalThis & { [STOPPING]?: { since: string } | 'watching' };

export function isStopping(): boolean {
  return typeof (globalThis as WithFlag)[STOPPING] === 'object';
}

/** Called once at start (instrumentation.ts); later calls do nothing. */
export function watchForShutdown(log: (message: string) => void = console.log): void {
  const global = globalThis as WithFlag;
  if (global[STOPPING]) return;
  global[STOPPING] = 'watching';
  process.once('SIGTERM', () => {
    global[STOPPING] = { since: new Date().toISOString() };
    log('SIGTERM: not ready any more; finishing in-flight requests, then exiting.');
  });
}
