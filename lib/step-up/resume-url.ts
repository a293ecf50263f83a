import { resumeValue, type ResumeIntent } from './resume-intent';

// The intent in the return URL: only the portal's top-level pages read and write it, so the
// embedded view's JavaScript does not carry this.

export const RESUME_PARAM = 'resume';

// Shapes from Cognito's model: a credential ID is base64url (at most 1364 characters here), a
// device key is <region>_<uuid> (DeviceKeyType, at most 55).
const CREDENTIAL_ID = /^[A-Za-z0-9_-]{1,1364}$/;
const DEVICE_KEY = /^[\w-]+_[0-9a-f-]+$/;


/** The intent named by a `resume` value, or null for anything else. */
export function parseResumeValue(value: string | null | undefined): ResumeIntent | null {
  if (!value) return null;
  if (value === 'add-passkey') return { action: 'add-passkey' };
  const separator = value.indexOf(':');
  const action = value.slice(0, separator);
  const id = value.slice(separator + 1);
  if (action === 'delete-passkey' && CREDENTIAL_ID.test(id)) return { action, id };
  if (action === 'forget-device' && id.length <= 55 && DEVICE_KEY.test(id)) return { action, id };
  return null;
}

/** `path` with the intent in its query, replacing any earlier one. */
export function withResume(path: string, intent: ResumeIntent): string {
  const url = new URL(path, 'http://portal.invalid');
  url.searchParams.set(RESUME_PARAM, resumeValue(intent));
  return `${url.pathname}${url.search}`;
}
