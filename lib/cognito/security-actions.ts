import 'server-only';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { clearSessionCookies } from '@/lib/auth/end-session';
import type { SessionKind } from '@/lib/auth/session-cookie';
import { cognitoAction, errorWords, invalidInput, type ActionResult } from './cognito-action';
import { forgetDeviceInput, setDeviceRememberedInput, type DeviceRememberedStatus } from './device-input';
import * as devices from './devices';
import { inAddPasskeyWords } from '@/lib/format/add-passkey-failure';
import { toCognitoError } from './errors';
import { poolLogoutUrl } from './oauth';
import { parseCredentialId, parseRegistrationCredential } from './passkey-input';
import { completePasskeyRegistration, deletePasskey as deleteWebAuthnCredential, startPasskeyRegistration } from './passkeys';
import { lastPasskeyRefusal } from './passkey-detail-actions';
import { rememberNewPasskey, type AddedPasskey } from './remember-new-passkey';

/**
 * What the Security page's server actions do, for either page that shows the sections: the
 * portal's /security (its own session, sign-in by redirect) and the embedded /embed/security (the
 * partitioned embed session; an ended session is a result, never a redirect). The `'use server'`
 * modules (app/(site)/security/*, app/embed/security/actions.ts) only choose the scope.
 *
 * One rule for step-up: every action that changes a way to sign in or the trust in a device
 * (adding a passkey, start and finish; deleting one; forgetting or (un)remembering a device) needs
 * a recent sign-in, checked here before any Cognito call. Only signing out everywhere does not: it
 * only protects.
 */
export type ActionScope = { session: SessionKind; page: '/security' | '/embed/security' };

export const PORTAL_SCOPE: ActionScope = { session: 'portal', page: '/security' };
export const EMBED_SCOPE: ActionScope = { session: 'embed', page: '/embed/security' };

/** A refused input is someone posting to an action by hand, or a broken client: worth a quiet line. */
function logRejectedInput(action: string, reason: string) {
  console.info(JSON.stringify({ event: 'security_action_input_rejected', action, reason: reason.slice(0, 500) }));
}

export async function startAddingPasskey(scope: ActionScope): Promise<ActionResult<PublicKeyCredentialCreationOptionsJSON>> {
  const result = await cognitoAction(scope.page, (session) => startPasskeyRegistration(session.accessToken), {
    session: scope.session,
    // Checked again at the finish: time is kept back here so that check rarely trips mid-ceremony.
    recentSignIn: 'to-start-a-ceremony',
  });
  // Perhaps another tab added passkeys meanwhile: show the list as it is now.
  if (!result.ok && result.code === 'limit-exceeded') revalidatePath(scope.page);
  return result.ok ? result : inAddPasskeyWords(result, await errorWords());
}

/** `userHandle`: Cognito's `user.id` from the options (kept with the passkey details, for the Signal API). */
export async function finishAddingPasskey(scope: ActionScope, credential: unknown, userHandle?: unknown): Promise<ActionResult<AddedPasskey>> {
  const parsed = parseRegistrationCredential(credential);
  if (!parsed.success) {
    logRejectedInput('finishAddingPasskey', parsed.reason);
    // In the add-passkey words: the browser sent it in a form that could not be used.
    return invalidInput((await errorWords())('addInvalidInput'));
  }
  const result = await cognitoAction(
    scope.page,
    async (session) => {
      await completePasskeyRegistration(session.accessToken, parsed.data);
      // Only now that Cognito accepted it: what the authenticator said about it.
      return rememberNewPasskey(session.accessToken, parsed.data, userHandle);
    },
    // A passkey is a way to sign in: a stale sign-in adds nothing, whatever the start allowed.
    { revalidate: scope.page, session: scope.session, recentSignIn: true },
  );
  // The limit: another tab added some. No answer in time: the passkey may be stored. Show the list as it is.
  if (!result.ok && (result.code === 'limit-exceeded' || result.code === 'outcome-unknown')) revalidatePath(scope.page);
  return result.ok ? result : inAddPasskeyWords(result, await errorWords());
}

export async function deletePasskey(scope: ActionScope, credentialId: unknown): Promise<ActionResult> {
  const parsed = parseCredentialId(credentialId);
  if (!parsed.success) {
    logRejectedInput('deletePasskey', parsed.reason);
    return invalidInput((await errorWords())('deletePasskeyUnidentified'));
  }
  const result = await cognitoAction(
    scope.page,
    async (session) => {
      // Never the last way in: refused here, whatever the page showed.
      const refusal = await lastPasskeyRefusal(session.accessToken, parsed.data);
      if (refusal) return refusal;
      await deleteWebAuthnCredential(session.accessToken, parsed.data);
      return null;
    },
    { revalidate: scope.page, session: scope.session, recentSignIn: true },
  );
  if (result.ok) return result.data ?? { ok: true, data: null };
  // Already gone (deleted in another tab, say): the list the person sees is stale, so refresh it.
  if (result.code === 'not-found') revalidatePath(scope.page);
  return result;
}

export async function forgetDevice(scope: ActionScope, deviceKey: string): Promise<ActionResult> {
  const input = forgetDeviceInput.safeParse({ deviceKey });
  if (!input.success) {
    logRejectedInput('forgetDevice', z.prettifyError(input.error));
    return invalidInput((await errorWords())('deviceNotFound'));
  }
  return cognitoAction(
    scope.page,
    async (session) => {
      await devices.forgetDevice(session.accessToken, input.data.deviceKey);
      return null;
    },
    { revalidate: scope.page, session: scope.session, recentSignIn: true },
  );
}

export async function setDeviceRemembered(scope: ActionScope, deviceKey: string, status: DeviceRememberedStatus): Promise<ActionResult> {
  const input = setDeviceRememberedInput.safeParse({ deviceKey, status });
  if (!input.success) {
    logRejectedInput('setDeviceRemembered', z.prettifyError(input.error));
    return invalidInput((await errorWords())('deviceNotFound'));
  }
  return cognitoAction(
    scope.page,
    async (session) => {
      await devices.setDeviceRemembered(session.accessToken, input.data.deviceKey, input.data.status);
      return null;
    },
    // A remembered device can skip MFA in some pools: device trust is part of how the person signs in.
    { revalidate: scope.page, session: scope.session, recentSignIn: true },
  );
}

/**
 * GlobalSignOut, then this browser's session ends too: its cookies are cleared. On /security the
 * browser then goes to the pool's /logout (which ends the pool's own sign-in session) and back to
 * the home page, as signing out does; the embedded view cannot navigate its frame to the pool, so
 * it gets `ok` and shows itself signed out. On failure nothing is signed out and the person is told
 * why, except when the pool already refuses this session's token: it is over either way, so its
 * cookies are cleared first.
 */
export async function signOutEverywhere(scope: ActionScope): Promise<ActionResult> {
  const result = await cognitoAction(
    scope.page,
    async (session) => {
      try {
        await devices.signOutEverywhere(session.accessToken);
      } catch (error) {
        if (toCognitoError('GlobalSignOut', error).signInAgain) await clearSessionCookies(scope.session);
        throw error;
      }
      await clearSessionCookies(scope.session);
      return null;
    },
    { session: scope.session },
  );
  if (!result.ok || scope.session === 'embed') return result;
  redirect(poolLogoutUrl());
}
