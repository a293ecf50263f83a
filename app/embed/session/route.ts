import { NextResponse, type NextRequest } from 'next/server';
import { redeemHandoff } from '@/lib/auth/embed-handoff';
import { readSessionCookie, sessionCookieClears, sessionCookieName, sessionCookieNames, sessionCookieWrites } from '@/lib/auth/session-cookie';
import { decodeSessionToken, encodeSessionToken, SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-token';
import { revokeSessionRefreshToken } from '@/lib/auth/revoke-session';
import { getPortalConfig } from '@/lib/config/env';
import { provenState } from '@/lib/embed/handoff-proof';
import { allowedHost } from '@/lib/embed/protocol';

export const dynamic = 'force-dynamic';

const refuse = (status: number, reason: string) => {
  console.info(JSON.stringify({ event: 'embed_session_refused', reason }));
  return NextResponse.json({ ok: false, reason }, { status, headers: { 'cache-control': 'no-store' } });
};

/** Only the embedded view itself (a same-origin fetch from the portal's document) may call this. */
function sameOriginCall(request: NextRequest, portalOrigin: string): boolean {
  const site = request.headers.get('sec-fetch-site');
  return request.headers.get('origin') === portalOrigin && (site === null || site === 'same-origin');
}

/**
 * POST: redeems the popup's handoff and sets the embedded view's partitioned session cookie. The
 * request comes from the view in the host's iframe, so the browser stores the cookie in that
 * host's partition. Body: { handoff, verifier, host }. The handoff is sealed for the sign-in's
 * state, which is the SHA-256 of a verifier only the view that started it holds
 * (lib/embed/handoff-proof.ts): without that verifier a handoff is worthless, whoever has it and
 * whatever `Origin` they send. The Origin check stays, so browsers' cross-site posts are refused early.
 */
export async function POST(request: NextRequest) {
  const config = getPortalConfig();
  if (!sameOriginCall(request, config.portalUrl)) return refuse(403, 'cross-origin');
  let body: Record<string, unknown>;
  try {
    body = (await request.json()) as Record<string, unknown>;
  } catch {
    return refuse(400, 'malformed');
  }
  const host = allowedHost(body.host, config.embedAllowedOrigins);
  if (!host || typeof body.handoff !== 'string' || body.handoff.length > 16_000) return refuse(400, 'malformed');
  const state = await provenState(body.verifier);
  if (!state) return refuse(400, 'no-verifier');
  const result = await redeemHandoff(body.handoff, { portalOrigin: config.portalUrl, host, state }, config.nextAuthSecret);
  if (!result.ok) return refuse(400, result.reason);

  const base = sessionCookieName(config.useSecureCookies, 'embed');
  const encoded = await encodeSessionToken(result.session, config.nextAuthSecret);
  const existing = sessionCookieNames(request.cookies.getAll(), base);
  const response = NextResponse.json(
    { ok: true, user: { name: result.session.name ?? null, email: result.session.email ?? null } },
    { headers: { 'cache-control': 'no-store' } },
  );
  for (const write of sessionCookieWrites(encoded, existing, base, config.useSecureCookies, SESSION_MAX_AGE_SECONDS, 'embed')) {
    response.cookies.set(write.name, write.value, write.options);
  }
  return response;
}

/** DELETE: signs the embedded view out: revokes its refresh token and clears its cookie. */
export async function DELETE(request: NextRequest) {
  const config = getPortalConfig();
  if (!sameOriginCall(request, config.portalUrl)) return refuse(403, 'cross-origin');
  const base = sessionCookieName(config.useSecureCookies, 'embed');
  const all = request.cookies.getAll();
  const value = readSessionCookie(all, base);
  const token = value ? await decodeSessionToken(value, config.nextAuthSecret) : null;
  if (token) await revokeSessionRefreshToken(token.cognito.refreshToken);
  const response = NextResponse.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
  for (const clear of sessionCookieClears(sessionCookieNames(all, base), config.useSecureCookies, 'embed')) {
    response.cookies.set(clear.name, clear.value, clear.options);
  }
  return response;
}
