import type { PoolContext } from '../context';
import { startSession } from '../sessions';
import { nowSeconds, type AppClient, type AuthorizationCode } from '../store';
import { sha256 } from '../tokens';
import { findAuthorizationCode } from './auth-codes';
import { singleParam } from './form';
import { verifierMatchesChallenge } from './pkce';
import { OAuthError } from './responses';
import { tokenResponse, type TokenResponse } from './token-response';

/** Codes replayed while their first exchange was still signing tokens: that exchange must not hand them out. */
const replayedDuringExchange = new WeakSet<AuthorizationCode>();

/**
 * A code presented twice was probably stolen, and either party may be the thief: the
 * sign-in the first exchange started is revoked too (RFC 6749 §4.1.2).
 */
function revokeSignInFromCode(ctx: PoolContext, grant: AuthorizationCode) {
  const session = grant.originJti ? ctx.store.state.sessions.find((s) => s.originJti === grant.originJti) : undefined;
  if (session && session.revokedAt === undefined) session.revokedAt = nowSeconds();
}

const invalidGrant = (description: string) => new OAuthError('invalid_grant', description);

/** `grant_type=authorization_code`: a code from /login, bound to its client, redirect address and PKCE challenge. */
export async function exchangeAuthorizationCode(ctx: PoolContext, client: AppClient, form: URLSearchParams): Promise<TokenResponse> {
  const code = singleParam(form, 'code');
  const redirectUri = singleParam(form, 'redirect_uri');
  const verifier = singleParam(form, 'code_verifier');
  if (!code) throw new OAuthError('invalid_request', 'code is required.');
  if (!redirectUri) throw new OAuthError('invalid_request', 'redirect_uri is required.');

  const grant = findAuthorizationCode(ctx, code);
  if (!grant || grant.clientId !== client.clientId) throw invalidGrant('The authorization code is not valid.');
  if (grant.redeemedAt !== undefined) {
    if (grant.originJti) {
      revokeSignInFromCode(ctx, grant);
      await ctx.store.commit();
    } else {
      replayedDuringExchange.add(grant);
    }
    throw invalidGrant('The authorization code has already been used.');
  }
  if (grant.expiresAt <= nowSeconds()) throw invalidGrant('The authorization code has expired.');
  if (grant.redirectUri !== redirectUri) throw invalidGrant('redirect_uri differs from the one the code was issued for.');
  if (grant.codeChallenge) {
    if (!verifier || !verifierMatchesChallenge(verifier, grant.codeChallenge)) throw invalidGrant('code_verifier does not match the code challenge.');
  } else if (verifier) {
    throw invalidGrant('The code was issued without a code challenge.');
  }
  const user = ctx.store.state.users.find((u) => u.sub === grant.sub);
  if (!user) throw invalidGrant('The user who signed in no longer exists.');
  // The device may have been forgotten since sign-in; its key must not outlive it in new tokens.
  const deviceKey = ctx.store.state.devices.some((d) => d.deviceKey === grant.deviceKey && d.sub === user.sub) ? grant.deviceKey : undefined;

  // Spent before the first await, so a concurrent second exchange already finds it used.
  grant.redeemedAt = nowSeconds();
  const tokens = await startSession(ctx, user, client, { scope: grant.scope, authTime: grant.authTime, deviceKey, nonce: grant.nonce });
  const refreshHash = sha256(tokens.refreshToken ?? '');
  grant.originJti = ctx.store.state.sessions.find((s) => s.refreshTokenHash === refreshHash)?.originJti;
  if (replayedDuringExchange.has(grant)) {
    revokeSignInFromCode(ctx, grant);
    await ctx.store.commit();
    throw invalidGrant('The authorization code has already been used.');
  }
  await ctx.store.commit();
  return tokenResponse(tokens);
}
