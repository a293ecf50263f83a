import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStopping, watchForShutdown } from './shutdown';

test('after SIGTERM the instance reports stopping, once, and says so in the log', () => {
  const logged: string[] = [];
  const before = process.listenerCount('SIGTERM');
  watchForShutdown((message) => logged.push(message));
  watchForShutdown((message) => logged.push(message));
  assert.equal(process.listenerCount('SIGTERM'), before + 1);
  assert.equal(isStopping(), false);
  process.emit('SIGTERM');
  assert.equal(isStopping(), true);
  assert.deepEqual(logged, ['SIGTERM: not ready any more; finishing in-flight requests, then exiting.']);
});
