import { translator, type PoolLocale, type Translate } from './i18n/locales';
import { escapeHtml, renderPage } from './page-layout';
import { noticeMessageKey, type SignInNotice } from './sign-in-messages';

export type SignInPageOptions = {
  /** The page's language (`lang` on the authorize request, or the browser's remembered one). */
  locale: PoolLocale;
  productName: string;
  clientName: string;
  sealedRequest: string;
  csrfField: string;
  /** Kept after a failed attempt so only the password has to be typed again; prefilled when signing in again. */
  username?: string;
  /** Why the last attempt failed (one of the catalogue's notices), shown in the alert. */
  notice?: SignInNotice;
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
 * What the page's script may have to say, in the page's language: a data attribute (JSON, escaped
 * as any attribute), since the CSP allows no inline script. `errorTitle` marks the page's title.
 */
const scriptMessages = (t: Translate) =>
  JSON.stringify({
    unsupported: t('passkey.unsupported'),
    cancelled: t('passkey.cancelled'),
    securityError: t('passkey.securityError'),
    failed: t('passkey.failed'),
    unavailable: t('passkey.unavailable'),
    errorTitle: t('page.errorTitle', { title: t('signIn.heading') }),
  });

/**
 * The passkey option beside the password form: a button the script runs the WebAuthn get
 * ceremony from, and a hidden form it posts the result with (a real navigation, so the
 * redirect back to the app and the cookies work as for the password form). The same form
 * carries the answer of the autofill request the script starts on load.
 */
function passkeySection(options: SignInPageOptions, t: Translate): string {
  return `<div class="passkey">
<p class="divider">${escapeHtml(t('signIn.or'))}</p>
<button type="button" id="passkey-button" class="secondary" aria-describedby="passkey-hint">${escapeHtml(t('passkey.button'))}</button>
<p class="hint" id="passkey-hint">${escapeHtml(t('passkey.hint'))}</p>
<noscript><p class="hint">${escapeHtml(t('passkey.noscript'))}</p></noscript>
</div>
<form id="passkey-form" method="post" action="/passkey/login" data-autofill="${options.passkeyAutofill === false ? 'off' : 'on'}" data-messages="${escapeHtml(scriptMessages(t))}" hidden>
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
  const t = translator(options.locale);
  const { username = '', notice } = options;
  const error = notice ? t(noticeMessageKey(notice)) : undefined;
  // After a failure the error is announced, both fields point at it, and focus goes to
  // the password, the field that most likely needs retyping.
  const invalid = error ? ' aria-invalid="true" aria-describedby="sign-in-error"' : '';
  // "webauthn" lets the browser offer passkeys in this field's autofill (the conditional request).
  const usernameAutocomplete = options.passkeys ? 'username webauthn' : 'username';
  const heading = t('signIn.heading');
  const body = `<h1>${escapeHtml(heading)}</h1>
<p class="lead">${escapeHtml(t('signIn.lead', { client: options.clientName }))}</p>
${alert(error)}<form method="post" action="/login">
<input type="hidden" name="request" value="${escapeHtml(options.sealedRequest)}">
<input type="hidden" name="csrf" value="${escapeHtml(options.csrfField)}">
<label for="username">${escapeHtml(t('signIn.username'))}</label>
<input id="username" name="username" type="text" autocomplete="${usernameAutocomplete}" autocapitalize="none" spellcheck="false" dir="auto" required value="${escapeHtml(username)}"${invalid}${username ? '' : ' autofocus'}>
<label for="password">${escapeHtml(t('signIn.password'))}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${username ? ' autofocus' : ''}>
<p class="hint"><a href="${escapeHtml(options.forgotPasswordUrl)}">${escapeHtml(t('signIn.forgotPassword'))}</a></p>
<button type="submit">${escapeHtml(t('signIn.submit'))}</button>
</form>${options.passkeys ? `\n${passkeySection(options, t)}` : ''}`;
  return renderPage(options.locale, options.productName, error ? t('page.errorTitle', { title: heading }) : heading, body);
}
