import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addedName, withoutOne } from './names';

describe('which passkey this run added', () => {
  it('is the name the list did not have, wherever it is listed', () => {
    assert.equal(addedName([], ['Passkey']), 'Passkey');
    assert.equal(addedName(['Passkey', 'Security key'], ['Passkey 2', 'Passkey', 'Security key']), 'Passkey 2');
  });

  it('counts repeats, so a second passkey with an old name is found', () => {
    assert.equal(addedName(['Passkey', 'YubiKey'], ['Passkey', 'YubiKey', 'Passkey']), 'Passkey');
  });

  it('refuses a list that did not grow by exactly one', () => {
    assert.throws(() => addedName(['Passkey'], ['Passkey']), /one passkey more/);
    assert.throws(() => addedName([], ['Passkey', 'Security key']), /one passkey more/);
    assert.throws(() => addedName(['Passkey'], ['Security key', 'Passkey 2']), /one passkey more/);
  });

  it('removes one occurrence of a name', () => {
    assert.deepEqual(withoutOne(['Passkey', 'Security key', 'Passkey'], 'Passkey'), ['Security key', 'Passkey']);
    assert.deepEqual(withoutOne(['Passkey'], 'Security key'), ['Passkey']);
  });
});
