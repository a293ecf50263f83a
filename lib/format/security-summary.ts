import { NEXT_STEPS } from './security-page-messages';

export type NextStep = keyof typeof NEXT_STEPS;

/**
 * The one thing the summary asks the person to do, or null. From the number of passkeys only
 * (null when the list could not be loaded: no advice is better than wrong advice).
 */
export function nextStep(passkeys: number | null): NextStep | null {
  if (passkeys === null) return null;
  if (passkeys === 0) return 'add-first';
  if (passkeys === 1) return 'add-second';
  return null;
}

/** Whether the person can sign in without a password: with at least one passkey. Null when unknown. */
export function canSignInWithoutPassword(passkeys: number | null): boolean | null {
  return passkeys === null ? null : passkeys > 0;
}

/**
 * How long an access token lives, in words ("1 hour", "5 minutes", "1 hour 30 minutes"), from
 * its lifetime in seconds; null when the lifetime is not a sensible number.
 */
export function lifetimeWords(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0 || seconds > 366 * 24 * 3600) return null;
  if (seconds < 60) return `${Math.round(seconds)} seconds`;
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (hours === 0) return unit(rest, 'minute');
  return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
}

/** An access token's lifetime from its claims: exp − iat, or null when either is missing or odd. */
export function lifetimeFromClaims(claims: Record<string, unknown>): number | null {
  const { exp, iat } = claims;
  if (typeof exp !== 'number' || typeof iat !== 'number' || !Number.isInteger(exp) || !Number.isInteger(iat) || exp <= iat) return null;
  return exp - iat;
}
