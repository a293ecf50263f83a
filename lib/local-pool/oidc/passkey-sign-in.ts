import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PoolContext } from '../context';
import { PoolError } from '../errors';
import { redirect, sendJson } from '../http';
import { passkeysEnabled, passkeysOf } from '../operations/user-auth';
import { findClient } from '../sessions';
import { nowSeconds, type AppClient, type PasskeySignInChallenge } from '../store';
import { sha256 } from '../tokens';
import { AssertionRefused, verifyAssertion } from '../webauthn/assertion';
import { parseAuthenticationDocument, type AuthenticationDocument } from '../webauthn/authentication-document';
import { newWebAuthnChallenge, requestOptions } from '../webauthn/request-options';
import { authorizeUrl, type AuthorizeRequest } from './authorize-request';
import { sendErrorPage, type ErrorPage } from './error-page';
import { readForm } from './form';
import { OAuthError } from './responses';
import { completeSignIn } from './sign-in-completion';
import { csrfMatches, openSignInRequest } from './sign-in-form';
import { message, type PoolLocale } from './i18n/locales';
import { pageLocale } from './language';
import { PASSKEY_REFUSAL_NOTICES, noticeMessageKey, type SignInNotice } from './sign-in-messages';
import { failedSignInLocation } from './sign-in-notices';

/** Open passkey ceremonies kept in all; older ones are dropped. Not a Cognito number: it bounds the state file. */
export const MAX_OPEN_PASSKEY_CHALLENGES = 1000;

/**
 * Whether the hosted page can offer passkeys: they are on, and the pool's own host name is the
 * relying-party ID or a subdomain of it — otherwise the browser would refuse the ceremony
 * (WebAuthn §5.1.4.1). With the defaults (portal and pool both on localhost, RP ID `localhost`)
 * it can: passkeys registered in the portal work on the pool's sign-in page.
 */
export function passkeysOfferedOnPage(ctx: PoolContext): boolean {
  if (!passkeysEnabled(ctx)) return false;
  const host = new URL(ctx.config.endpoint).hostname;
  const rpId = ctx.config.webauthn.relyingPartyId;
  return host === rpId || host.endsWith(`.${rpId}`);
}

/** Where a ceremony on the hosted page may have run: the pool's own origin, and the allowed origins. */
const pageOrigins = (ctx: PoolContext) => [...new Set([new URL(ctx.config.endpoint).origin, ...ctx.config.webauthn.allowedOrigins])];

type CheckedForm = { form: URLSearchParams; sealed: string; csrfField: string; request: AuthorizeRequest; client: AppClient; locale: PoolLocale };
type FormProblem = ErrorPage & { status: number; locale: PoolLocale };

/** The checks every post from the sign-in page passes first, as /login makes them: sealed request, CSRF pair, expiry, client. */
async function checkSignInForm(ctx: PoolContext, req: IncomingMessage): Promise<CheckedForm | FormProblem> {
  let form: URLSearchParams;
  try {
    form = await readForm(req);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    return { status: 400, locale: pageLocale(ctx, req), title: 'error.cannotSignIn', message: 'error.formUnreadable' };
  }
  const sealed = form.get('request') ?? '';
  const opened = openSignInRequest(ctx, sealed);
  if (!opened) return { status: 400, locale: pageLocale(ctx, req), title: 'error.cannotSignIn', message: 'error.formInvalid' };
  const { request } = opened;
  const locale = pageLocale(ctx, req, request.lang);
  const retryUrl = authorizeUrl(ctx, request);
  const csrfField = form.get('csrf') ?? '';
  if (!csrfMatches(ctx, req, csrfField)) {
    return { status: 403, locale, title: 'error.cannotSignIn', message: 'error.formUnchecked', retryUrl };
  }
  if (opened.expired) return { status: 400, locale, title: 'error.formExpiredTitle', message: 'error.formExpired', retryUrl };
  const client = findClient(ctx, request.clientId);
  if (!client || !client.callbackUrls.includes(request.redirectUri)) {
    return { status: 400, locale, title: 'error.cannotSignIn', message: 'error.clientGone' };
  }
  return { form, sealed, csrfField, request, client, locale };
}

/** A stable credential ID that belongs to nobody, offered for a username with no passkeys so the answer does not tell which usernames have some. */
function decoyCredentialId(ctx: PoolContext, username: string): string {
  return createHmac('sha256', ctx.store.state.secret).update(`passkey-decoy:${username}`).digest('base64url');
}

/**
 * `POST /passkey/options` (the page's script, form-encoded: request, csrf, username): request
 * options for a WebAuthn get ceremony, as JSON. Without a username: a discoverable-credential
 * sign-in (empty allowCredentials); with one: that user's passkeys only, and only they can sign
 * in with the answer. The challenge is kept server-side, bound to this page's sealed request,
 * single-use and short-lived.
 */
export async function handlePasskeyOptions(req: IncomingMessage, res: ServerResponse, ctx: PoolContext): Promise<void> {
  const checked = await checkSignInForm(ctx, req);
  if (!('form' in checked)) {
    const problem = message(checked.locale, checked.message);
    const text = checked.retryUrl ? message(checked.locale, 'error.withRetry', { message: problem }) : problem;
    sendJson(res, checked.status, { message: text, ...(checked.retryUrl ? { retryUrl: checked.retryUrl } : {}) });
    return;
  }
  if (!passkeysOfferedOnPage(ctx)) {
    sendJson(res, 400, { message: message(checked.locale, noticeMessageKey('passkeys-off')) });
    return;
  }
  const username = (checked.form.get('username') ?? '').trim() || undefined;
  let allow: Array<{ credentialId: string; transports: string[] }> = [];
  if (username) {
    const user = ctx.store.state.users.find((u) => u.username === username);
    const theirs = user ? passkeysOf(ctx, user.sub) : [];
    allow = theirs.length > 0 ? theirs : [{ credentialId: decoyCredentialId(ctx, username), transports: [] }];
  }
  const challenge = newWebAuthnChallenge();
  const ttl = ctx.config.sessions.authFlowTtlSeconds;
  const now = nowSeconds();
  let kept = ctx.store.state.passkeyChallenges.filter((c) => c.expiresAt > now);
  if (kept.length >= MAX_OPEN_PASSKEY_CHALLENGES) kept = kept.slice(kept.length - (MAX_OPEN_PASSKEY_CHALLENGES - 1));
  kept.push({ challenge, requestHash: sha256(checked.sealed), clientId: checked.client.clientId, ...(username ? { username } : {}), expiresAt: now + ttl });
  ctx.store.state.passkeyChallenges = kept;
  await ctx.store.commit();
  const { relyingPartyId, userVerification } = ctx.config.webauthn;
  sendJson(res, 200, requestOptions({ relyingPartyId, challenge, timeoutSeconds: ttl, userVerification, allow }));
}

/**
 * `POST /passkey/login` (the page's hidden form: request, csrf, username, credential): verifies
 * the assertion and, when it holds, finishes the sign-in exactly as a password sign-in does
 * (device, code with auth_time now, pool session, redirect). A refusal is a 303 to a fresh sign-in
 * page with the reason in its alert (post/redirect/get); the ceremony's challenge is spent either way.
 */
export async function handlePasskeyLogin(req: IncomingMessage, res: ServerResponse, ctx: PoolContext): Promise<void> {
  const checked = await checkSignInForm(ctx, req);
  if (!('form' in checked)) {
    sendErrorPage(ctx, res, checked.locale, checked.status, checked);
    return;
  }
  const { form, sealed, request, client } = checked;
  const username = form.get('username') ?? '';
  const refuse = (notice: SignInNotice) => redirect(res, failedSignInLocation(ctx, req, request, notice, username), {}, 303);
  if (!passkeysOfferedOnPage(ctx)) {
    refuse('passkeys-off');
    return;
  }

  let document: AuthenticationDocument;
  try {
    document = parseAuthenticationDocument(form.get('credential') ?? '', 'credential');
  } catch (error) {
    if (!(error instanceof PoolError)) throw error;
    refuse('passkey-unreadable');
    return;
  }

  const state = ctx.store.state;
  const now = nowSeconds();
  const entry: PasskeySignInChallenge | undefined = state.passkeyChallenges.find((c) => c.challenge === document.clientData.challenge);
  // Another page's challenge is left alone: a page must not be able to spend someone else's ceremony.
  if (!entry || entry.requestHash !== sha256(sealed) || entry.clientId !== client.clientId || entry.expiresAt <= now) {
    refuse('passkey-challenge');
    return;
  }
  // Spent before the first await, so the same answer cannot be used twice.
  state.passkeyChallenges = state.passkeyChallenges.filter((c) => c !== entry);

  let expectedSub: string | undefined;
  if (entry.username !== undefined) {
    // Username-first: only that user's passkeys count. An unknown username matches no passkey.
    expectedSub = state.users.find((u) => u.username === entry.username)?.sub ?? '';
  }
  let sub: string;
  try {
    const credential = await verifyAssertion(state, document, {
      challenge: entry.challenge,
      origins: pageOrigins(ctx),
      relyingPartyId: ctx.config.webauthn.relyingPartyId,
      requireUserVerification: ctx.config.webauthn.userVerification === 'required',
      sub: expectedSub,
    });
    sub = credential.sub;
  } catch (error) {
    await ctx.store.commit();
    if (!(error instanceof AssertionRefused)) throw error;
    refuse(PASSKEY_REFUSAL_NOTICES[error.reason]);
    return;
  }
  const user = state.users.find((u) => u.sub === sub);
  if (!user) {
    await ctx.store.commit();
    refuse('passkey-unknown');
    return;
  }
  // completeSignIn commits the spent challenge and the passkey's new counter with the sign-in.
  await completeSignIn(ctx, req, res, { user, client, request, method: 'passkey' });
}
