// The user-pool settings the portal depends on. Data only.
export const portalSettings = {
  webauthn: { userVerification: 'required' },
  allowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'],
  deviceTracking: { challengeRequiredOnNewDevice: false, deviceOnlyRememberedOnUserPrompt: true },
  customAttributes: { passkeys: { type: 'String', maxLength: 2048, mutable: true } },
  client: {
    scopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
    explicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    callbackPaths: ['/api/auth/callback/cognito', '/api/auth-popup/callback'],
    logoutPaths: ['/'],
    readAttributes: ['email', 'email_verified', 'name', 'custom:passkeys'],
    writeAttributes: ['email', 'name', 'custom:passkeys'],
    refreshTokenRotation: false,
  },
  tokens: { accessTokenMinutes: 60, idTokenMinutes: 60, refreshTokenDays: 30, authSessionMinutes: 3 },
} as const;
