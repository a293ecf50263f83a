// The user-pool settings the portal depends on, in one place: the CDK app (infra/) builds the real
// pool from this, and the local pool (lib/local-pool/) boots from it, so the two cannot drift.
// infra/test/parity.test.ts fails when the synthesized template and the local pool's effective
// configuration disagree. Data only: no imports, no code (the local pool must not import the
// portal, and infra/ is its own package; both read this file).

export type FirstAuthFactor = 'PASSWORD' | 'WEB_AUTHN' | 'EMAIL_OTP' | 'SMS_OTP';

export type PoolDefinition = {
  /**
   * The passkeys' relying-party ID: the portal's host name (so the portal's own pages can add
   * passkeys); with a custom managed-login domain, the closest parent domain of both.
   */
  relyingPartyIdRule: 'portal-host-or-common-parent-with-custom-domain';
  userVerification: 'required' | 'preferred';
  /** Choice-based sign-in: what may come first. */
  allowedFirstAuthFactors: readonly FirstAuthFactor[];
  deviceTracking: { challengeRequiredOnNewDevice: boolean; deviceOnlyRememberedOnUserPrompt: boolean };
  /** String attributes (Cognito's `custom:` prefix included), all mutable. */
  customAttributes: readonly { name: `custom:${string}`; minLength: number; maxLength: number }[];
  portalClient: {
    scopes: readonly string[];
    explicitAuthFlows: readonly string[];
    /** Appended to the portal's origin (NEXTAUTH_URL). */
    callbackPaths: readonly string[];
    logoutPaths: readonly string[];
    readAttributes: readonly string[];
    writeAttributes: readonly string[];
    /** Off: the portal refreshes at the token endpoint, and several instances would race a rotated token. */
    refreshTokenRotation: { feature: 'ENABLED' | 'DISABLED'; retryGracePeriodSeconds: number };
  };
  tokens: { accessTokenSeconds: number; idTokenSeconds: number; refreshTokenSeconds: number; authSessionSeconds: number };
};

export const PASSKEYS_ATTRIBUTE = 'custom:passkeys';

export const portalPoolDefinition = {
  relyingPartyIdRule: 'portal-host-or-common-parent-with-custom-domain',
  userVerification: 'required',
  allowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'],
  // Every device that signs in is remembered (Cognito's "Always"): the Security page lists them.
  deviceTracking: { challengeRequiredOnNewDevice: false, deviceOnlyRememberedOnUserPrompt: false },
  customAttributes: [{ name: PASSKEYS_ATTRIBUTE, minLength: 0, maxLength: 2048 }],
  portalClient: {
    scopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
    explicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    callbackPaths: ['/api/auth/callback/cognito', '/api/auth-popup/callback'],
    logoutPaths: ['/'],
    readAttributes: ['email', 'email_verified', 'name', 'preferred_username', PASSKEYS_ATTRIBUTE],
    writeAttributes: ['email', 'name', 'preferred_username', PASSKEYS_ATTRIBUTE],
    refreshTokenRotation: { feature: 'DISABLED', retryGracePeriodSeconds: 0 },
  },
  tokens: { accessTokenSeconds: 3600, idTokenSeconds: 3600, refreshTokenSeconds: 30 * 86400, authSessionSeconds: 180 },
} as const satisfies PoolDefinition;
