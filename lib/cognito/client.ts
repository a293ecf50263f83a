import 'server-only';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { getPortalConfig, type PortalConfig } from '@/lib/config/env';

/**
 * Bounds on one SDK call, so a dead or hung pool fails within about
 * maxAttempts × (connection + request timeout) plus the SDK's short back-off, instead of hanging a page.
 */
export const COGNITO_CALL_LIMITS = {
  maxAttempts: 2,
  connectionTimeoutMs: 2_000,
  requestTimeoutMs: 5_000,
} as const;

/** Builds the SDK client: the pool's region, and the local pool's endpoint when there is one. */
export function createCognitoClient(
  cognito: Pick<PortalConfig['cognito'], 'region' | 'sdkEndpoint'>,
  limits: { maxAttempts: number; connectionTimeoutMs: number; requestTimeoutMs: number } = COGNITO_CALL_LIMITS,
): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: cognito.region,
    ...(cognito.sdkEndpoint ? { endpoint: cognito.sdkEndpoint } : {}),
    maxAttempts: limits.maxAttempts,
    requestHandler: {
      connectionTimeout: limits.connectionTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Without this the handler only logs a warning when the timeout passes and keeps waiting.
      throwOnRequestTimeout: true,
    },
  });
}

let client: CognitoIdentityProviderClient | undefined;

/** The process's one SDK client (it pools connections, so it is shared). */
export function getCognitoClient(): CognitoIdentityProviderClient {
  client ??= createCognitoClient(getPortalConfig().cognito);
  return client;
}
