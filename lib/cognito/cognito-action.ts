import 'server-only';
import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { clearSessionCookies } from '@/lib/auth/end-session';
import { getPortalSession, type PortalSession } from '@/lib/auth/session';
import type { SessionKind } from '@/lib/auth/session-cookie';
import { signInPath } from '@/lib/auth/return-path';
import { ceremonyHeadroomSeconds, signedInRecently } from '@/lib/auth/step-up';
import { getPortalConfig } from '@/lib/config/env';
import type { Translate } from '@/lib/i18n/translate';
import { toCognitoError, type CognitoError, type CognitoErrorCode } from './errors';

/**
 * What a server action tells the browser: plain data, or a failure a person can read. The message
 * is already in the request's language (the browser shows it as it is: no catalog, no formatter).
 */
export type ActionFailure = {
  ok: false;
  code: CognitoErrorCode | 'invalid-input' | 'reauthentication-required' | 'last-passkey' | 'details-unavailable';
  message: string;
  retryable: boolean;
};
export type ActionResult<T = null> = { ok: true; data: T } | ActionFailure;

export function invalidInput(message: string): ActionFailure {
  return { ok: false, code: 'invalid-input', message, retryable: false };
}

/**
 * `t` over the `errors` namespace in this request's language (the cookie, else Accept-Language):
 * what the server actions word their failures with.
 */
export async function errorWords(): Promise<Translate> {
  return getTranslations('errors');
}

/**
 * The embedded view cannot be sent to the sign-in page (it cannot be framed): an ended session is
 * a result it shows, offering to sign in again through the popup.
 */
export function embedSessionEnded(t: Translate): ActionFailure {
  return { ok: false, code: 'session-expired', message: t('embedSessionEnded'), retryable: false };
}

/**
 * The sign-in is older than STEP_UP_MAX_AGE: nothing was changed, and the page asks the person to
 * confirm it's them (the pool's sign-in again) before trying once more.
 */
export function reauthenticationRequired(t: Translate): ActionFailure {
  return { ok: false, code: 'reauthentication-required', message: t('reauthenticationRequired'), retryable: false };
}

/**
 * The shape every Security-page action shares (after validating its own input): the
 * session or sign-in, the Cognito call(s) inside try/catch, a typed result, and the
 * navigation (`redirect` throws, so it stays outside the try) and revalidation after it.
 * An error that signing in again can fix sends the person to sign in and back.
 * `recentSignIn`: the change needs a recent sign-in; `'to-start-a-ceremony'` also leaves time to
 * finish the ceremony before the sign-in stops counting as recent (ceremonyHeadroomSeconds).
 */
export async function cognitoAction<T>(
  returnTo: string,
  call: (session: PortalSession) => Promise<T>,
  options: { revalidate?: string; session?: SessionKind; recentSignIn?: boolean | 'to-start-a-ceremony' } = {},
): Promise<ActionResult<T>> {
  const kind = options.session ?? 'portal';
  const session = await getPortalSession(kind);
  if (!session) {
    if (kind === 'embed') return embedSessionEnded(await errorWords());
    redirect(signInPath(returnTo, 'session-ended'));
  }
  // Changing how the person signs in needs a recent sign-in (step-up), checked before any call.
  const maxAge = getPortalConfig().stepUpMaxAgeSeconds;
  const headroom = options.recentSignIn === 'to-start-a-ceremony' ? ceremonyHeadroomSeconds(maxAge) : 0;
  if (options.recentSignIn && !signedInRecently(session.authTime, maxAge - headroom)) {
    console.info(JSON.stringify({ event: 'step_up_required', page: returnTo, session: kind, authTime: session.authTime }));
    return reauthenticationRequired(await errorWords());
  }
  let data: T;
  let failure: CognitoError | undefined;
  try {
    data = await call(session);
  } catch (error) {
    failure = toCognitoError('action', error);
  }
  if (failure?.signInAgain) {
    if (kind === 'embed') {
      await clearSessionCookies('embed');
      return embedSessionEnded(await errorWords());
    }
    redirect(signInPath(returnTo, 'session-ended'));
  }
  if (failure) {
    const { code, message, retryable } = failure.toPublic(await errorWords());
    return { ok: false, code, message, retryable };
  }
  if (options.revalidate) revalidatePath(options.revalidate);
  return { ok: true, data: data! };
}
