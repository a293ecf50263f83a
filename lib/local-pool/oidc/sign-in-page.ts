import { escapeHtml, renderPage } from './page-layout';

export const SIGN_IN_FAILED_MESSAGE = 'Incorrect username or password.';

export type SignInPageOptions = {
  clientName: string;
  sealedRequest: string;
  csrfField: string;
  /** Kept after a failed attempt so only the password has to be typed again; prefilled when signing in again. */
  username?: string;
  failed?: boolean;
  /** Offer "Sign in with a passkey" (passkeys are on and usable from the pool's own origin). */
  passkeys?: boolean;
  /** Why the last passkey sign-in was refused, said calmly in the alert. */
  passkeyError?: string;
};

/** The path of the script behind the passkey button (the CSP allows no inline script). */
export const PASSKEY_SCRIPT_PATH = '/static/passkey-sign-in.js';

export const PASSKEY_BUTTON_LABEL = 'Sign in with a passkey';
const PASSKEY_HINT = 'Uses a passkey saved on this device or your phone. With a username above, only that account’s passkeys are offered.';

/**
 * The passkey option beside the password form: a button the script runs the WebAuthn get
 * ceremony from, and a hidden form it posts the result with (a real navigation, so the
 * redirect back to the app and the cookies work as for the password form).
 */
function passkeySection(options: SignInPageOptions): string {
  return `<div class="passkey">
<p class="divider">or</p>
<button type="button" id="passkey-button" class="secondary" aria-describedby="passkey-hint">${PASSKEY_BUTTON_LABEL}</button>
<p class="hint" id="passkey-hint">${escapeHtml(PASSKEY_HINT)}</p>
<noscript><p class="hint">Signing in with a passkey needs JavaScript.</p></noscript>
</div>
<form id="passkey-form" method="post" action="/passkey/login" hidden>
<input type="hidden" name="request" value="${escapeHtml(options.sealedRequest)}">
<input type="hidden" name="csrf" value="${escapeHtml(options.csrfField)}">
<input type="hidden" name="username" value="">
<input type="hidden" name="credential" value="">
</form>
<script src="${PASSKEY_SCRIPT_PATH}" defer></script>`;
}

const alert = (message: string | undefined) => (message ? `<p class="alert" role="alert" id="sign-in-error">${escapeHtml(message)}</p>\n` : '');

/** The hosted sign-in form: two labelled fields and a button, and the passkey option when it is offered. */
export function renderSignInPage(options: SignInPageOptions): string {
  const { failed = false, username = '', passkeyError } = options;
  // After a failure the error is announced, both fields point at it, and focus goes to
  // the password, the field that most likely needs retyping.
  const invalid = failed ? ' aria-invalid="true" aria-describedby="sign-in-error"' : '';
  const body = `<h1>Sign in</h1>
<p class="lead">to continue to ${escapeHtml(options.clientName)}</p>
${alert(failed ? SIGN_IN_FAILED_MESSAGE : passkeyError)}<form method="post" action="/login">
<input type="hidden" name="request" value="${escapeHtml(options.sealedRequest)}">
<input type="hidden" name="csrf" value="${escapeHtml(options.csrfField)}">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(username)}"${invalid}${username ? '' : ' autofocus'}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${username ? ' autofocus' : ''}>
<button type="submit">Sign in</button>
</form>${options.passkeys ? `\n${passkeySection(options)}` : ''}`;
  return renderPage(failed || passkeyError ? 'Error: Sign in' : 'Sign in', body);
}
