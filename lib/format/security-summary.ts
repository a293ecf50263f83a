export type NextStep = 'add-first' | 'add-second';

/** Each next step's message in the `security` catalog. */
export const NEXT_STEP_KEYS = { 'add-first': 'nextStepAddFirst', 'add-second': 'nextStepAddSecond' } as const satisfies Record<NextStep, string>;

/** Formats one message of the `security` catalog (next-intl's `t`). */
export type SecurityWords = (key: 'lifetimeSeconds' | 'lifetimeMinutes' | 'lifetimeHours' | 'lifetimeHoursMinutes', values: Record<string, number>) => string;

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
 * its lifetime in seconds, in the catalog's language; null when the lifetime is not a sensible number.
 */
export function lifetimeWords(seconds: number | null, t: SecurityWords): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0 || seconds > 366 * 24 * 3600) return null;
  if (seconds < 60) return t('lifetimeSeconds', { seconds: Math.round(seconds) });
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('lifetimeMinutes', { minutes: rest });
  return rest === 0 ? t('lifetimeHours', { hours }) : t('lifetimeHoursMinutes', { hours, minutes: rest });
}

/** An access token's lifetime from its claims: exp − iat, or null when either is missing or odd. */
export function lifetimeFromClaims(claims: Record<string, unknown>): number | null {
  const { exp, iat } = claims;
  if (typeof exp !== 'number' || typeof iat !== 'number' || !Number.isInteger(exp) || !Number.isInteger(iat) || exp <= iat) return null;
  return exp - iat;
}
