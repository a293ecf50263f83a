/** The portal's words about signing in (its /sign-in page and the home page's way in), in one place. */
export const SIGN_IN_MESSAGES = {
  heading: 'Sign in',
  action: 'Sign in',
  explanation: 'You will be taken to your organisation’s sign-in page, and brought back here afterwards.',
  sessionEnded: 'Your session has ended. Please sign in again to continue.',
  // OAuthSignin: next-auth could not even start, which in practice means the pool's discovery
  // document did not come (the pool is down or unreachable), so say that rather than a bare "did not work".
  couldNotStart: 'Signing in could not start because the sign-in service did not answer. Please try again in a moment.',
  didNotWork: 'Signing in did not work. Please try again.',
} as const;
