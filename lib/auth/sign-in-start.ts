import 'server-only';
import NextAuth, { type AuthOptions } from 'next-auth';

/**
 * Starts next-auth's sign-in with the pool on the server, so a link or a redirect (opening
 * /security signed out, the home page's "Sign in") goes straight to the pool's sign-in page with
 * no page in between that needs a click.
 *
 * next-auth 4 starts a sign-in only from `POST /api/auth/signin/<provider>` carrying its CSRF
 * token (double-submit cookie); GET shows its sign-in page instead, and it has no public
 * "sign-in URL" function (nextauthjs/next-auth#3667, #5869). So this makes the same two calls the
 * browser's `signIn()` makes, `GET /api/auth/csrf` then that POST, to next-auth's own handler in
 * its Pages-API form (which takes the request as plain values, where the App Router form reads
 * the incoming request's cookies). next-auth itself makes the state and PKCE verifier, sets their
 * cookies, checks the callbackUrl with the portal's `redirect` callback (safeReturnPath) and builds
 * the pool's authorize URL: this only carries its answer to the browser.
 *
 * Its CSRF check guards against another site starting a sign-in that the pool's remembered
 * session would finish with no one acting; the caller guards that instead (see freshSignIn).
 */

type Answer = { status: number; location?: string; setCookies: string[]; body?: unknown };

type ApiRequest = { method: 'GET' | 'POST'; action: string[]; query?: Record<string, string>; cookies: Record<string, string>; headers: Record<string, string>; body?: Record<string, string> };

type PagesApiHandler = (req: unknown, res: unknown, options: AuthOptions) => Promise<unknown>;

/**
 * next-auth's handler in its Pages-API overload, (req, res, options). next-auth is CommonJS: the
 * bundler hands over its default export, Node's own loader (unit tests) the module object.
 */
function pagesApiHandler(): PagesApiHandler {
  const loaded = NextAuth as unknown as PagesApiHandler | { default: PagesApiHandler };
  return typeof loaded === 'function' ? loaded : loaded.default;
}

/** One request to next-auth's handler, with a response object that only records what it is told. */
async function callNextAuth(options: AuthOptions, request: ApiRequest): Promise<Answer> {
  const answer: Answer = { status: 200, setCookies: [] };
  const headers = new Map<string, string | string[]>();
  const res = {
    status(code: number) {
      answer.status = code;
      return res;
    },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    setHeader(name: string, value: string | string[]) {
      headers.set(name.toLowerCase(), value);
      return res;
    },
    end: () => res,
    send(body: unknown) {
      answer.body = body;
      return res;
    },
    json(body: unknown) {
      answer.body = body;
      return res;
    },
  };
  const req = {
    method: request.method,
    query: { nextauth: request.action, ...request.query },
    cookies: request.cookies,
    headers: request.headers,
    body: request.body,
  };
  await pagesApiHandler()(req, res, options);
  const location = headers.get('location');
  if (typeof location === 'string') answer.location = location;
  const cookies = headers.get('set-cookie');
  answer.setCookies = cookies === undefined ? [] : Array.isArray(cookies) ? cookies : [cookies];
  return answer;
}

/** name → value of Set-Cookie lines, decoded as a server reads a Cookie header. */
function cookieValues(setCookies: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of setCookies) {
    const [pair] = line.split(';');
    const index = pair.indexOf('=');
    if (index <= 0) continue;
    try {
      out[pair.slice(0, index).trim()] = decodeURIComponent(pair.slice(index + 1).trim());
    } catch {
      // Not one of next-auth's; ignore it.
    }
  }
  return out;
}

const isCsrfCookie = (setCookie: string) => /^[^=;]*csrf-token=/.test(setCookie.trim());

export type SignInStart = {
  /** Where to send the browser: the pool's authorize URL, or next-auth's error page when it could not start. */
  location: string;
  /** The cookies next-auth set for the flow (callback URL, state, PKCE verifier), to pass on as they are. */
  setCookies: string[];
};

/**
 * next-auth's sign-in, started as its client would start it. `callbackUrl`: an absolute URL on the
 * portal (next-auth checks it again with the `redirect` callback). `authorizationParams`: extra
 * parameters for the pool's /oauth2/authorize (`prompt=login`). `headers`: the incoming request's
 * (next-auth reads the host from them only when told to trust it).
 */
export async function startSignIn(
  options: AuthOptions,
  { callbackUrl, authorizationParams = {}, headers }: { callbackUrl: string; authorizationParams?: Record<string, string>; headers: Record<string, string> },
): Promise<SignInStart> {
  const csrf = await callNextAuth(options, { method: 'GET', action: ['csrf'], cookies: {}, headers });
  const csrfToken = (csrf.body as { csrfToken?: unknown } | undefined)?.csrfToken;
  if (typeof csrfToken !== 'string') throw new Error('next-auth gave no CSRF token.');
  const signIn = await callNextAuth(options, {
    method: 'POST',
    action: ['signin', 'cognito'],
    query: authorizationParams,
    cookies: cookieValues(csrf.setCookies),
    headers,
    body: { csrfToken, callbackUrl },
  });
  if (!signIn.location) throw new Error(`next-auth did not start the sign-in (status ${signIn.status}).`);
  // The CSRF cookie was only for the POST above: the browser keeps its own, which an open tab's
  // `signIn()` may be about to use.
  return { location: signIn.location, setCookies: signIn.setCookies.filter((line) => !isCsrfCookie(line)) };
}

/**
 * Whether the pool must ask the person again (prompt=login) rather than finish the sign-in from its
 * remembered session: unless the navigation came from the portal's own pages (`same-origin`) or
 * from the person's own address bar or bookmark (`none`), another site may have sent the browser
 * here, and it must not be signed in to the portal without anyone acting — the case next-auth's
 * CSRF token and the embed's openedByPortal guard against. The person still lands on the pool's
 * sign-in page in one step; they just type their password or use a passkey there.
 */
export function freshSignIn(secFetchSite: string | null): boolean {
  return secFetchSite !== 'same-origin' && secFetchSite !== 'none';
}

/**
 * Whether a request to start a sign-in is the browser loading it as a page. Next's router first
 * fetches a redirect target (a page that called `redirect()` to here) with an `RSC` header; that
 * fetch must not start a sign-in (it would follow the redirect to the pool and be refused by the
 * page's connect-src), but get an answer that is not a Flight response, on which the router loads
 * the URL as a page instead (fetch-server-response.js, doMpaNavigation). So do other fetches.
 */
export function isPageLoad(headers: { get(name: string): string | null }): boolean {
  if (headers.get('rsc') !== null || headers.get('next-router-prefetch') !== null) return false;
  const mode = headers.get('sec-fetch-mode');
  return mode === null || mode === 'navigate';
}
