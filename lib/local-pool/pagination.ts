import { invalidParameter } from './errors';
import { openToken, sealToken } from './tokens';

/**
 * Opaque pagination tokens, sealed with the pool's secret and bound to the operation
 * and the user, so a forged, altered or foreign token is refused.
 */
export function paginate<T>(
  items: T[],
  keyOf: (item: T) => string,
  options: { secret: string; operation: string; sub: string; limit: number; token: string | undefined },
): { page: T[]; next: string | undefined } {
  let start = 0;
  if (options.token !== undefined) {
    const payload = openToken(options.secret, options.token);
    if (!payload || payload.op !== options.operation || payload.sub !== options.sub || typeof payload.after !== 'string') {
      throw invalidParameter('Invalid pagination token.');
    }
    const after = payload.after;
    // Resume after the last item served; if it was deleted meanwhile, after its place in order.
    const index = items.findIndex((item) => keyOf(item) === after);
    start = index >= 0 ? index + 1 : items.findIndex((item) => keyOf(item) > after);
    if (start < 0) start = items.length;
  }
  const page = items.slice(start, start + options.limit);
  const last = page.at(-1);
  const next = start + options.limit < items.length && last !== undefined ? sealToken(options.secret, { op: options.operation, sub: options.sub, after: keyOf(last) }) : undefined;
  return { page, next };
}
