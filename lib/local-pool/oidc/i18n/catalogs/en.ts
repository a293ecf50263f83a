// English, the source catalogue of the local pool's hosted pages (sign-in, forgot password, errors).
// Placeholders are `{name}`; every other catalogue has exactly the same keys and placeholders
// (i18n.test.ts). Words a person reads only: OAuth error descriptions for the client stay English.
export const en = {
  'page.footer': 'Local user pool: a stand-in for Amazon Cognito’s sign-in, for development and tests.',
  'page.errorTitle': 'Error: {title}',

  'signIn.heading': 'Sign in',
  'signIn.lead': 'to continue to {client}',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.forgotPassword': 'Forgot your password?',
  'signIn.or': 'or',

  'passkey.button': 'Sign in with a passkey',
  'passkey.hint': 'Uses a passkey saved on this device or your phone. With a username above, only that account’s passkeys are offered.',
  'passkey.noscript': 'Signing in with a passkey needs JavaScript.',
  'passkey.unsupported': 'This browser cannot use passkeys here. Sign in with your password instead.',
  'passkey.cancelled': 'The passkey sign-in was cancelled or timed out, or no passkey for this account is on this device. Try again, or sign in with your password.',
  'passkey.securityError': 'This page cannot use passkeys for this site. Sign in with your password instead.',
  'passkey.failed': 'Signing in with a passkey did not work. Try again, or sign in with your password.',
  'passkey.unavailable': 'Passkey sign-in is not available right now. Sign in with your password.',

  'notice.wrong-password': 'Incorrect username or password.',
  'notice.passkey-unknown': 'That passkey is not registered for an account here. Try another passkey, or sign in with your password.',
  'notice.passkey-unverified': 'That passkey could not be verified. Try again, or sign in with your password.',
  'notice.passkey-challenge': 'That passkey request has expired or was already used. Try again.',
  'notice.passkey-user-verification': 'Your device did not confirm it was you (with a PIN, fingerprint or face). Try again, or sign in with your password.',
  'notice.passkey-counter': 'That passkey could not be trusted, because its use count went backwards. Sign in with your password and check your passkeys.',
  'notice.passkey-origin': 'That passkey answer came from a page this user pool does not accept. Start signing in again from the app.',
  'notice.passkey-relying-party': 'That passkey belongs to a different site. Try another passkey, or sign in with your password.',
  'notice.passkey-unreadable': 'The passkey answer could not be read. Try again, or sign in with your password.',
  'notice.passkeys-off': 'Passkeys are not available for this user pool. Sign in with your password.',

  'forgot.title': 'Forgot your password?',
  'forgot.lead': 'This sign-in page belongs to a local user pool, a stand-in for Amazon Cognito used for development and tests. It sends no email or text messages, so it cannot send you a reset code.',
  'forgot.howHeading': 'To set a new password for a local user:',
  'forgot.demoUser': 'The demo user ({user}): set {variable} and restart the pool. On every start it sets the demo user’s password to that value.',
  'forgot.anyUser': 'Any user, with the pool’s control API turned on ({tokenVariable}): {request} with {body} and that token as a Bearer token.',
  'forgot.startOver': 'Start over: stop the pool and delete its state file ({dataVariable}, by default {defaultPath}). Every user, passkey and device is removed, and the demo user is created again.',
  'forgot.cognito': 'With a real Cognito user pool, managed login’s “Forgot your password?” sends a code to the email address or phone number of the account instead.',
  'forgot.back': 'Back to sign in',

  'error.retry': 'Start signing in again',
  'error.withRetry': '{message} Start signing in again.',
  'error.cannotSignIn': 'Cannot sign in',
  'error.cannotSignOut': 'Cannot sign out',
  'error.formExpiredTitle': 'Sign-in form expired',
  'error.pageUnavailableTitle': 'Page not available',
  'error.pageUnavailable': 'Go back to the app and start again from there.',
  'error.formUnreadable': 'The sign-in form could not be read. Go back to the app and sign in again.',
  'error.formInvalid': 'This sign-in form is not valid. Go back to the app and sign in again.',
  'error.formUnchecked': 'This sign-in form could not be checked: it may have been sent from another page, or cookies may be blocked.',
  'error.formExpired': 'This sign-in form was open too long.',
  'error.clientGone': 'The app that sent you here no longer accepts this sign-in.',
  'error.signInLinkRepeated': 'The sign-in link names more than one app or return address.',
  'error.unknownClient': 'The app that sent you here is not known to this user pool.',
  'error.unregisteredRedirect': 'The address the app asked to return to is not registered for it.',
  'error.signOutLinkRepeated': 'The sign-out link names more than one app or return address.',
  'error.unregisteredLogout': 'The address the app asked to return to after signing out is not registered for it.',
} as const;

export type PoolMessageKey = keyof typeof en;

/** A catalogue: a sentence for every key of the English one. */
export type PoolCatalog = Record<PoolMessageKey, string>;
