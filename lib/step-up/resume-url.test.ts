import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resumeValue, type ResumeIntent } from './resume-intent';
import { parseResumeValue, withoutResume, withResume } from './resume-url';

describe('resume intents', () => {
  const intents: ResumeIntent[] = [
    { action: 'add-passkey' },
    { action: 'delete-passkey', id: 'AbC-_123' },
    { action: 'forget-device', id: 'local-1_5f0a2c3e-0000-4000-8000-000000000001' },
    { action: 'remember-device', id: 'local-1_5f0a2c3e-0000-4000-8000-000000000001' },
  ];

  it('round-trips through their stored value', () => {
    for (const intent of intents) assert.deepEqual(parseResumeValue(resumeValue(intent)), intent);
  });

  it('refuses anything else', () => {
    for (const value of [null, '', 'add-passkey:1', 'delete-passkey', 'delete-passkey:', 'delete-passkey:a b', `delete-passkey:${'a'.repeat(1365)}`, 'forget-device:nope', `forget-device:r_${'a'.repeat(60)}`, 'remember-device:nope', 'sign-out-everywhere']) {
      assert.equal(parseResumeValue(value), null, String(value));
    }
    assert.equal(resumeValue({ action: 'add-passkey' }), 'add-passkey');
  });
});

describe('the return URL', () => {
  it('carries the ID only, replacing an earlier one, and keeps the rest of the path', () => {
    assert.equal(withResume('/security?tab=1&resume=old', 'AAAAAAAAAAAAAAAAAAAAAA'), '/security?tab=1&resume=AAAAAAAAAAAAAAAAAAAAAA');
  });

  it('loses the ID and keeps everything else', () => {
    assert.equal(withoutResume('/security?resume=AAAAAAAAAAAAAAAAAAAAAA&tab=1#devices'), '/security?tab=1#devices');
    assert.equal(withoutResume('/security?resume=add-passkey'), '/security');
  });
});
