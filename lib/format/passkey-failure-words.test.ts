import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testTranslator } from '@/lib/i18n/test-translator';
import { checkPasskeyName } from '@/lib/passkeys/passkey-name';
import { DETAILS_FULL, DETAILS_UNAVAILABLE, LAST_PASSKEY, nameProblem, RENAME_NOT_LISTED, renameFailed } from './passkey-details-messages';
import { lastPasskeyMessageIn, nameProblemIn } from './passkey-failure-words';

const en = testTranslator('en', 'errors');
const de = testTranslator('de', 'errors');

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
  });

  it('say it in German for a German reader', () => {
    const tooLong = checkPasskeyName('x'.repeat(500));
    assert.ok(!tooLong.ok);
    assert.equal(nameProblemIn(de, tooLong), 'Verwenden Sie höchstens 40 Zeichen.');
  });

});
