import 'server-only';
import { randomUUID } from 'node:crypto';
import { seal, unseal, type SealPurpose } from './sealed-claims';
import { sessionTokenSchema, type SessionToken } from './session-token';

/**
 * The handoff from the sign-in popup to the embedded view: how a session made in a top-level
 * window (first-party cookies) reaches the view's own partitioned cookie in the host's iframe.
 *
 * A short-lived sealed value (./sealed-claims: nothing is stored, nobody without the secret can
 * read or forge it). It carries the session token and is bound to
 *   - the portal's origin (`aud`: only the portal, framed, may redeem it),
 *   - the host origin the view said it is framed by (`host`),
 *   - the sign-in's `state`: the SHA-256 of a verifier only the view that started it holds, which
 *     /embed/session requires (lib/embed/handoff-proof.ts: proof of possession, no server state),
 *   - a lifetime of at most 60 s (`exp`), and a `jti` that may be redeemed once per instance.
 */

export const HANDOFF_LIFETIME_SECONDS = 60;
const PURPOSE: SealPurpose = { typ: 'embed-handoff', salt: 'embed-handoff', info: 'cognito-security-portal embed handoff v1' };

export type HandoffBinding = { portalOrigin: string; host: string; state: string };

export async function createHandoff(session: SessionToken, binding: HandoffBinding, secret: string): Promise<string> {
  return seal({ session, host: binding.host, state: binding.state }, PURPOSE, secret, {
    lifetimeSeconds: HANDOFF_LIFETIME_SECONDS,
    issuer: binding.portalOrigin,
    audience: binding.portalOrigin,
    jti: randomUUID(),
  });
}

/**
 * jtis already redeemed, until their handoff would have expired anyway. A second layer only: the
 * verifier is what makes a handoff useless to anyone but the view that started the sign-in. In
 * memory, so per instance (see README, threat model). Whoever holds both the handoff and the
 * verifier is that view's document already; a second redemption would only copy the same tokens
 * into another cookie. Kept because it is cheap and makes a double redemption visible in the log.
 */
const redeemed = new Map<string, number>();
const MAX_REMEMBERED = 10_000;

function remember(jti: string, expiresAt: number, now: number): boolean {
  for (const [id, until] of redeemed) {
    if (until <= now) redeemed.delete(id);
    else break; // insertion order is expiry order (same lifetime for all)
  }
  if (redeemed.has(jti)) return false;
  if (redeemed.size >= MAX_REMEMBERED) redeemed.delete(redeemed.keys().next().value!);
  redeemed.set(jti, expiresAt);
  return true;
}

export type RedeemFailure = 'invalid' | 'expired' | 'binding' | 'reused';

/** Checks everything and spends the handoff; the session token, or why not. */
export async function redeemHandoff(
  handoff: string,
  binding: HandoffBinding,
  secret: string,
  now = Math.floor(Date.now() / 1000),
): Promise<{ ok: true; session: SessionToken } | { ok: false; reason: RedeemFailure }> {
  let payload: Record<string, unknown>;
  try {
    payload = await unseal(handoff, PURPOSE, secret, now, {
      issuer: binding.portalOrigin,
      audience: binding.portalOrigin,
      maxTokenAge: `${HANDOFF_LIFETIME_SECONDS}s`,
      requiredClaims: ['jti', 'exp', 'iat'],
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, reason: code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid' };
  }
  if (payload.host !== binding.host || payload.state !== binding.state) return { ok: false, reason: 'binding' };
  const session = sessionTokenSchema.safeParse(payload.session);
  if (!session.success || typeof payload.jti !== 'string' || typeof payload.exp !== 'number') return { ok: false, reason: 'invalid' };
  if (!remember(payload.jti, payload.exp, now)) return { ok: false, reason: 'reused' };
  return { ok: true, session: session.data };
}
