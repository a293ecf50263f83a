import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allowedHost,
  hostMessage,
  isPasskeyAddedInPopup,
  isPortalSignedIn,
  MESSAGE_SOURCE,
  parseAccent,
  parseHostCommand,
  parseTheme,
  passkeyAddedInPopupMessage,
  PORTAL_SIGNED_IN_TYPE,
  relayChannelName,
  STATE_PATTERN,
} from './protocol';

const ALLOWED = ['https://app.example', 'http://127.0.0.1:4100'];

describe('allowedHost', () => {
  it('accepts exactly one of the allowed origins', () => {
    assert.equal(allowedHost('https://app.example', ALLOWED), 'https://app.example');
    assert.equal(allowedHost('http://127.0.0.1:4100', ALLOWED), 'http://127.0.0.1:4100');
  });

  it('refuses anything else, however close', () => {
    for (const value of ['https://app.example/', 'https://APP.example', 'http://app.example', 'https://app.example:443', 'https://evil.app.example', 'https://app.example.evil', '*', '', 'null']) {
      assert.equal(allowedHost(value, ALLOWED), null, value);
    }
    for (const value of [undefined, null, ['https://app.example'], 1]) assert.equal(allowedHost(value, ALLOWED), null);
    assert.equal(allowedHost('https://app.example', []), null);
  });
});

describe('hostMessage', () => {
  it('is versioned and names its source', () => {
    assert.deepEqual(hostMessage({ type: 'passkey-added' }), { source: 'cognito-security-portal', version: 1, type: 'passkey-added' });
    assert.deepEqual(hostMessage({ type: 'resize', height: 120 }), { source: 'cognito-security-portal', version: 1, type: 'resize', height: 120 });
  });
});

describe('parseTheme and parseAccent', () => {
  it('takes only the theme enum', () => {
    for (const theme of ['light', 'dark', 'system']) assert.equal(parseTheme(theme), theme);
    for (const value of ['Light', 'auto', '', ' dark', undefined, 1, ['dark']]) assert.equal(parseTheme(value), null);
  });

  it('takes only #rgb or #rrggbb, lower-cased', () => {
    assert.equal(parseAccent('#4F46E5'), '#4f46e5');
    assert.equal(parseAccent('#abc'), '#abc');
    for (const value of ['4f46e5', '#4f46e', '#4f46e5ff', 'red', 'url(x)', 'var(--x)', '#abc;color:red', '#ggg', '', undefined, 5]) {
      assert.equal(parseAccent(value), null, String(value));
    }
  });
});

describe('parseHostCommand', () => {
  it('accepts a valid set-theme', () => {
    assert.deepEqual(parseHostCommand({ type: 'set-theme', theme: 'dark' }), { type: 'set-theme', theme: 'dark', accent: null });
    assert.deepEqual(parseHostCommand({ type: 'set-theme', accent: '#047857' }), { type: 'set-theme', theme: null, accent: '#047857' });
    assert.deepEqual(parseHostCommand({ source: 'anything', type: 'set-theme', theme: 'light', accent: '#FFF' }), { type: 'set-theme', theme: 'light', accent: '#fff' });
  });

  it('refuses other types and anything malformed, whole', () => {
    for (const data of [
      null,
      undefined,
      'set-theme',
      ['set-theme'],
      {},
      { type: 'resize', height: 1 },
      { type: 'set-theme' },
      { type: 'set-theme', theme: 'blue' },
      { type: 'set-theme', theme: 'dark', accent: 'red' }, // one bad field refuses it all
      { type: 'set-theme', accent: 'expression(alert(1))' },
      { type: 'set-theme', theme: null },
    ]) {
      assert.equal(parseHostCommand(data), null, JSON.stringify(data));
    }
  });
});

describe('the add-passkey popup’s message', () => {
  const state = 'A'.repeat(43);

  it('is versioned and carries the state', () => {
    assert.deepEqual(passkeyAddedInPopupMessage(state), { source: 'cognito-security-portal', version: 1, type: 'passkey-added-in-popup', state });
    assert.ok(isPasskeyAddedInPopup(passkeyAddedInPopupMessage(state), state));
  });

  it('is refused with another state, when none is awaited, or in another shape', () => {
    const message = passkeyAddedInPopupMessage(state);
    assert.equal(isPasskeyAddedInPopup(message, 'B'.repeat(43)), false);
    assert.equal(isPasskeyAddedInPopup(message, null), false);
    assert.equal(isPasskeyAddedInPopup({ ...message, version: 2 }, state), false);
    assert.equal(isPasskeyAddedInPopup({ ...message, source: 'someone-else' }, state), false);
    assert.equal(isPasskeyAddedInPopup({ ...message, type: 'embed-handoff' }, state), false);
    assert.equal(isPasskeyAddedInPopup({ ...message, state: undefined }, state), false);
    assert.equal(isPasskeyAddedInPopup(null, state), false);
    assert.equal(isPasskeyAddedInPopup('passkey-added-in-popup', state), false);
  });
});

describe('STATE_PATTERN', () => {
  it('is 32 bytes of base64url', () => {
    assert.ok(STATE_PATTERN.test(Buffer.from(new Uint8Array(32).fill(255)).toString('base64url')));
    assert.ok(!STATE_PATTERN.test('a'.repeat(42)));
    assert.ok(!STATE_PATTERN.test('a'.repeat(44)));
    assert.ok(!STATE_PATTERN.test(`${'a'.repeat(42)}=`));
    assert.ok(!STATE_PATTERN.test(`${'a'.repeat(42)}+`));
  });
});

describe('the sign-in windows’ BroadcastChannel', () => {
  it('is named from the state, so each sign-in has its own', () => {
    assert.notEqual(relayChannelName('A'.repeat(43)), relayChannelName('B'.repeat(43)));
    assert.ok(relayChannelName('A'.repeat(43)).endsWith('A'.repeat(43)));
  });

  it('tells the add-passkey window only its own state’s sign-in', () => {
    const state = 'A'.repeat(43);
    const message = { source: MESSAGE_SOURCE, type: PORTAL_SIGNED_IN_TYPE, state };
    assert.equal(isPortalSignedIn(message, state), true);
    assert.equal(isPortalSignedIn(message, 'B'.repeat(43)), false);
    assert.equal(isPortalSignedIn({ ...message, source: 'someone-else' }, state), false);
    assert.equal(isPortalSignedIn({ ...message, type: 'embed-handoff' }, state), false);
    assert.equal(isPortalSignedIn(null, state), false);
  });
});
