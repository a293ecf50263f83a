import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActionFailure } from '@/lib/cognito/cognito-action';
import { testTranslator } from '@/lib/i18n/test-translator';
import { checkPasskeyName } from '@/lib/passkeys/passkey-name';
import { DETAILS_FULL, DETAILS_UNAVAILABLE, LAST_PASSKEY, nameProblem, RENAME_NOT_LISTED, renameFailed } from './passkey-details-messages';
import { DELETE_FAILURE_KEYS, deletePasskeyFailureIn, lastPasskeyMessageIn, nameProblemIn, unreachableFailureIn } from './passkey-failure-words';
import { deletePasskeyFailureMessage, UNREACHABLE_FAILURE } from './passkey-messages';

const en = testTranslator('en', 'errors');
const de = testTranslator('de', 'errors');
const failure = (code: ActionFailure['code'], message = 'Server words.'): ActionFailure => ({ ok: false, code, message, retryable: false });

describe('passkey failures from the errors catalog', () => {
  it('say in English exactly what the English-only helpers say', () => {
    for (const value of ['', 'x'.repeat(500), 'a\u0007b']) {
      const check = checkPasskeyName(value);
      assert.ok(!check.ok);
      assert.equal(nameProblemIn(en, check), nameProblem(check));
    }
    for (const reason of ['no-other-factor', 'factors-unknown'] as const) assert.equal(lastPasskeyMessageIn(en, reason), LAST_PASSKEY[reason]);
    assert.equal(en('renameNotListed'), RENAME_NOT_LISTED);
    assert.equal(en('detailsUnavailable'), DETAILS_UNAVAILABLE);
    assert.equal(en('detailsFull'), DETAILS_FULL);
    assert.equal(en('renameFailed', { message: 'Too many.' }), renameFailed('Too many.'));
    for (const code of ['not-found', 'invalid-input', 'invalid-request', 'outcome-unknown', 'throttled'] as const) {
      assert.equal(deletePasskeyFailureIn(en, failure(code), 'YubiKey'), deletePasskeyFailureMessage(failure(code), 'YubiKey'), code);
    }
    assert.deepEqual(unreachableFailureIn(en), UNREACHABLE_FAILURE);
  });

  it('say it in German for a German reader', () => {
    assert.equal(
      deletePasskeyFailureIn(de, failure('throttled', 'In kurzer Zeit gab es zu viele Anfragen.'), 'YubiKey'),
      'Der Passkey „YubiKey“ wurde nicht gelöscht. In kurzer Zeit gab es zu viele Anfragen.',
    );
    const tooLong = checkPasskeyName('x'.repeat(500));
    assert.ok(!tooLong.ok);
    assert.equal(nameProblemIn(de, tooLong), 'Verwenden Sie höchstens 40 Zeichen.');
  });

  it('lists the keys a client needs for the delete messages', () => {
    const used = new Set<string>();
    const spy = (key: string) => (used.add(key), key);
    for (const code of ['not-found', 'invalid-input', 'outcome-unknown', 'throttled'] as const) deletePasskeyFailureIn(spy, failure(code), 'n');
    assert.deepEqual([...used].sort(), [...DELETE_FAILURE_KEYS].sort());
  });
});
