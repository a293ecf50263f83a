import { unstable_rethrow } from 'next/navigation';
import type { ActionResult } from '@/lib/cognito/cognito-action';

/**
 * Runs a device server action from the browser and always settles on a result a person can
 * read. Next's own navigation errors (the action's redirect to sign-in or to the pool's /logout)
 * are rethrown so the router still follows them; anything else (the request never arrived, the
 * server fell over) becomes a retryable failure without details, saying `notSent` (the `devices`
 * catalog's notSent: "That did not go through. Check your connection and try again.").
 */
export async function callDeviceAction(action: () => Promise<ActionResult>, notSent: string): Promise<ActionResult> {
  try {
    return await action();
  } catch (error) {
    unstable_rethrow(error);
    return { ok: false, code: 'unexpected', message: notSent, retryable: true };
  }
}
