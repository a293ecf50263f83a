import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ResumeIntent } from './resume-intent';
import { rememberResume, RESUME_LIFETIME_MS, takeResume, type ResumeStorage } from './resume-storage';

/** A tab's sessionStorage. */
function tabStorage(): ResumeStorage & { size: () => number } {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    size: () => items.size,
  };
}

const DELETE: ResumeIntent = { action: 'delete-passkey', id: 'AbC-_123' };

describe('the step-up resume intent', () => {
  it('comes back once, for the ID this tab stored', () => {
    const storage = tabStorage();
    const id = rememberResume(storage, DELETE);
    assert.match(id, /^[A-Za-z0-9_-]{22}$/);
    assert.deepEqual(takeResume(storage, id), DELETE);
    assert.equal(takeResume(storage, id), null); // a reload, or the return URL again
    assert.equal(storage.size(), 0);
  });

  it('is a new random ID every time', () => {
    const storage = tabStorage();
    const ids = new Set(Array.from({ length: 50 }, () => rememberResume(storage, { action: 'add-passkey' })));
    assert.equal(ids.size, 50);
  });

  it('resumes nothing from a link: no intent stored, a guessed ID, or the old intent name', () => {
    const empty = tabStorage();
    for (const id of ['add-passkey', 'AAAAAAAAAAAAAAAAAAAAAA', null, '']) assert.equal(takeResume(empty, id), null, String(id));
    const storage = tabStorage();
    rememberResume(storage, { action: 'add-passkey' });
    assert.equal(takeResume(storage, 'add-passkey'), null);
  });

  it('spends the stored intent even when the ID does not match, so a later right ID finds nothing', () => {
    const storage = tabStorage();
    const id = rememberResume(storage, DELETE);
    assert.equal(takeResume(storage, 'BBBBBBBBBBBBBBBBBBBBBB'), null);
    assert.equal(takeResume(storage, id), null);
  });

  it('expires, and refuses a stored value that is not an intent', () => {
    const storage = tabStorage();
    const now = 1_800_000_000_000;
    const id = rememberResume(storage, DELETE, now);
    assert.equal(takeResume(storage, id, now + RESUME_LIFETIME_MS + 1), null);
    for (const stored of ['not json', JSON.stringify({ id, intent: 'sign-out-everywhere', until: now + 1000 }), JSON.stringify({ id, intent: 'add-passkey' }), 'null']) {
      storage.setItem('cognito-security-portal:step-up-resume', stored);
      assert.equal(takeResume(storage, id, now), null, stored);
    }
  });
});
