/**
 * The bench's framework-floor page (app/bench/floor/page.tsx): served only by a portal that
 * `npm run bench` started (it sets PORTAL_BENCH_FLOOR=1), a plain 404 everywhere else. The proxy
 * answers that 404 before anything renders: a notFound() from the page itself would come after
 * the root loading state had already been streamed with a 200.
 */
export const BENCH_FLOOR_PATH = '/bench/floor';
export const BENCH_FLOOR_VARIABLE = 'PORTAL_BENCH_FLOOR';

export function benchFloorServed(env: Record<string, string | undefined> = process.env): boolean {
  return env[BENCH_FLOOR_VARIABLE] === '1';
}

/** True for a request of the floor page on a portal that does not serve it. */
export function isHiddenBenchFloor(pathname: string, env: Record<string, string | undefined> = process.env): boolean {
  return (pathname === BENCH_FLOOR_PATH || pathname.startsWith(`${BENCH_FLOOR_PATH}/`)) && !benchFloorServed(env);
}
