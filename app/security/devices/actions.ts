'use server';

import { redirect } from 'next/navigation';
import { clearSessionCookies } from '@/lib/auth/end-session';
import { cognitoAction, invalidInput, type ActionResult } from '@/lib/cognito/cognito-action';
import { forgetDeviceInput, setDeviceRememberedInput, type DeviceRememberedStatus } from '@/lib/cognito/device-input';
import * as devices from '@/lib/cognito/devices';
import { toCognitoError } from '@/lib/cognito/errors';
import { poolLogoutUrl } from '@/lib/cognito/oauth';

/**
 * The Devices section's server actions. Anyone can call these with anything, so each checks its
 * input against the service model before Cognito is called; the device key is bound by the page
 * (`forgetDevice.bind(null, key)`), and Cognito itself refuses a key that is not the caller's.
 */

const RETURN_TO = '/security';
const BAD_DEVICE = 'That device could not be found. Reload the page and try again.';

export async function forgetDevice(deviceKey: string): Promise<ActionResult> {
  const input = forgetDeviceInput.safeParse({ deviceKey });
  if (!input.success) return invalidInput(BAD_DEVICE);
  return cognitoAction(RETURN_TO, async (session) => {
    await devices.forgetDevice(session.accessToken, input.data.deviceKey);
    return null;
  }, { revalidate: RETURN_TO });
}

export async function setDeviceRemembered(deviceKey: string, status: DeviceRememberedStatus): Promise<ActionResult> {
  const input = setDeviceRememberedInput.safeParse({ deviceKey, status });
  if (!input.success) return invalidInput(BAD_DEVICE);
  return cognitoAction(RETURN_TO, async (session) => {
    await devices.setDeviceRemembered(session.accessToken, input.data.deviceKey, input.data.status);
    return null;
  }, { revalidate: RETURN_TO });
}

/**
 * GlobalSignOut, then this browser's session ends too: its cookies are cleared and the browser
 * goes to the pool's /logout (which ends the pool's own sign-in session) and back to the home
 * page, as signing out does. On failure nothing is signed out and the person is told why, except
 * when the pool already refuses this session's token: it is over either way, so its cookies are
 * cleared before the person is sent to sign in again.
 */
export async function signOutEverywhere(): Promise<ActionResult> {
  const result = await cognitoAction(RETURN_TO, async (session) => {
    try {
      await devices.signOutEverywhere(session.accessToken);
    } catch (error) {
      if (toCognitoError('GlobalSignOut', error).signInAgain) await clearSessionCookies();
      throw error;
    }
    await clearSessionCookies();
    return null;
  });
  if (!result.ok) return result;
  redirect(poolLogoutUrl());
}
