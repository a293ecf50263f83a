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

/**
 * For calls Cognito must not receive twice. The SDK repeats a call that timed out, though Cognito
 * may have carried out the first: a repeated CompleteWebAuthnRegistration finds its challenge
 * spent, so the person would be told nothing was saved while the passkey was stored.
 */
export const SINGLE_ATTEMPT_CALL_LIMITS = { ...COGNITO_CALL_LIMITS, maxAttempts: 1 } as const;

let singleAttemptClient: CognitoIdentityProviderClient | undefined;

/** The process's client for calls that go out once (SINGLE_ATTEMPT_CALL_LIMITS). */
export function getSingleAttemptCognitoClient(): CognitoIdentityProviderClient {
  singleAttemptClient ??= createCognitoClient(getPortalConfig().cognito, SINGLE_ATTEMPT_CALL_LIMITS);
  return singleAttemptClient;
}
