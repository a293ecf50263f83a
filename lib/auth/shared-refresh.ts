import 'server-only';
import { createHash } from 'node:crypto';
import type { RefreshResult } from '@/lib/cognito/oauth';

/**
 * A page load sends several requests carrying the same cookie (the page, its server actions,
 * /api/auth/session), and each would refresh a token near expiry on its own. With refresh-token
 * rotation on, the pool accepts the old refresh token once: the losers get a 4xx and would end a
 * session that is fine. So within one instance, refreshes of the same refresh token share one
 * request, and a success is handed to latecomers still carrying the old cookie for a few seconds.
 */
export type RefreshCoalescer = {
  run(refreshToken: string, refresh: (refreshToken: string) => Promise<RefreshResult>): Promise<RefreshResult>;
  /** Drops what is kept for this refresh token: after revoking it, no old cookie may be refreshed from memory. */
  forget(refreshToken: string): void;
};

type Entry = { result: Promise<RefreshResult>; until: number };

export const SHARED_REFRESH_MS = 10_000;
const MAX_ENTRIES = 1_000;

// Keyed by a hash: the map never holds a usable token.
const keyOf = (refreshToken: string) => createHash('sha256').update(refreshToken).digest('base64url');

export function createRefreshCoalescer(options: { keepMs?: number; maxEntries?: number; now?: () => number } = {}): RefreshCoalescer {
  const { keepMs = SHARED_REFRESH_MS, maxEntries = MAX_ENTRIES, now = Date.now } = options;
  const entries = new Map<string, Entry>();

  function makeRoom() {
    const at = now();
    for (const [key, entry] of entries) if (entry.until <= at) entries.delete(key);
    // Oldest first (insertion order); an evicted refresh still completes for its own callers.
    while (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
  }

  return {
    run(refreshToken, refresh) {
      const key = keyOf(refreshToken);
      const hit = entries.get(key);
      if (hit && hit.until > now()) return hit.result;
      if (hit) entries.delete(key);
      makeRoom();
      // In flight: shared for as long as it takes (the token endpoint call has its own timeout).
      const entry: Entry = { result: Promise.resolve().then(() => refresh(refreshToken)), until: Number.POSITIVE_INFINITY };
      entries.set(key, entry);
      entry.result.then(
        (result) => {
          if (entries.get(key) !== entry) return;
          // Failures are not kept: an outage should be retried by the next request.
          if (result.ok) entry.until = now() + keepMs;
          else entries.delete(key);
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return entry.result;
    },
    forget(refreshToken) {
      entries.delete(keyOf(refreshToken));
    },
  };
}

// The proxy and the route handlers may be bundled apart; one map per process, not per bundle.
const GLOBAL_KEY = Symbol.for('cognito-security-portal.shared-refresh');
const holder = globalThis as typeof globalThis & { [GLOBAL_KEY]?: RefreshCoalescer };

/** The process-wide coalescer that the portal's refreshes go through. */
export function sharedRefreshes(): RefreshCoalescer {
  return (holder[GLOBAL_KEY] ??= createRefreshCoalescer());
}
