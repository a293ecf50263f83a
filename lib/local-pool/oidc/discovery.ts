import type { ServerResponse } from 'node:http';
import type { PoolContext } from '../context';
import { sendJson } from '../http';
import { OPEN_CORS_HEADERS } from './responses';

/**
 * The OpenID Provider metadata, with Cognito's split: discovery and keys under the
 * issuer (`…/{poolId}/.well-known/…`), the user-facing endpoints on the pool's domain.
 */
export function openIdConfiguration(ctx: PoolContext) {
  const { endpoint } = ctx.config;
  const issuer = ctx.tokens.issuer;
  const scopes = new Set(['openid', ...ctx.store.state.clients.flatMap((c) => c.allowedScopes)]);
  return {
    issuer,
    authorization_endpoint: `${endpoint}/oauth2/authorize`,
    token_endpoint: `${endpoint}/oauth2/token`,
    userinfo_endpoint: `${endpoint}/oauth2/userInfo`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    revocation_endpoint: `${endpoint}/oauth2/revoke`,
    end_session_endpoint: `${endpoint}/logout`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: [...scopes],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    code_challenge_methods_supported: ['S256'],
  };
}

// Sent with no-store (sendJson's default): a local pool's key changes whenever its state
// file is thrown away, and a cached old key would make every new token look forged.
export function sendDiscovery(res: ServerResponse, ctx: PoolContext) {
  sendJson(res, 200, openIdConfiguration(ctx), OPEN_CORS_HEADERS);
}

export function sendJwks(res: ServerResponse, ctx: PoolContext) {
  sendJson(res, 200, { keys: [ctx.tokens.publicJwk()] }, OPEN_CORS_HEADERS);
}
