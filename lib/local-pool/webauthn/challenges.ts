import { randomBytes } from 'node:crypto';
import type { PoolState, RegistrationChallenge } from '../store';
import { challengeNotFound } from './errors';

/** Cognito's challenges are 16 random bytes. */
const CHALLENGE_BYTES = 16;
/**
 * Outstanding challenges kept per user; older ones are dropped. Not a Cognito number: it only
 * keeps a client that calls Start in a loop from growing the state file until the TTL passes.
 */
export const MAX_OPEN_CHALLENGES_PER_USER = 10;

/** Records a new registration challenge for the user and app client. The caller commits. */
export function issueChallenge(state: PoolState, sub: string, clientId: string, ttlSeconds: number, now: number): string {
  const challenge = randomBytes(CHALLENGE_BYTES).toString('base64url');
  const live = state.challenges.filter((c) => c.expiresAt > now);
  const mine = live.filter((c) => c.sub === sub);
  const dropped = new Set(mine.slice(0, Math.max(0, mine.length - (MAX_OPEN_CHALLENGES_PER_USER - 1))));
  state.challenges = [...live.filter((c) => !dropped.has(c)), { challenge, sub, clientId, expiresAt: now + ttlSeconds }];
  return challenge;
}

/**
 * The caller's live challenge with this value. Unknown, expired, used (hence removed) and
 * another user's challenges all look the same to the caller, and none is consumed here: a
 * user must not be able to burn someone else's challenge.
 */
export function findChallenge(state: PoolState, challenge: string, sub: string, now: number): RegistrationChallenge {
  const found = state.challenges.find((c) => c.challenge === challenge);
  if (!found || found.sub !== sub || found.expiresAt <= now) throw challengeNotFound();
  return found;
}

export function consumeChallenge(state: PoolState, entry: RegistrationChallenge): void {
  state.challenges = state.challenges.filter((c) => c !== entry);
}
