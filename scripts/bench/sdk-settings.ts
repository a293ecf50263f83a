/**
 * The portal's SDK client settings (lib/cognito/client.ts: COGNITO_CALL_LIMITS and the request
 * handler options), repeated because that module is server-only. The bench's own calls go
 * through a client set up the same way, so "the SDK call alone" differs from the page's calls
 * only in what the page does around them.
 */
export const PORTAL_CLIENT_SETTINGS = {
  maxAttempts: 2,
  requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000, throwOnRequestTimeout: true },
} as const;
