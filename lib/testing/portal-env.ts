/** A complete, valid configuration of the portal for a real pool (unit tests of the configuration checks). */
export const VALID_PORTAL_ENV = {
  NEXTAUTH_URL: 'https://security.example.com',
  NEXTAUTH_SECRET: 's'.repeat(40),
  COGNITO_REGION: 'eu-west-1',
  COGNITO_USER_POOL_ID: 'eu-west-1_AbC123xyz',
  COGNITO_CLIENT_ID: 'client1',
  COGNITO_DOMAIN: 'my-portal.auth.eu-west-1.amazoncognito.com',
} as const;
