import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unsupportedNodeMessage } from './node-version.mjs';

test('the maintained LTS lines and newer are supported', () => {
  for (const version of ['v22.0.0', 'v22.23.3', 'v24.21.0', 'v25.1.0']) assert.equal(unsupportedNodeMessage(version), null, version);
});

test('an older Node gets a message naming its version, the supported ones and how to get one', () => {
  const message = unsupportedNodeMessage('v20.20.2');
  assert.ok(message);
  assert.match(message, /Node\.js v20\.20\.2/);
  assert.match(message, /22 or 24/);
  assert.match(message, /npm install --prefix "\$HOME\/\.cache\/node24" node@24/);
});

test('an unreadable version is refused, not waved through', () => {
  assert.ok(unsupportedNodeMessage('garbage'));
});
