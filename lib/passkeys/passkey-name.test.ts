import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPasskeyName } from './passkey-name';

test('names: trimmed, 1–40 characters as people count them, no control characters', () => {
  assert.deepEqual(checkPasskeyName('  Work laptop '), { ok: true, name: 'Work laptop' });
  assert.deepEqual(checkPasskeyName('x'.repeat(40)), { ok: true, name: 'x'.repeat(40) });
  assert.deepEqual(checkPasskeyName('🔑'.repeat(40)), { ok: true, name: '🔑'.repeat(40) });
  assert.deepEqual(checkPasskeyName('x'.repeat(41)), { ok: false, reason: 'too-long' });
  assert.deepEqual(checkPasskeyName('   '), { ok: false, reason: 'empty' });
  assert.deepEqual(checkPasskeyName(42), { ok: false, reason: 'empty' });
  assert.deepEqual(checkPasskeyName('a\nb'), { ok: false, reason: 'control-character' });
  assert.deepEqual(checkPasskeyName('a\u202Eb'), { ok: false, reason: 'control-character' });
  assert.deepEqual(checkPasskeyName('<script>'), { ok: true, name: '<script>' });
});
