import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readReauthentication, recentEnough } from './authorize-prompt';

const read = (query: string) => readReauthentication(new URLSearchParams(query));

describe('prompt and max_age', () => {
  it('reads login, none and max_age, and ignores consent and select_account', () => {
    assert.deepEqual(read(''), {});
    assert.deepEqual(read('prompt=login'), { prompt: 'login' });
    assert.deepEqual(read('prompt=none'), { prompt: 'none' });
    assert.deepEqual(read('prompt=consent+login'), { prompt: 'login' });
    assert.deepEqual(read('prompt=select_account'), {});
    assert.deepEqual(read('max_age=0'), { maxAge: 0 });
    assert.deepEqual(read('prompt=login&max_age=3600'), { prompt: 'login', maxAge: 3600 });
  });

  it('refuses what OpenID Connect does not allow, as invalid_request', () => {
    for (const query of ['prompt=none+login', 'prompt=always', 'max_age=-1', 'max_age=1.5', 'max_age=soon', 'max_age=99999999999', 'prompt=login&prompt=none']) {
      assert.throws(() => read(query), { name: 'OAuthError', code: 'invalid_request' }, query);
    }
  });

  it('counts a sign-in exactly max_age seconds old as recent enough, and one a second older as not', () => {
    assert.equal(recentEnough({ maxAge: 300 }, 1000, 1300), true);
    assert.equal(recentEnough({ maxAge: 300 }, 1000, 1301), false);
    assert.equal(recentEnough({}, 0, 1e9), true);
  });
});
