import type { ResumeIntent } from './resume-intent';

// The step-up's return URL names the intent kept in this tab (./resume-storage.ts) by its ID; the
// stored value is the intent in the form below. Only the portal's top-level pages read and write
// them, so the embedded view's JavaScript does not carry this.

import { RESUME_PARAM } from './resume-param';

export { RESUME_PARAM };

// Shapes from Cognito's model: a credential ID is base64url (at most 1364 characters here), a
// device key is <region>_<uuid> (DeviceKeyType, at most 55).
const CREDENTIAL_ID = /^[A-Za-z0-9_-]{1,1364}$/;
const DEVICE_KEY = /^[\w-]+_[0-9a-f-]+$/;


/** The intent a stored value names, or null for anything else. */
export function parseResumeValue(value: string | null | undefined): ResumeIntent | null {
  if (!value) return null;
  if (value === 'add-passkey') return { action: 'add-passkey' };
  const separator = value.indexOf(':');
  const action = value.slice(0, separator);
  const id = value.slice(separator + 1);
  if (action === 'delete-passkey' && CREDENTIAL_ID.test(id)) return { action, id };
  if ((action === 'forget-device' || action === 'remember-device') && id.length <= 55 && DEVICE_KEY.test(id)) return { action, id };
  return null;
}

/** `path` with the ID of a stored intent in its query, replacing any earlier one. */
export function withResume(path: string, id: string): string {
  const url = new URL(path, 'http://portal.invalid');
  url.searchParams.set(RESUME_PARAM, id);
  return `${url.pathname}${url.search}`;
}

/** `path` (with its query and fragment) without the resume ID. */
export function withoutResume(path: string): string {
  const url = new URL(path, 'http://portal.invalid');
  url.searchParams.delete(RESUME_PARAM);
  return `${url.pathname}${url.search}${url.hash}`;
}
