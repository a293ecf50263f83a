// Passkeys on the local pool's hosted sign-in page: the username field's autofill (a conditional
// WebAuthn request, started on load where the browser supports it, as Cognito's managed login
// does) and the "Sign in with a passkey" button (a modal request). Served as a file because the
// page's CSP allows no inline script. Each asks the pool for request options bound to this page's
// sealed sign-in request, runs the WebAuthn get ceremony, and posts the result with a real form
// submission, so the redirect back to the app works as it does for the password form.
(() => {
  const button = document.getElementById('passkey-button');
  const hint = document.getElementById('passkey-hint');
  const form = document.getElementById('passkey-form');
  const usernameField = document.getElementById('username');
  if (!button || !form) return;

  // The page's sentences, in its language (the pool's catalogue, in a data attribute: no inline script).
  let text = {};
  try {
    text = JSON.parse(form.dataset.messages || '{}');
  } catch {
    // Left empty: the English below is said instead.
  }
  const say = (key, english) => (typeof text[key] === 'string' && text[key]) || english;

  const supported =
    typeof window.PublicKeyCredential === 'function' && !!navigator.credentials && typeof navigator.credentials.get === 'function' && window.isSecureContext;
  if (!supported) {
    button.disabled = true;
    if (hint) hint.textContent = say('unsupported', 'This browser cannot use passkeys here. Sign in with your password instead.');
    return;
  }

  /** Shows a message in the page's alert (announced by screen readers), creating it if the page has none. */
  const showError = (message) => {
    let alert = document.getElementById('sign-in-error');
    if (!alert) {
      alert = document.createElement('p');
      alert.className = 'alert';
      alert.id = 'sign-in-error';
      alert.setAttribute('role', 'alert');
      const passwordForm = document.querySelector('form[action="/login"]');
      passwordForm.parentNode.insertBefore(alert, passwordForm);
    }
    alert.textContent = message;
    const errorTitle = say('errorTitle', '');
    if (errorTitle && !document.title.startsWith(errorTitle)) {
      // The page's title is "<heading> – <product>"; the error form is "<error title> – <product>".
      const separator = document.title.indexOf(' – ');
      document.title = separator >= 0 ? `${errorTitle}${document.title.slice(separator)}` : errorTitle;
    }
  };

  const fromBase64url = (text) => {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer;
  };
  const toBase64url = (buffer) => {
    let binary = '';
    for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };

  /** PublicKeyCredentialRequestOptionsJSON → what navigator.credentials.get() takes. */
  const publicKeyFrom = (options) => ({
    challenge: fromBase64url(options.challenge),
    rpId: options.rpId,
    timeout: options.timeout,
    userVerification: options.userVerification,
    allowCredentials: (options.allowCredentials || []).map((c) => ({ type: c.type, id: fromBase64url(c.id), ...(c.transports ? { transports: c.transports } : {}) })),
  });

  /** The assertion as AuthenticationResponseJSON, what PublicKeyCredential.toJSON() gives. */
  const toJSON = (credential) => ({
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: credential.type,
    response: {
      clientDataJSON: toBase64url(credential.response.clientDataJSON),
      authenticatorData: toBase64url(credential.response.authenticatorData),
      signature: toBase64url(credential.response.signature),
      userHandle: credential.response.userHandle ? toBase64url(credential.response.userHandle) : null,
    },
    authenticatorAttachment: credential.authenticatorAttachment || null,
    clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
  });

  const messageFor = (error) => {
    switch (error && error.name) {
      case 'NotAllowedError':
      case 'AbortError':
        return say('cancelled', 'The passkey sign-in was cancelled or timed out, or no passkey for this account is on this device. Try again, or sign in with your password.');
      case 'SecurityError':
        return say('securityError', 'This page cannot use passkeys for this site. Sign in with your password instead.');
      default:
        return say('failed', 'Signing in with a passkey did not work. Try again, or sign in with your password.');
    }
  };

  /** Request options for one ceremony, from the pool; throws with the pool's message when it refuses. */
  const fetchOptions = async (username) => {
    const body = new URLSearchParams({ request: form.elements.request.value, csrf: form.elements.csrf.value, username });
    const response = await fetch('/passkey/options', { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const options = await response.json().catch(() => ({}));
    if (!response.ok) throw Object.assign(new Error('options refused'), { name: 'OptionsRefused', shown: options.message });
    return options;
  };

  let submitted = false;
  /** Posts the assertion with the hidden form: a real navigation, as the password form's. */
  const submit = (credential, username) => {
    submitted = true;
    form.elements.username.value = username;
    form.elements.credential.value = JSON.stringify(toJSON(credential));
    form.submit();
  };

  // The autofill request: passkeys offered in the username field's suggestions. It runs in the
  // background until the person picks one, and is aborted before the button's modal request
  // starts (a page may have only one request open). Without a username it is a discoverable
  // sign-in; its failures are quiet (the person can still type a password or press the button).
  let autofill;
  const startAutofill = async () => {
    if (form.dataset.autofill !== 'on' || !usernameField) return;
    const available = typeof PublicKeyCredential.isConditionalMediationAvailable === 'function' && (await PublicKeyCredential.isConditionalMediationAvailable().catch(() => false));
    if (!available || busy || submitted) return;
    const controller = new AbortController();
    autofill = controller;
    try {
      const options = await fetchOptions('');
      if (controller.signal.aborted) return;
      const request = navigator.credentials.get({ publicKey: publicKeyFrom(options), mediation: 'conditional', signal: controller.signal });
      // Says the autofill request is open (tests wait for it before touching the authenticator).
      form.dataset.autofillState = 'waiting';
      const credential = await request;
      if (credential && !controller.signal.aborted && !submitted) submit(credential, '');
    } catch {
      // Aborted for the button, or nothing chosen: nothing to say.
    } finally {
      delete form.dataset.autofillState;
      if (autofill === controller) autofill = undefined;
    }
  };

  let busy = false;
  button.addEventListener('click', async () => {
    if (busy || submitted) return;
    busy = true;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    if (autofill) {
      autofill.abort();
      autofill = undefined;
    }
    try {
      const username = usernameField ? usernameField.value.trim() : '';
      const options = await fetchOptions(username);
      const credential = await navigator.credentials.get({ publicKey: publicKeyFrom(options) });
      if (!credential) {
        showError(messageFor(undefined));
        return;
      }
      submit(credential, username);
    } catch (error) {
      showError(error && error.name === 'OptionsRefused' ? error.shown || say('unavailable', 'Passkey sign-in is not available right now. Sign in with your password.') : messageFor(error));
    } finally {
      busy = false;
      if (!submitted) {
        button.disabled = false;
        button.removeAttribute('aria-busy');
      }
    }
  });

  startAutofill();
})();
