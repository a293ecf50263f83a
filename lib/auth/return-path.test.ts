import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RETURN_PATH, safeReturnPath, signInPath } from './return-path';

describe('safeReturnPath', () => {
  it('keeps same-site paths with their query', () => {
    assert.equal(safeReturnPath('/security'), '/security');
    assert.equal(safeReturnPath('/security?tab=passkeys#list'), '/security?tab=passkeys#list');
  });

  for (const hostile of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'security', '', '/\tx', undefined, ['/security']]) {
    it(`refuses ${JSON.stringify(hostile)}`, () => {
      assert.equal(safeReturnPath(hostile), DEFAULT_RETURN_PATH);
    });
  }
});

describe('signInPath', () => {
  it('encodes the return path and the reason', () => {
    assert.equal(signInPath('/security?a=1&b=2'), '/sign-in?callbackUrl=%2Fsecurity%3Fa%3D1%26b%3D2');
    assert.equal(signInPath('//evil.example', 'session-ended'), '/sign-in?callbackUrl=%2Fsecurity&reason=session-ended');
  });
});
