import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryOf, summarizeProfile, type CpuProfile } from './profile-summary';

test('code is put where a person would look for it', () => {
  assert.equal(categoryOf('(garbage collector)', ''), 'garbage collection');
  assert.equal(categoryOf('writev', 'node:internal/stream_base_commons'), 'Node HTTP, sockets, streams');
  assert.equal(categoryOf('e', 'file:///x/node_modules/next/dist/compiled/next-server/app-page-turbo.runtime.prod.js'), 'Next.js app-page runtime (React server renderers inside)');
  assert.equal(categoryOf('f', 'file:///x/node_modules/next/dist/server/base-server.js'), 'Next.js');
  assert.equal(categoryOf('send', 'file:///x/node_modules/@smithy/core/dist-cjs/index.js'), 'AWS SDK');
  assert.equal(categoryOf('render', 'file:///x/.next/server/chunks/ssr/app_page.js'), 'the app’s bundles (project code and what they inline)');
});

test('self time is summed per category, per request, without idle time', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { functionName: '(idle)', url: '', lineNumber: 0 } },
      { id: 2, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: 0 } },
      { id: 3, callFrame: { functionName: 'f', url: 'file:///x/node_modules/next/dist/server/base-server.js', lineNumber: 9 } },
    ],
    samples: [1, 2, 3, 3, 3],
    timeDeltas: [5_000_000, 1_000, 1_000, 1_000, 1_000],
    startTime: 0,
    endTime: 0,
  };
  const text = summarizeProfile(profile, 2);
  assert.match(text, /Busy 0\.0 s over 2 requests: 2\.00 ms of CPU per request\./);
  assert.match(text, /75\.0 %\s+1\.50 ms\s+Next\.js/);
  assert.match(text, /25\.0 %\s+0\.50 ms\s+garbage collection/);
  assert.match(text, /75\.0 %\s+f server\/base-server\.js:10/);
});
