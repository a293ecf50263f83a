import type { AssertionFailure } from '../webauthn/assertion';
import type { PoolMessageKey } from './i18n/locales';

// The words of the pool's hosted pages are in its catalogues (i18n/catalogs/, one per language);
// this module holds what the pages say by code.

/**
 * Why the last attempt failed, by code. After a failed sign-in the pool redirects to a fresh form
 * (post/redirect/get) that names one of these codes, so the page can only ever show one of the
 * catalogue's sentences for them: nothing in a URL can make it say anything else.
 */
export const SIGN_IN_NOTICE_CODES = [
  'wrong-password',
  'passkey-unknown',
  'passkey-unverified',
  'passkey-challenge',
  'passkey-user-verification',
  'passkey-counter',
  'passkey-origin',
  'passkey-relying-party',
  'passkey-unreadable',
  'passkeys-off',
] as const;

export type SignInNotice = (typeof SIGN_IN_NOTICE_CODES)[number];

/** The catalogue key of a notice's sentence. */
export const noticeMessageKey = (notice: SignInNotice): PoolMessageKey => `notice.${notice}`;

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
