import 'server-only';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { getPortalConfig, type PortalConfig } from '@/lib/config/env';
import { mayHaveReachedCognito, OUTCOME_UNKNOWN_ERROR } from './errors';

/**
 * Bounds on one SDK call, so a dead or stalled pool gives the person a message in bounded time
 * instead of hanging a page. Cognito answers the portal's calls in well under a second, so one
 * that has not answered in 4 s is stalled: a call that changes nothing fails within about
 * maxAttempts × (connection or request timeout) plus the SDK's short back-off (under 9 s, so a
 * page with its sections shows its messages within ten), a change within one request timeout.
 */
export const COGNITO_CALL_LIMITS = {
  maxAttempts: 2,
  connectionTimeoutMs: 2_000,
  requestTimeoutMs: 4_000,
} as const;

/**
 * The operations the portal calls that change nothing a person sees, so sending one again after
 * a timeout is harmless. StartWebAuthnRegistration only makes a new challenge, which replaces the
 * last one.
 */
const SAFE_TO_REPEAT: ReadonlySet<string> = new Set(['ListWebAuthnCredentials', 'ListDevices', 'GetDevice', 'GetUser', 'GetUserAuthFactors', 'StartWebAuthnRegistration']);

type Middleware = Parameters<CognitoIdentityProviderClient['middlewareStack']['addRelativeTo']>[0];
type Next = (args: unknown) => Promise<unknown>;

/**
 * A change (DeleteWebAuthnCredential, ForgetDevice, GlobalSignOut, …) that timed out or lost its
 * connection after it was sent may have been made, only late: the SDK would send it again, and
 * the second answer would mislead (CompleteWebAuthnRegistration: "challenge not found", though the
 * passkey was added). Such a failure is renamed, which the SDK does not retry and the error map
 * reads as `outcome-unknown`. Changes that surely never left (connection refused) are retried.
 * It sits inside the SDK's retry loop, so it sees every attempt.
 */
function noBlindRetryOfChanges(client: CognitoIdentityProviderClient) {
  const middleware = (next: Next, context: { commandName?: string }) => async (args: unknown) => {
    try {
      return await next(args);
    } catch (error) {
      const operation = String(context.commandName ?? '').replace(/Command$/, '');
      if (SAFE_TO_REPEAT.has(operation) || !mayHaveReachedCognito(error)) throw error;
      const { name, message } = error as Error;
      // No `cause`: the SDK would find the timeout in it and retry after all.
      throw Object.assign(new Error(`${operation} got no answer (${name}: ${message}); it may have been carried out.`), {
        name: OUTCOME_UNKNOWN_ERROR,
        $metadata: {},
      });
    }
  };
  client.middlewareStack.addRelativeTo(middleware as Middleware, {
    relation: 'after',
    toMiddleware: 'retryMiddleware',
    name: 'portalNoBlindRetryOfChanges',
    override: true,
  });
  return client;
}

/** Builds the SDK client: the pool's region, and the local pool's endpoint when there is one. */
export function createCognitoClient(
  cognito: Pick<PortalConfig['cognito'], 'region' | 'sdkEndpoint'>,
  limits: { maxAttempts: number; connectionTimeoutMs: number; requestTimeoutMs: number } = COGNITO_CALL_LIMITS,
): CognitoIdentityProviderClient {
  return noBlindRetryOfChanges(
    new CognitoIdentityProviderClient({
      region: cognito.region,
      ...(cognito.sdkEndpoint ? { endpoint: cognito.sdkEndpoint } : {}),
      maxAttempts: limits.maxAttempts,
      requestHandler: {
        connectionTimeout: limits.connectionTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        // Without this the handler only logs a warning when the timeout passes and keeps waiting.
        throwOnRequestTimeout: true,
      },
    }),
  );
}

let client: CognitoIdentityProviderClient | undefined;

/** The process's one SDK client (it pools connections, so it is shared). */
export function getCognitoClient(): CognitoIdentityProviderClient {
  client ??= createCognitoClient(getPortalConfig().cognito);
  return client;
}
