'use server';

import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { readAccountBinding } from '@/lib/auth/embed-handoff-account';
import { getPortalSession } from '@/lib/auth/session';
import { errorWords, invalidInput, type ActionFailure, type ActionResult } from '@/lib/cognito/cognito-action';
import type { AddedPasskey } from '@/lib/cognito/remember-new-passkey';
import * as security from '@/lib/cognito/security-actions';
import { getPortalConfig } from '@/lib/config/env';
import { allowedHost } from '@/lib/embed/protocol';

// The add-passkey window's actions: /security's, on the portal's own session, but only while that
// session is the account the embedded view is signed in as (its binding, bound to these calls by
// the window: `startAddingPasskey.bind(null, binding, host)`). The page checks the same when it
// renders; this catches a session that changed since (another tab, a step-up as someone else).

async function otherAccount(): Promise<ActionFailure> {
  return invalidInput((await errorWords())('addOtherAccount'));
}

async function sameAccount(binding: unknown, host: unknown): Promise<boolean> {
  const config = getPortalConfig();
  const allowed = allowedHost(host, config.embedAllowedOrigins);
  if (!allowed) return false;
  const [sub, session] = await Promise.all([readAccountBinding(binding, allowed, config.nextAuthSecret), getPortalSession()]);
  return sub !== null && session !== null && sub === session.user.sub;
}

export async function startAddingPasskey(binding: unknown, host: unknown): Promise<ActionResult<PublicKeyCredentialCreationOptionsJSON>> {
  if (!(await sameAccount(binding, host))) return otherAccount();
  return security.startAddingPasskey(security.PORTAL_SCOPE);
}

export async function finishAddingPasskey(binding: unknown, host: unknown, credential: unknown, userHandle?: unknown): Promise<ActionResult<AddedPasskey>> {
  if (!(await sameAccount(binding, host))) return otherAccount();
  return security.finishAddingPasskey(security.PORTAL_SCOPE, credential, userHandle);
}
