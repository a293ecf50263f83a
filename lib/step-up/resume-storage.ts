import { resumeValue, type ResumeIntent } from './resume-intent';
import { parseResumeValue } from './resume-url';
import { randomBase64url } from '@/lib/encoding/base64url';

/**
 * The one-time intent behind a step-up's return URL. Before the page leaves for the pool's
 * sign-in it keeps what the person was doing, under a random ID, in this tab's sessionStorage;
 * the return URL carries only the ID (`?resume=<id>`). Coming back, the page takes the intent
 * out (whatever the ID says, it is gone afterwards) and carries on only when the IDs match. So a
 * `?resume=…` link from anywhere else, or a reload, or the same return URL twice, resumes nothing:
 * it names no intent this browser tab stored, or one already spent.
 */

const KEY = 'cognito-security-portal:step-up-resume';
/** 128 random bits, base64url. */
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
/** Long enough for any sign-in at the pool, short enough that an abandoned one does not linger. */
export const RESUME_LIFETIME_MS = 30 * 60 * 1000;

export type ResumeStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Keeps `intent` for the way back from the pool; the ID to put in the return URL. */
export function rememberResume(storage: ResumeStorage, intent: ResumeIntent, now = Date.now()): string {
  const id = randomBase64url(16);
  storage.setItem(KEY, JSON.stringify({ id, intent: resumeValue(intent), until: now + RESUME_LIFETIME_MS }));
  return id;
}

/** The intent stored under `id` in this tab, spent whether or not it matched; null when none. */
export function takeResume(storage: ResumeStorage, id: string | null, now = Date.now()): ResumeIntent | null {
  let stored: unknown;
  try {
    stored = JSON.parse(storage.getItem(KEY) ?? 'null');
  } catch {
    stored = null;
  }
  storage.removeItem(KEY);
  if (!id || !ID_PATTERN.test(id) || typeof stored !== 'object' || stored === null) return null;
  const { id: storedId, intent, until } = stored as Record<string, unknown>;
  if (storedId !== id || typeof until !== 'number' || until < now || typeof intent !== 'string') return null;
  return parseResumeValue(intent);
}
