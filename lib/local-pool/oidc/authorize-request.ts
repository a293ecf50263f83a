import type { PoolContext } from '../context';
import { findClient } from '../sessions';
import type { AppClient } from '../store';
import { readReauthentication, type ReauthenticationRequest } from './authorize-prompt';
import { singleParam } from './form';
import type { PoolLocale, PoolMessageKey } from './i18n/locales';
import { requestedLang } from './language';
import { isS256Challenge } from './pkce';
import { OAuthError } from './responses';

/** What a sign-in was asked for; it travels sealed through the sign-in form into the code. */
export type AuthorizeRequest = {
  clientId: string;
  redirectUri: string;
  scope: string;
  state?: string;
  codeChallenge?: string;
  nonce?: string;
  /** The language asked for with `lang` (Cognito's managed login parameter), kept for the pool's later pages. */
  lang?: PoolLocale;
} & ReauthenticationRequest;

export type AuthorizeValidation =
  | { kind: 'ok'; request: AuthorizeRequest; client: AppClient }
  /** The client or its redirect address is wrong: sending the browser there would make the pool an open redirector. */
  | { kind: 'show-error'; message: PoolMessageKey; lang?: PoolLocale }
  | { kind: 'redirect-error'; redirectUri: string; state?: string; error: string; description: string };

/** Bounds what an opaque value may make the pool carry around (form field, code, token). */
const MAX_OPAQUE_LENGTH = 1024;

/**
 * Checks a request to /oauth2/authorize the way Cognito does, with PKCE (S256 only)
 * required for clients that have no secret, since they cannot otherwise prove at the
 * token endpoint that they started the sign-in.
 */
export function validateAuthorizeRequest(ctx: PoolContext, query: URLSearchParams): AuthorizeValidation {
  // Never an error of its own: an unknown or hostile `lang` is English, as at Cognito.
  const lang = requestedLang(query);
  const langField = lang ? { lang } : {};
  let clientId: string | undefined;
  let redirectUri: string | undefined;
  try {
    clientId = singleParam(query, 'client_id');
    redirectUri = singleParam(query, 'redirect_uri');
  } catch {
    return { kind: 'show-error', message: 'error.signInLinkRepeated', ...langField };
  }
  const client = clientId ? findClient(ctx, clientId) : undefined;
  if (!client) return { kind: 'show-error', message: 'error.unknownClient', ...langField };
  if (!redirectUri || !client.callbackUrls.includes(redirectUri)) {
    return { kind: 'show-error', message: 'error.unregisteredRedirect', ...langField };
  }

  const state = query.getAll('state').length === 1 ? query.get('state') || undefined : undefined;
  const fail = (error: string, description: string): AuthorizeValidation => ({ kind: 'redirect-error', redirectUri, state, error, description });
  try {
    const responseType = singleParam(query, 'response_type');
    const scopeParam = singleParam(query, 'scope');
    const codeChallenge = singleParam(query, 'code_challenge');
    const codeChallengeMethod = singleParam(query, 'code_challenge_method');
    const nonce = singleParam(query, 'nonce');
    singleParam(query, 'state');
    const reauthentication = readReauthentication(query);

    if (!responseType) return fail('invalid_request', 'response_type is required.');
    if (responseType !== 'code') return fail('unsupported_response_type', 'Only the authorization code flow (response_type=code) is supported.');

    // As at Cognito, leaving out `scope` asks for every scope the client may have.
    const scopes = scopeParam ? [...new Set(scopeParam.split(' ').filter(Boolean))] : client.allowedScopes;
    const unknown = scopes.filter((s) => !client.allowedScopes.includes(s));
    if (unknown.length > 0) return fail('invalid_scope', `The client may not ask for: ${unknown.join(' ')}.`);
    if (scopes.length === 0) return fail('invalid_scope', 'No scope was requested.');

    if (codeChallenge !== undefined || codeChallengeMethod !== undefined) {
      // Without a method, RFC 7636 means "plain", which protects nothing once the authorize URL leaks.
      if (codeChallengeMethod !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256.');
      if (!codeChallenge || !isS256Challenge(codeChallenge)) return fail('invalid_request', 'code_challenge must be a base64url SHA-256 digest.');
    } else if (!client.clientSecret) {
      return fail('invalid_request', 'This client has no secret, so it must use PKCE (code_challenge with S256).');
    }
    if ((state?.length ?? 0) > MAX_OPAQUE_LENGTH || (nonce?.length ?? 0) > MAX_OPAQUE_LENGTH) {
      return fail('invalid_request', `state and nonce may be at most ${MAX_OPAQUE_LENGTH} characters.`);
    }

    const request: AuthorizeRequest = {
      clientId: client.clientId,
      redirectUri,
      scope: scopes.join(' '),
      ...(state !== undefined ? { state } : {}),
      ...(codeChallenge !== undefined ? { codeChallenge } : {}),
      ...(nonce !== undefined ? { nonce } : {}),
      ...langField,
      ...reauthentication,
    };
    return { kind: 'ok', request, client };
  } catch (error) {
    if (error instanceof OAuthError) return fail(error.code, error.message);
    throw error;
  }
}

/** The client's redirect address with the response parameters added (keeping any query it already has). */
export function clientRedirect(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

/** The authorize URL that starts this same sign-in again, e.g. after its form expired. */
export function authorizeUrl(ctx: PoolContext, request: AuthorizeRequest): string {
  const url = new URL('/oauth2/authorize', ctx.config.endpoint);
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: request.scope,
    state: request.state,
    nonce: request.nonce,
    code_challenge: request.codeChallenge,
    code_challenge_method: request.codeChallenge ? 'S256' : undefined,
    // A fresh start must not drop the request for a new sign-in.
    prompt: request.prompt,
    max_age: request.maxAge === undefined ? undefined : String(request.maxAge),
    // The language stays with the sign-in (its fresh form after a failure, "Back to sign in").
    lang: request.lang,
  };
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}
