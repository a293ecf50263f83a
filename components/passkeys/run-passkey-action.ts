import { unstable_rethrow } from 'next/navigation';
import type { ActionResult } from '@/lib/cognito/cognito-action';
import { unreachableFailure } from '@/lib/format/passkey-messages';

/**
 * Calls a passkey server action from the browser. Its own failures come back as typed results;
 * this turns the rest (offline, a deployment that retired the action) into one too. Next's
 * redirect (to sign in again) is re-thrown, so the router can carry it out. `unreachable` is what
 * the person is told then (the `passkeys` catalog's `unreachable`, in their language).
 */
export async function runPasskeyAction<T>(action: () => Promise<ActionResult<T>>, unreachable: string): Promise<ActionResult<T>> {
  try {
    return await action();
  } catch (error) {
    unstable_rethrow(error);
    console.error('A passkey action could not be completed.', error);
    return unreachableFailure(unreachable);
  }
}
