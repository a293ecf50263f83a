import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { ATTRIBUTE_MAX_LENGTH, credentialKey, decodeDetails, detailOf, encodeDetails, withChange, type PasskeyDetails } from './details-codec';

const credentialId = () => randomBytes(64).toString('base64url');
const handle = Buffer.from(randomUUID()).toString('base64url');

test('20 passkeys, each with a 40-character name, AAGUID and flags, fit 2,048 characters and read back the same', () => {
  const ids = Array.from({ length: 20 }, credentialId);
  let details: PasskeyDetails = { userHandle: handle, entries: new Map() };
  for (const [index, id] of ids.entries()) {
    details = withChange(details, ids, {
      credentialId: id,
      update: { aaguid: randomUUID(), backupEligible: true, backedUp: index % 2 === 0, name: `${'N'.repeat(38)}${String(index).padStart(2, '0')}` },
    });
  }
  const encoded = encodeDetails(details);
  assert.ok(encoded.length <= ATTRIBUTE_MAX_LENGTH, `${encoded.length} characters`);
  assert.deepEqual(decodeDetails(encoded), details);
});

test('flags: unknown, device-bound, eligible only, synced', () => {
  const ids = ['a', 'b', 'c', 'd'];
  const details: PasskeyDetails = {
    userHandle: null,
    entries: new Map([
      [credentialKey('a'), { aaguid: null, backupEligible: null, backedUp: null, name: 'Mine' }],
      [credentialKey('b'), { aaguid: null, backupEligible: false, backedUp: false, name: null }],
      [credentialKey('c'), { aaguid: null, backupEligible: true, backedUp: false, name: null }],
      [credentialKey('d'), { aaguid: null, backupEligible: true, backedUp: true, name: null }],
    ]),
  };
  const back = decodeDetails(encodeDetails(details));
  assert.deepEqual(back, details);
  assert.equal(detailOf(back, ids[3])?.backedUp, true);
  assert.equal(detailOf(back, 'd==')?.backedUp, true, 'padding does not change the key');
});

test('hostile or broken values read as nothing, or drop only the bad entries', () => {
  const good = ['AAAAAAAAAAAA', '', 3, 'Phone'];
  for (const raw of [undefined, '', 'x', '{"v":2,"p":[]}', '[1]', 'null', '{"v":1,"p":"no"}', `{"v":1,"p":[${'1,'.repeat(3000)}1]}`]) {
    assert.equal(decodeDetails(raw).entries.size, 0, String(raw).slice(0, 30));
  }
  const mixed = decodeDetails(
    JSON.stringify({
      v: 1,
      u: 'not a handle!',
      p: [
        good,
        ['short', '', 0, 'x'],
        ['BBBBBBBBBBBB', 'zz', 0, 'x'],
        ['CCCCCCCCCCCC', '', 7, 'x'],
        ['DDDDDDDDDDDD', '', 0, 'bad\u0000name'],
        ['EEEEEEEEEEEE', '', 0, 'x'.repeat(41)],
        ['FFFFFFFFFFFF', '', 0, '\u202Eevil'],
        { key: 'GGGGGGGGGGGG' },
        ['HHHHHHHHHHHH', '', 1, '  <b>Mine</b>  '],
      ],
    }),
  );
  assert.equal(mixed.userHandle, null);
  assert.deepEqual([...mixed.entries.keys()], ['AAAAAAAAAAAA', 'HHHHHHHHHHHH']);
  assert.equal(mixed.entries.get('HHHHHHHHHHHH')?.name, '<b>Mine</b>', 'kept as text (escaped on output), trimmed');
});

test('a write prunes passkeys no longer listed and keeps the others', () => {
  const details = withChange(withChange(withChange(decodeDetails(''), ['a', 'b'], { credentialId: 'a', update: { name: 'A' } }), ['a', 'b'], { credentialId: 'b', update: { name: 'B' } }), ['b', 'c'], {
    credentialId: 'c',
    update: { name: 'C' },
  });
  assert.deepEqual([...details.entries.values()].map((d) => d.name), ['B', 'C']);
});

test('two renames re-read before writing both survive (the merge the actions do)', () => {
  const ids = ['one', 'two'];
  const stored = withChange(decodeDetails(''), ids, { credentialId: 'one', update: { backupEligible: true, backedUp: true } }, handle);
  // Tab 1 writes its rename; tab 2 re-reads what tab 1 wrote and applies its own.
  const afterTab1 = encodeDetails(withChange(decodeDetails(encodeDetails(stored)), ids, { credentialId: 'one', update: { name: 'Laptop' } }));
  const afterTab2 = encodeDetails(withChange(decodeDetails(afterTab1), ids, { credentialId: 'two', update: { name: 'Phone' } }));
  const final = decodeDetails(afterTab2);
  assert.equal(detailOf(final, 'one')?.name, 'Laptop');
  assert.equal(detailOf(final, 'one')?.backedUp, true);
  assert.equal(detailOf(final, 'two')?.name, 'Phone');
  assert.equal(final.userHandle, handle);
});
