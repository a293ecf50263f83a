import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WebAuthnError, type WebAuthnErrorCode } from '@simplewebauthn/browser';
import type { ActionFailure } from '@/lib/cognito/cognito-action';
import { testTranslator } from '@/lib/i18n/test-translator';
import { ceremonyFailure as ceremonyFailureIn, ceremonyNotAllowed, refusedInThisFrame } from './ceremony-failure';
import { createAllowedInThisDocument, deletePasskeyFailureMessage as deleteFailureIn, type PasskeyTranslate } from './passkey-messages';

const t: PasskeyTranslate = testTranslator('en', 'passkeys');
const ceremonyFailure = (error: unknown) => ceremonyFailureIn(error, t);
const deletePasskeyFailureMessage = (failure: ActionFailure, name: string) => deleteFailureIn(failure, name, t);

const domError = (name: string, message = 'browser words') => Object.assign(new Error(message), { name });
const webAuthnError = (code: WebAuthnErrorCode, causeName: string) =>
  new WebAuthnError({ code, message: 'library words', cause: domError(causeName) });
const failure = (code: ActionFailure['code'], message = 'Server words.'): ActionFailure => ({ ok: false, code, message, retryable: false });

describe('ceremonyFailure', () => {
  it('treats NotAllowedError (cancelled or timed out) as a calm status, not an error', () => {
    const outcome = ceremonyFailure(webAuthnError('ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', 'NotAllowedError'));
    assert.equal(outcome.kind, 'status');
    assert.match(outcome.message, /cancelled or timed out/);
  });

  it('treats an abort by the library as a cancel', () => {
    assert.equal(ceremonyFailure(webAuthnError('ERROR_CEREMONY_ABORTED', 'AbortError')).kind, 'status');
  });

  it('explains an authenticator that is already registered', () => {
    const outcome = ceremonyFailure(webAuthnError('ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED', 'InvalidStateError'));
    assert.equal(outcome.kind, 'alert');
    assert.match(outcome.message, /already has a passkey for your account/);
  });

  it('does not take an ordinary error, or one with some other code, for the library\'s WebAuthnError', () => {
    const generic = /could not create the passkey/;
    assert.match(ceremonyFailure(domError('NotAllowedError')).message, generic);
    assert.match(ceremonyFailure(Object.assign(domError('NotAllowedError'), { code: 'ECONNRESET' })).message, generic);
    assert.match(ceremonyFailure({ code: 'ERROR_CEREMONY_ABORTED' }).message, generic, 'not an Error at all');
    assert.equal(ceremonyNotAllowed(Object.assign(domError('NotAllowedError'), { code: 'ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY' })), false, 'no cause');
  });

  it('decides by the code, never by the message text', () => {
    const a = ceremonyFailure(new WebAuthnError({ code: 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED', message: 'cancelled', cause: domError('InvalidStateError') }));
    assert.match(a.message, /already has a passkey/);
    const b = ceremonyFailure(webAuthnError('ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', 'SecurityError'));
    assert.equal(b.kind, 'alert', 'a passed-through error that is not NotAllowedError is not a cancel');
  });

  it('tells apart an authenticator that cannot hold a passkey, and a misconfigured relying party', () => {
    assert.match(ceremonyFailure(webAuthnError('ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT', 'ConstraintError')).message, /cannot hold a passkey/);
    assert.match(ceremonyFailure(webAuthnError('ERROR_INVALID_RP_ID', 'SecurityError')).message, /set up for a different website/);
  });

  it('never shows an exception name or the browser’s own text', () => {
    const codes: WebAuthnErrorCode[] = [
      'ERROR_CEREMONY_ABORTED',
      'ERROR_INVALID_DOMAIN',
      'ERROR_INVALID_RP_ID',
      'ERROR_INVALID_USER_ID_LENGTH',
      'ERROR_MALFORMED_PUBKEYCREDPARAMS',
      'ERROR_AUTHENTICATOR_GENERAL_ERROR',
      'ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT',
      'ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT',
      'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED',
      'ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG',
      'ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY',
    ];
    const outcomes = [...codes.map((code) => ceremonyFailure(webAuthnError(code, 'NotAllowedError'))), ceremonyFailure(new TypeError('x is undefined')), ceremonyFailure('weird')];
    for (const { message } of outcomes) {
      assert.doesNotMatch(message, /Error|ERROR_|library words|browser words|undefined/);
      assert.ok(message.length > 20);
    }
  });
});

describe('deletePasskeyFailureMessage', () => {
  it('explains a passkey deleted elsewhere, by name', () => {
    const message = deletePasskeyFailureMessage(failure('not-found'), 'YubiKey 5 Series');
    assert.match(message, /“YubiKey 5 Series” had already been deleted/);
    assert.match(message, /now up to date/);
  });

  it('says nothing was deleted, and why, otherwise', () => {
    assert.equal(deletePasskeyFailureMessage(failure('throttled', 'Too many.'), 'Passkey'), 'The passkey “Passkey” was not deleted. Too many.');
    assert.match(deletePasskeyFailureMessage(failure('invalid-input'), 'Passkey'), /could not be identified, so nothing was deleted/);
  });

  it('does not claim "not deleted" when the delete may have been carried out late', () => {
    const message = deletePasskeyFailureMessage(failure('outcome-unknown', 'Server words.'), 'Passkey');
    assert.match(message, /cannot tell whether the passkey “Passkey” was deleted\. Reload the page/);
    assert.doesNotMatch(message, /was not deleted|Server words/);
  });
});

describe('refusedInThisFrame', () => {
  const notAllowed = webAuthnError('ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', 'NotAllowedError');

  it('is a refusal only when NotAllowedError comes with a policy that forbids create()', () => {
    assert.equal(refusedInThisFrame(notAllowed, false), true);
  });

  it('treats an ordinary cancel (allowed, or policy unknown) as no refusal', () => {
    assert.equal(refusedInThisFrame(notAllowed, true), false);
    assert.equal(refusedInThisFrame(notAllowed, null), false);
  });

  it('decides by code and name, never by the message', () => {
    assert.equal(refusedInThisFrame(webAuthnError('ERROR_CEREMONY_ABORTED', 'AbortError'), false), false);
    assert.equal(refusedInThisFrame(webAuthnError('ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', 'SecurityError'), false), false);
    assert.equal(refusedInThisFrame(domError('NotAllowedError', 'The feature is not enabled in this document'), false), false);
  });
});

describe('createAllowedInThisDocument', () => {
  const policy = (allowed: boolean) => ({ allowsFeature: (feature: string) => feature === 'publickey-credentials-create' && allowed });

  it('asks permissionsPolicy, or featurePolicy where that is all there is', () => {
    assert.equal(createAllowedInThisDocument({ permissionsPolicy: policy(false) }), false);
    assert.equal(createAllowedInThisDocument({ featurePolicy: policy(true) }), true);
    assert.equal(createAllowedInThisDocument({ permissionsPolicy: policy(true), featurePolicy: policy(false) }), true);
  });

  it('is unknown where the browser does not say', () => {
    assert.equal(createAllowedInThisDocument({}), null);
    assert.equal(createAllowedInThisDocument(undefined), null);
    assert.equal(createAllowedInThisDocument({ featurePolicy: {} }), null);
    assert.equal(
      createAllowedInThisDocument({
        featurePolicy: {
          allowsFeature: () => {
            throw new Error('no');
          },
        },
      }),
      null,
    );
  });
});

describe('ceremonyNotAllowed', () => {
  it('recognises NotAllowedError passed through by SimpleWebAuthn, by code and name only', () => {
    assert.equal(ceremonyNotAllowed(webAuthnError('ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', 'NotAllowedError')), true);
    assert.equal(ceremonyNotAllowed(webAuthnError('ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', 'SecurityError')), false);
    assert.equal(ceremonyNotAllowed(webAuthnError('ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED', 'InvalidStateError')), false);
    assert.equal(ceremonyNotAllowed(domError('NotAllowedError', 'The operation either timed out or was not allowed.')), false);
  });
});
