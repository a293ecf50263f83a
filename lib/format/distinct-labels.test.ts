import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distinctLabels, distinctLabelsByKey } from './distinct-labels';

describe('distinctLabels', () => {
  it('numbers only the names that several items share, in the order listed', () => {
    assert.deepEqual(distinctLabels(['Chrome on Linux', 'Safari on iOS', 'Chrome on Linux', 'Chrome on Linux']), [
      'Chrome on Linux (1 of 3)',
      'Safari on iOS',
      'Chrome on Linux (2 of 3)',
      'Chrome on Linux (3 of 3)',
    ]);
  });

  it('says the place in the words given', () => {
    assert.deepEqual(distinctLabels(['Tablet', 'Tablet'], (name, place, total) => `${name} (${place} von ${total})`), ['Tablet (1 von 2)', 'Tablet (2 von 2)']);
  });

  it('leaves distinct names alone', () => {
    assert.deepEqual(distinctLabels(['A', 'B']), ['A', 'B']);
    assert.deepEqual(distinctLabels([]), []);
  });
});

describe('distinctLabelsByKey', () => {
  it('gives each item its label under its own key, so two passkeys of one name stay apart', () => {
    const passkeys = [
      { id: 'cred-a', name: 'YubiKey 5 Series' },
      { id: 'cred-b', name: 'Passkey' },
      { id: 'cred-c', name: 'YubiKey 5 Series' },
    ];
    assert.deepEqual(
      distinctLabelsByKey(passkeys, (p) => p.id, (p) => p.name),
      { 'cred-a': 'YubiKey 5 Series (1 of 2)', 'cred-b': 'Passkey', 'cred-c': 'YubiKey 5 Series (2 of 2)' },
    );
  });

  it('is empty for no items', () => {
    assert.deepEqual(distinctLabelsByKey([], String, String), {});
  });
});
