import { escapeHtml, renderPage } from './page-layout';
import { ERROR_TITLE_PREFIX, FORGOT_PASSWORD_LINK, PASSKEY_BUTTON_LABEL, PASSKEY_HINT, SIGN_IN_HEADING, signInLead } from './sign-in-messages';

export { PASSKEY_BUTTON_LABEL } from './sign-in-messages';

export type SignInPageOptions = {
  productName: string;
  clientName: string;
  sealedRequest: string;
  csrfField: string;
  /** Kept after a failed attempt so only the password has to be typed again; prefilled when signing in again. */
  username?: string;
  /** Why the last attempt failed (one of the pool's own sentences), shown in the alert. */
  error?: string;
  /** Offer "Sign in with a passkey" (passkeys are on and usable from the pool's own origin). */
  passkeys?: boolean;
  /**
   * Offer passkeys in the username field's autofill (a conditional WebAuthn request). Off right
   * after a refused passkey: the browser could answer again at once with the same passkey.
   */
  passkeyAutofill?: boolean;
  /** The "Forgot your password?" page for this sign-in. */
  forgotPasswordUrl: string;
};

/** The path of the script behind the passkey button and autofill (the CSP allows no inline script). */
export const PASSKEY_SCRIPT_PATH = '/static/passkey-sign-in.js';

/**
 * The passkey option beside the password form: a button the script runs the WebAuthn get
 * ceremony from, and a hidden form it posts the result with (a real navigation, so the
 * redirect back to the app and the cookies work as for the password form). The same form
 * carries the answer of the autofill request the script starts on load.
 */
function passkeySection(options: SignInPageOptions): string {
  return `<div class="passkey">
<p class="divider">or</p>
<button type="button" id="passkey-button" class="secondary" aria-describedby="passkey-hint">${escapeHtml(PASSKEY_BUTTON_LABEL)}</button>
<p class="hint" id="passkey-hint">${escapeHtml(PASSKEY_HINT)}</p>
<noscript><p class="hint">Signing in with a passkey needs JavaScript.</p></noscript>
</div>
<form id="passkey-form" method="post" action="/passkey/login" data-autofill="${options.passkeyAutofill === false ? 'off' : 'on'}" hidden>
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
  const { username = '', error } = options;
  // After a failure the error is announced, both fields point at it, and focus goes to
  // the password, the field that most likely needs retyping.
  const invalid = error ? ' aria-invalid="true" aria-describedby="sign-in-error"' : '';
  // "webauthn" lets the browser offer passkeys in this field's autofill (the conditional request).
  const usernameAutocomplete = options.passkeys ? 'username webauthn' : 'username';
  const body = `<h1>${escapeHtml(SIGN_IN_HEADING)}</h1>
<p class="lead">${escapeHtml(signInLead(options.clientName))}</p>
${alert(error)}<form method="post" action="/login">
<input type="hidden" name="request" value="${escapeHtml(options.sealedRequest)}">
<input type="hidden" name="csrf" value="${escapeHtml(options.csrfField)}">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="${usernameAutocomplete}" autocapitalize="none" spellcheck="false" required value="${escapeHtml(username)}"${invalid}${username ? '' : ' autofocus'}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${username ? ' autofocus' : ''}>
<p class="hint"><a href="${escapeHtml(options.forgotPasswordUrl)}">${escapeHtml(FORGOT_PASSWORD_LINK)}</a></p>
<button type="submit">${escapeHtml(SIGN_IN_HEADING)}</button>
</form>${options.passkeys ? `\n${passkeySection(options)}` : ''}`;
  return renderPage(options.productName, error ? `${ERROR_TITLE_PREFIX}${SIGN_IN_HEADING}` : SIGN_IN_HEADING, body);
}
