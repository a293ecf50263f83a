'use server';

import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { createAccountBinding } from '@/lib/auth/embed-handoff-account';
import { getPortalSession } from '@/lib/auth/session';
import type { ActionResult } from '@/lib/cognito/cognito-action';
import type { DeviceRememberedStatus } from '@/lib/cognito/device-input';
import * as details from '@/lib/cognito/passkey-detail-actions';
import type { AddedPasskey } from '@/lib/cognito/remember-new-passkey';
import * as security from '@/lib/cognito/security-actions';
import { getPortalConfig } from '@/lib/config/env';
import { allowedHost } from '@/lib/embed/protocol';

// The embedded view's actions: the same as /security's, on the embedded view's partitioned session.

export async function startAddingPasskey(): Promise<ActionResult<PublicKeyCredentialCreationOptionsJSON>> {
  return security.startAddingPasskey(security.EMBED_SCOPE);
}

export async function finishAddingPasskey(credential: unknown, userHandle?: unknown): Promise<ActionResult<AddedPasskey>> {
  return security.finishAddingPasskey(security.EMBED_SCOPE, credential, userHandle);
}

export async function renamePasskey(credentialId: unknown, name: unknown): Promise<ActionResult<{ name: string }>> {
  return details.renamePasskey(security.EMBED_SCOPE, credentialId, name);
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

/**
 * For the add-passkey window the view opens: who this view is signed in as, encrypted and bound to
 * the host (lib/auth/embed-handoff-account.ts), so that window refuses to act for anyone else.
 * Null when the host is not allowed or the view is signed out.
 */
export async function addPasskeyWindowBinding(host: unknown): Promise<string | null> {
  const config = getPortalConfig();
  const allowed = allowedHost(host, config.embedAllowedOrigins);
  const session = allowed ? await getPortalSession('embed') : null;
  if (!allowed || !session) return null;
  return createAccountBinding(session.user.sub, allowed, config.nextAuthSecret);
}
