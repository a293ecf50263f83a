'use server';

import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import type { ActionResult } from '@/lib/cognito/cognito-action';
import type { DeviceRememberedStatus } from '@/lib/cognito/device-input';
import * as security from '@/lib/cognito/security-actions';

// The embedded view's actions: the same as /security's, on the embedded view's partitioned session.

export async function startAddingPasskey(): Promise<ActionResult<PublicKeyCredentialCreationOptionsJSON>> {
  return security.startAddingPasskey(security.EMBED_SCOPE);
}

export async function finishAddingPasskey(credential: unknown): Promise<ActionResult> {
  return security.finishAddingPasskey(security.EMBED_SCOPE, credential);
}

export async function deletePasskey(credentialId: unknown): Promise<ActionResult> {
  return security.deletePasskey(security.EMBED_SCOPE, credentialId);
}

export async function forgetDevice(deviceKey: string): Promise<ActionResult> {
  return security.forgetDevice(security.EMBED_SCOPE, deviceKey);
}

export async function setDeviceRemembered(deviceKey: string, status: DeviceRememberedStatus): Promise<ActionResult> {
  return security.setDeviceRemembered(security.EMBED_SCOPE, deviceKey, status);
}

export async function signOutEverywhere(): Promise<ActionResult> {
  return security.signOutEverywhere(security.EMBED_SCOPE);
}
