import { escapeHtml, renderPage } from './page-layout';

export const SIGN_IN_FAILED_MESSAGE = 'Incorrect username or password.';

export type SignInPageOptions = {
  clientName: string;
  sealedRequest: string;
  csrfField: string;
  /** Kept after a failed attempt so only the password has to be typed again. */
  username?: string;
  failed?: boolean;
};

/** The hosted sign-in form: two labelled fields and a button, no script. */
export function renderSignInPage(options: SignInPageOptions): string {
  const { failed = false, username = '' } = options;
  // After a failure the error is announced, both fields point at it, and focus goes to
  // the password, the field that most likely needs retyping.
  const invalid = failed ? ' aria-invalid="true" aria-describedby="sign-in-error"' : '';
  const body = `<h1>Sign in</h1>
<p class="lead">to continue to ${escapeHtml(options.clientName)}</p>
${failed ? `<p class="alert" role="alert" id="sign-in-error">${SIGN_IN_FAILED_MESSAGE}</p>\n` : ''}<form method="post" action="/login">
<input type="hidden" name="request" value="${escapeHtml(options.sealedRequest)}">
<input type="hidden" name="csrf" value="${escapeHtml(options.csrfField)}">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(username)}"${invalid}${username ? '' : ' autofocus'}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${username ? ' autofocus' : ''}>
<button type="submit">Sign in</button>
</form>`;
  return renderPage(failed ? 'Error: Sign in' : 'Sign in', body);
}
