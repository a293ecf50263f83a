import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { PoolContext } from '../context';
import { parseCookies } from '../http';
import { nowSeconds } from '../store';
import { sha256 } from '../tokens';
import type { AuthorizeRequest } from './authorize-request';
import { authorizeUrl } from './authorize-request';
import { csrfCookieName } from './cookies';
import type { SignInNotice } from './sign-in-messages';
import { SIGN_IN_FORM_TTL_SECONDS } from './sign-in-form';

/**
 * Post/redirect/get for the sign-in form: a failed attempt is answered with a 303 to a fresh form
 * (`/oauth2/authorize` again, with a new sealed request and the same `lang`) naming a short-lived notice kept here, in
 * the pool's memory. The URL carries only a random id; the notice holds a code from the one table
 * of messages and the username to keep, and is shown only to the browser that made the attempt
 * (its CSRF cookie). So Back and reload show the same fresh form with the same error and never
 * resubmit a password, the username never appears in a URL or history, and no link can make the
 * page say anything but one of its own sentences. A restarted pool simply shows the plain form.
 */
export const SIGN_IN_NOTICE_PARAM = 'sign_in_notice';

/** Bounds the memory a browser failing over and over could take; the oldest go first. Not a Cognito number. */
export const MAX_SIGN_IN_NOTICES = 1000;

/** A username longer than this is not kept (it was not one of ours anyway). */
const MAX_KEPT_USERNAME_LENGTH = 128;

type StoredNotice = { notice: SignInNotice; username: string; browser: string; expiresAt: number };

const noticesByPool = new WeakMap<PoolContext, Map<string, StoredNotice>>();

function noticesOf(ctx: PoolContext): Map<string, StoredNotice> {
  let notices = noticesByPool.get(ctx);
  if (!notices) noticesByPool.set(ctx, (notices = new Map()));
  return notices;
}

const browserOf = (ctx: PoolContext, req: IncomingMessage): string | undefined => {
  const cookie = parseCookies(req)[csrfCookieName(ctx)];
  return cookie ? sha256(cookie) : undefined;
};

/**
 * Where to send the browser after a failed attempt: the same sign-in started again, naming the
 * notice. Only called after the form's CSRF pair matched, so the browser has its cookie.
 */
export function failedSignInLocation(ctx: PoolContext, req: IncomingMessage, request: AuthorizeRequest, notice: SignInNotice, username: string): string {
  const url = new URL(authorizeUrl(ctx, request));
  const browser = browserOf(ctx, req);
  if (!browser) return url.toString();
  const notices = noticesOf(ctx);
  const now = nowSeconds();
  for (const [id, stored] of notices) if (stored.expiresAt <= now) notices.delete(id);
  while (notices.size >= MAX_SIGN_IN_NOTICES) notices.delete(notices.keys().next().value as string);
  const id = randomBytes(16).toString('base64url');
  notices.set(id, { notice, username: username.length <= MAX_KEPT_USERNAME_LENGTH ? username : '', browser, expiresAt: now + SIGN_IN_FORM_TTL_SECONDS });
  url.searchParams.set(SIGN_IN_NOTICE_PARAM, id);
  return url.toString();
}

export type ShownNotice = { notice: SignInNotice; username: string };

/** The notice an authorize URL names, if it is live and this browser's own; read as often as the page is reloaded. */
export function noticeFor(ctx: PoolContext, req: IncomingMessage, url: URL): ShownNotice | undefined {
  const ids = url.searchParams.getAll(SIGN_IN_NOTICE_PARAM);
  if (ids.length !== 1) return undefined;
  const stored = noticesOf(ctx).get(ids[0]);
  if (!stored || stored.expiresAt <= nowSeconds() || stored.browser !== browserOf(ctx, req)) return undefined;
  return { notice: stored.notice, username: stored.username };
}
