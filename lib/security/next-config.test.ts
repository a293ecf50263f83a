import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { BASELINE_HEADERS } from './headers';

type HeaderRule = { source: string; headers: { key: string; value: string }[] };

describe('next.config.mjs', () => {
  it('gives every route the same baseline headers as the pages get from the proxy', async () => {
    const config = (await import(pathToFileURL(resolve('next.config.mjs')).href)).default as { headers: () => Promise<HeaderRule[]> };
    const rules = await config.headers();
    const all = rules.find((rule) => rule.source === '/:path*');
    assert.ok(all, 'a rule for every path');
    assert.deepEqual(Object.fromEntries(all.headers.map((h) => [h.key, h.value])), BASELINE_HEADERS);
  });

  it('lets nothing run or frame next-auth’s routes, which get no page headers from the proxy', async () => {
    const config = (await import(pathToFileURL(resolve('next.config.mjs')).href)).default as { headers: () => Promise<HeaderRule[]> };
    const auth = (await config.headers()).find((rule) => rule.source === '/api/auth/:path*');
    const headers = Object.fromEntries(auth!.headers.map((h) => [h.key, h.value]));
    assert.match(headers['Content-Security-Policy'], /default-src 'none'/);
    assert.doesNotMatch(headers['Content-Security-Policy'], /script-src/);
    assert.match(headers['Content-Security-Policy'], /frame-ancestors 'none'/);
    assert.equal(headers['X-Frame-Options'], 'DENY');
  });
});
