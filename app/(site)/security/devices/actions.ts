'use server';

import type { ActionResult } from '@/lib/cognito/cognito-action';
import type { DeviceRememberedStatus } from '@/lib/cognito/device-input';
import * as security from '@/lib/cognito/security-actions';

/**
 * The Devices section's server actions on /security. Anyone can call these with anything, so each
 * checks its input against the service model before Cognito is called (lib/cognito/security-actions.ts);
 * the device key is bound by the page (`forgetDevice.bind(null, key)`), and Cognito itself refuses
 * a key that is not the caller's.
 */

export async function forgetDevice(deviceKey: string): Promise<ActionResult> {
  return security.forgetDevice(security.PORTAL_SCOPE, deviceKey);
}

export async function setDeviceRemembered(deviceKey: string, status: DeviceRememberedStatus): Promise<ActionResult> {
  return security.setDeviceRemembered(security.PORTAL_SCOPE, deviceKey, status);
}

/** GlobalSignOut; on success this browser's session ends and it goes to the pool's /logout. */
export async function signOutEverywhere(): Promise<ActionResult> {
  return security.signOutEverywhere(security.PORTAL_SCOPE);
}
