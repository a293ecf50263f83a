import type { AssertionFailure } from '../webauthn/assertion';

// The words of the pool's hosted sign-in pages, in one place (as the portal keeps its own in
// *-messages.ts modules), so they can become a catalogue later.

/** Every hosted page's footer: honest about what this page is. */
export const POOL_FOOTER = 'Local user pool: a stand-in for Amazon Cognito’s sign-in, for development and tests.';

export const SIGN_IN_HEADING = 'Sign in';
export const signInLead = (clientName: string) => `to continue to ${clientName}`;
export const ERROR_TITLE_PREFIX = 'Error: ';
export const PASSKEY_BUTTON_LABEL = 'Sign in with a passkey';
export const PASSKEY_HINT = 'Uses a passkey saved on this device or your phone. With a username above, only that account’s passkeys are offered.';
export const FORGOT_PASSWORD_LINK = 'Forgot your password?';

/**
 * Why the last attempt failed, by code. After a failed sign-in the pool redirects to a fresh form
 * (post/redirect/get) that names one of these codes, so the page can only ever show one of these
 * sentences: nothing in a URL can make it say anything else.
 */
export const SIGN_IN_NOTICES = {
  'wrong-password': 'Incorrect username or password.',
  'passkey-unknown': 'That passkey is not registered for an account here. Try another passkey, or sign in with your password.',
  'passkey-unverified': 'That passkey could not be verified. Try again, or sign in with your password.',
  'passkey-challenge': 'That passkey request has expired or was already used. Try again.',
  'passkey-user-verification': 'Your device did not confirm it was you (with a PIN, fingerprint or face). Try again, or sign in with your password.',
  'passkey-counter': 'That passkey could not be trusted, because its use count went backwards. Sign in with your password and check your passkeys.',
  'passkey-origin': 'That passkey answer came from a page this user pool does not accept. Start signing in again from the app.',
  'passkey-relying-party': 'That passkey belongs to a different site. Try another passkey, or sign in with your password.',
  'passkey-unreadable': 'The passkey answer could not be read. Try again, or sign in with your password.',
  'passkeys-off': 'Passkeys are not available for this user pool. Sign in with your password.',
} as const;

export type SignInNotice = keyof typeof SIGN_IN_NOTICES;

export const isSignInNotice = (value: unknown): value is SignInNotice => typeof value === 'string' && Object.hasOwn(SIGN_IN_NOTICES, value);

/** Whether a notice is about a passkey: the page then does not offer passkey autofill again at once (it would loop on the same answer). */
export const isPasskeyNotice = (notice: SignInNotice) => notice.startsWith('passkey');

/** A refused passkey, said calmly and never telling which part of an account exists. */
export const PASSKEY_REFUSAL_NOTICES: Record<AssertionFailure, SignInNotice> = {
  'unknown-credential': 'passkey-unknown',
  'wrong-user': 'passkey-unknown',
  'user-handle': 'passkey-unknown',
  'bad-signature': 'passkey-unverified',
  challenge: 'passkey-challenge',
  'user-verification': 'passkey-user-verification',
  counter: 'passkey-counter',
  origin: 'passkey-origin',
  'relying-party': 'passkey-relying-party',
  invalid: 'passkey-unverified',
};

export const FORGOT_PASSWORD = {
  title: 'Forgot your password?',
  lead: 'This sign-in page belongs to a local user pool, a stand-in for Amazon Cognito used for development and tests. It sends no email or text messages, so it cannot send you a reset code.',
  howHeading: 'To set a new password for a local user:',
  backLink: 'Back to sign in',
  cognito: 'With a real Cognito user pool, managed login’s “Forgot your password?” sends a code to the email address or phone number of the account instead.',
} as const;
