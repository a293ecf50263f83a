import { singleParam } from './form';
import { OAuthError } from './responses';

/**
 * What an authorize request says about re-authentication (OpenID Connect Core §3.1.2.1):
 * `prompt=login` asks for the form even with a live sign-in session, `prompt=none` for no
 * form at all (`login_required` when one would be needed), and `max_age` for a sign-in no
 * older than that many seconds.
 */
export type ReauthenticationRequest = { prompt?: 'login' | 'none'; maxAge?: number };

/** `consent` and `select_account` are accepted and have nothing to do here: there is no consent screen and one account per session. */
const PROMPT_VALUES = new Set(['none', 'login', 'consent', 'select_account']);

/** Keeps max_age a plain number of seconds; a century is more than any real request asks. */
const MAX_AGE_LIMIT = 100 * 365 * 86400;

/** Reads `prompt` and `max_age`, or throws `invalid_request`. */
export function readReauthentication(query: URLSearchParams): ReauthenticationRequest {
  const prompt = singleParam(query, 'prompt');
  const maxAge = singleParam(query, 'max_age');
  const out: ReauthenticationRequest = {};
  if (prompt !== undefined) {
    const values = [...new Set(prompt.split(' ').filter(Boolean))];
    const unknown = values.filter((v) => !PROMPT_VALUES.has(v));
    if (unknown.length > 0) throw new OAuthError('invalid_request', `prompt may be none, login, consent or select_account (got ${unknown.join(' ')}).`);
    if (values.includes('none') && values.length > 1) throw new OAuthError('invalid_request', 'prompt=none cannot be combined with other values.');
    if (values.includes('none')) out.prompt = 'none';
    else if (values.includes('login')) out.prompt = 'login';
  }
  if (maxAge !== undefined) {
    if (!/^\d{1,10}$/.test(maxAge) || Number(maxAge) > MAX_AGE_LIMIT) throw new OAuthError('invalid_request', 'max_age must be a whole number of seconds.');
    out.maxAge = Number(maxAge);
  }
  return out;
}

/** Whether a sign-in at `authTime` is recent enough for the request (no max_age: any live session is). */
export function recentEnough(request: ReauthenticationRequest, authTime: number, now: number): boolean {
  return request.maxAge === undefined || now - authTime <= request.maxAge;
}
