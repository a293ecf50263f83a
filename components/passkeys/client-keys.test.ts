import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ActionFailure } from '@/lib/cognito/cognito-action';
import { CEREMONY_FAILURE_KEYS } from '@/lib/format/ceremony-failure';
import { nameProblemMessage } from '@/lib/format/passkey-message-keys';
import { deletePasskeyFailureMessage } from '@/lib/format/passkey-messages';
import { readCatalog } from '@/lib/i18n/test-translator';
import { ADD_PASSKEY_KEYS, PASSKEY_LIST_KEYS, PASSKEY_NAMING_KEYS, passkeysPanelKeys } from './client-keys';

const english = readCatalog('en', 'passkeys') as Record<string, string>;
const source = (file: string) => readFileSync(join(import.meta.dirname, file), 'utf8');

/** The catalog keys a file names as string literals (t('key'), and keys kept in tables). */
function keysNamedIn(file: string): string[] {
  return [...source(file).matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]).filter((literal) => Object.hasOwn(english, literal));
}

/** A translator that notes what it is asked for. */
function recorder() {
  const asked = new Set<string>();
  const t = (key: string) => {
    asked.add(key);
    return key;
  };
  return { t, asked };
}

// The client components (and the lazily loaded ceremony) of the Passkeys section.
const ADD_FILES = ['add-passkey-button.tsx', 'add-passkey-ceremony.ts'];
const PANEL_FILES = [...ADD_FILES, 'passkeys-panel.tsx', 'passkey-list.tsx', 'passkey-item.tsx', 'passkey-name-field.tsx', 'name-new-passkey.tsx', 'run-passkey-action.ts'];

describe('the passkeys messages sent to the browser', () => {
  it('are all in the English catalog', () => {
    for (const key of [...ADD_PASSKEY_KEYS, ...PASSKEY_NAMING_KEYS, ...PASSKEY_LIST_KEYS]) assert.ok(Object.hasOwn(english, key), key);
  });

  it('hold every key the client components name', () => {
    const sent = new Set(passkeysPanelKeys(true));
    for (const file of PANEL_FILES) for (const key of keysNamedIn(file)) assert.ok(sent.has(key), `${file}: ${key}`);
  });

  it('give the add button and its ceremony what they need on their own (the add-passkey window sends only these)', () => {
    const sent = new Set<string>(ADD_PASSKEY_KEYS);
    for (const file of ADD_FILES) for (const key of keysNamedIn(file)) assert.ok(sent.has(key), `${file}: ${key}`);
    for (const key of CEREMONY_FAILURE_KEYS) assert.ok(sent.has(key), key);
  });

  it('hold every message the name check and a failed delete can pick', () => {
    const naming = recorder();
    for (const reason of ['empty', 'too-long', 'control-character'] as const) nameProblemMessage({ ok: false, reason }, naming.t);
    for (const key of naming.asked) assert.ok((PASSKEY_NAMING_KEYS as readonly string[]).includes(key), key);
    const deleting = recorder();
    for (const code of ['not-found', 'invalid-input', 'invalid-request', 'outcome-unknown', 'throttled'] as ActionFailure['code'][]) {
      deletePasskeyFailureMessage({ ok: false, code, message: 'x', retryable: false }, 'Passkey', deleting.t);
    }
    assert.equal(deleting.asked.size, 4);
    for (const key of deleting.asked) assert.ok((PASSKEY_LIST_KEYS as readonly string[]).includes(key), key);
  });

  it('leave naming out where names cannot be kept', () => {
    assert.ok(!passkeysPanelKeys(false).includes('renameItem'));
    assert.ok(passkeysPanelKeys(true).includes('renameItem'));
  });
});

describe('the client components', () => {
  it('carry no words for people: those come from the catalog', () => {
    for (const file of PANEL_FILES) {
      const code = source(file)
        .split('\n')
        .filter((line) => !/console\.|^\s*(\*|\/\/|\/\*)/.test(line))
        .join('\n');
      // A sentence in a string or between JSX tags ("Add a passkey", >Delete passkey<).
      assert.doesNotMatch(code, /['"`]\s*[A-Z][a-z’']+(?: [a-z’']+){2,}/, file);
      assert.doesNotMatch(code, />\s*[A-Z][a-z]+(?: [a-z]+)+\s*</, file);
      assert.doesNotMatch(code, /passkey-details-messages|messages\/en\//, `${file} loads English words`);
    }
  });
});
