import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { fetchedNodeDir, MINIMUM_NODE_MAJOR, unsupportedNodeMessage } from './node-version.mjs';

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

test('the cache for a fetched Node is the one the README and .ci/run name', () => {
  assert.equal(fetchedNodeDir({ HOME: '/home/someone' }), '/home/someone/.cache/node24');
});

test('a command runs on a supported Node, with its exit code passed through', { timeout: 180_000 }, () => {
  // On an older Node this fetches Node 24 once (or uses the cache), as `npm start` would.
  const script = 'process.stdout.write(process.versions.node); process.exit(7)';
  const run = spawnSync(process.execPath, ['scripts/node-version.mjs', 'node', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 7, run.stderr);
  assert.ok(Number(run.stdout.split('.')[0]) >= MINIMUM_NODE_MAJOR, run.stdout);
});

test('without a command it says how to call it', () => {
  const run = spawnSync(process.execPath, ['scripts/node-version.mjs'], { encoding: 'utf8' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /usage: node scripts\/node-version\.mjs <command>/);
});
