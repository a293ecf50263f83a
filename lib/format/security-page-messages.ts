/**
 * The words of the Security page's frame: the account menu, the summary at the top and the
 * "If you think someone else has access" section, in one place until translations land.
 */

export const ACCOUNT_MENU_LABEL = (name: string) => `Account: ${name}`;
export const SIGNED_IN_AS = 'Signed in as';
export const SECURITY_SETTINGS_LINK = 'Security settings';

export const SUMMARY_HEADING = 'At a glance';
export const SUMMARY_LOADING = 'Loading your summary…';
export const SUMMARY_PASSKEYS_TERM = 'Passkeys';
export const SUMMARY_DEVICES_TERM = 'Signed-in devices';
export const SUMMARY_PASSWORDLESS_TERM = 'Sign in without a password';
export const SUMMARY_NEXT_STEP_TERM = 'Next step';
export const SUMMARY_NOT_LOADED = 'Could not be loaded';
export const PASSWORDLESS_YES = 'Yes, with a passkey';
export const PASSWORDLESS_NO = 'Not yet';

/** "1", "20", or "More than 20" when the list was cut short. */
export const countWords = (count: number, complete: boolean) => (complete ? String(count) : `More than ${count}`);

export const NEXT_STEPS = {
  'add-first': 'Add a passkey so you can sign in without a password.',
  'add-second': 'You have only one passkey: add a second in case you lose this device.',
} as const;
export const NEXT_STEP_ACTION = 'Go to Passkeys';
export const NO_NEXT_STEP = 'Nothing to do: you have more than one passkey.';

export const ACCESS_HEADING = 'If you think someone else has access';
export const ACCESS_WHAT_IT_DOES =
  'Sign out everywhere ends every session of your account, in this portal and in every other app, and cancels every refresh token, so nobody can stay signed in with them. This browser is signed out too.';
export const accessWhatItDoesNot = (lifetime: string) =>
  `It cannot take back access tokens already given to apps: the sign-in service refuses them, but an app that checks them itself may accept them until they expire, ${lifetime} at most. A browser that is still signed in at your organisation’s sign-in page may be able to sign in again without a password.`;
export const ACCESS_CHANGE_PASSWORD =
  'If you sign in with a password, change it as well, at your organisation’s sign-in page, and delete any passkey or forget any device you do not recognise.';
export const LIFETIME_UNKNOWN = 'up to 24 hours (the longest a Cognito access token can last)';
