import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActionFailure, ActionResult } from '@/lib/cognito/cognito-action';
import { testTranslator } from '@/lib/i18n/test-translator';
import { addPasskeyFailureMessage as wordedBy, inAddPasskeyWords as inWordsBy } from './add-passkey-failure';

const en = testTranslator('en', 'errors');
const addPasskeyFailureMessage = (failure: ActionFailure) => wordedBy(failure, en);
const inAddPasskeyWords = <T>(result: ActionResult<T>) => inWordsBy(result, en);

const failure = (code: ActionFailure['code'], message = 'Server words.'): ActionFailure => ({ ok: false, code, message, retryable: false });

describe('addPasskeyFailureMessage', () => {
  it('has its own words for each passkey case', () => {
    assert.match(addPasskeyFailureMessage(failure('passkeys-not-enabled')), /not turned on for your organisation/);
    assert.match(addPasskeyFailureMessage(failure('service-misconfigured')), /not fully set up for them\. Nothing was changed/);
    assert.match(addPasskeyFailureMessage(failure('passkey-challenge-expired')), /took too long.*start again/);
    assert.match(addPasskeyFailureMessage(failure('passkey-origin-not-allowed')), /cannot be added from this address/);
    assert.match(addPasskeyFailureMessage(failure('passkey-relying-party-mismatch')), /different website/);
    assert.match(addPasskeyFailureMessage(failure('passkey-not-supported')), /cannot be used with your account/);
    assert.match(addPasskeyFailureMessage(failure('limit-exceeded')), /most passkeys your organisation allows/);
    assert.match(addPasskeyFailureMessage(failure('invalid-input')), /not added/);
  });

  it('never says a passkey was not added when the sign-in service may have added it late', () => {
    const message = addPasskeyFailureMessage(failure('outcome-unknown'));
    assert.match(message, /cannot tell whether the passkey was added\. Reload the page/);
    assert.doesNotMatch(message, /not added|nothing was/);
  });

  it('keeps the server’s message for the general cases', () => {
    assert.equal(addPasskeyFailureMessage(failure('throttled', 'Too many.')), 'Too many.');
    assert.equal(addPasskeyFailureMessage(failure('unavailable', 'Not responding.')), 'Not responding.');
  });
});

describe('inAddPasskeyWords', () => {
  it('puts the passkey words on a failure and leaves a success alone', () => {
    const told = inAddPasskeyWords(failure('limit-exceeded'));
    assert.ok(!told.ok);
    assert.match(told.message, /most passkeys/);
    const ok = { ok: true as const, data: null };
    assert.equal(inAddPasskeyWords(ok), ok);
  });
});

describe('in the person’s language', () => {
  it('words a passkey case in German and keeps the server’s (already translated) words for the rest', () => {
    const de = testTranslator('de', 'errors');
    assert.equal(
      wordedBy(failure('limit-exceeded'), de),
      'Sie haben bereits so viele Passkeys, wie Ihre Organisation zulässt. Löschen Sie einen, den Sie nicht mehr verwenden, und fügen Sie dann den neuen hinzu.',
    );
    assert.equal(wordedBy(failure('throttled', 'Bitte gleich noch einmal.'), de), 'Bitte gleich noch einmal.');
  });
});
