import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachmentLabel, NO_TRANSPORTS_LABEL, transportLabel, transportsLabel, UNKNOWN_ATTACHMENT_LABEL } from './passkey-labels';

describe('attachmentLabel', () => {
  it('names the two kinds of authenticator in words', () => {
    assert.equal(attachmentLabel('platform'), "This device's built-in authenticator");
    assert.equal(attachmentLabel('cross-platform'), 'Security key or phone');
  });

  it('says so when Cognito does not report the kind, or reports one it does not know', () => {
    for (const value of [null, undefined, '', 'quantum']) assert.equal(attachmentLabel(value), UNKNOWN_ATTACHMENT_LABEL);
  });
});

describe('transportsLabel', () => {
  it('names every WebAuthn transport', () => {
    assert.equal(transportLabel('usb'), 'USB');
    assert.equal(transportLabel('nfc'), 'NFC');
    assert.equal(transportLabel('ble'), 'Bluetooth');
    assert.equal(transportLabel('internal'), 'Internal (built in)');
    assert.equal(transportLabel('hybrid'), 'Hybrid (phone or tablet nearby)');
    assert.equal(transportLabel('smart-card'), 'Smart card');
  });

  it('joins them in the order given', () => {
    assert.equal(transportsLabel(['usb', 'nfc', 'ble']), 'USB, NFC, Bluetooth');
  });

  it('shows cable (the old name for hybrid) and hybrid once', () => {
    assert.equal(transportsLabel(['hybrid', 'cable', 'internal']), 'Hybrid (phone or tablet nearby), Internal (built in)');
  });

  it('keeps a transport it does not know rather than hiding it', () => {
    assert.equal(transportsLabel(['usb', 'quantum-link']), 'USB, quantum-link');
  });

  it('says when none are reported', () => {
    assert.equal(transportsLabel([]), NO_TRANSPORTS_LABEL);
    assert.equal(transportsLabel(undefined), NO_TRANSPORTS_LABEL);
  });
});
