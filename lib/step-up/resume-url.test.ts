import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resumeValue, type ResumeIntent } from './resume-intent';
import { parseResumeValue, withResume } from './resume-url';

describe('resume intents', () => {
  const intents: ResumeIntent[] = [
    { action: 'add-passkey' },
    { action: 'delete-passkey', id: 'AbC-_123' },
    { action: 'forget-device', id: 'local-1_5f0a2c3e-0000-4000-8000-000000000001' },
  ];

  it('round-trips through the return URL', () => {
    for (const intent of intents) {
      const path = withResume('/security', intent);
      const value = new URL(path, 'http://x').searchParams.get('resume');
      assert.deepEqual(parseResumeValue(value), intent);
      assert.equal(resumeValue(parseResumeValue(value)!), resumeValue(intent));
    }
  });

  it('keeps the rest of the path and replaces an earlier intent', () => {
    const path = withResume('/embed/add-passkey?state=s&host=h&resume=add-passkey', { action: 'delete-passkey', id: 'x' });
    assert.equal(path, '/embed/add-passkey?state=s&host=h&resume=delete-passkey%3Ax');
  });

  it('refuses anything else', () => {
    for (const value of [null, '', 'add-passkey:1', 'delete-passkey', 'delete-passkey:', 'delete-passkey:a b', `delete-passkey:${'a'.repeat(1365)}`, 'forget-device:nope', `forget-device:r_${'a'.repeat(60)}`, 'sign-out-everywhere']) {
      assert.equal(parseResumeValue(value), null, String(value));
    }
    assert.equal(resumeValue({ action: 'add-passkey' }), 'add-passkey');
  });
});
