import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testTranslator } from '@/lib/i18n/test-translator';
import { attachmentLabel, transportLabel, transportsLabel } from './passkey-labels';

const t = testTranslator('en', 'passkeys');
const UNKNOWN_ATTACHMENT_LABEL = 'Kind of authenticator not reported';
const NO_TRANSPORTS_LABEL = 'Not reported';

describe('attachmentLabel', () => {
  it('names the two kinds of authenticator in words', () => {
    assert.equal(attachmentLabel('platform', t), "This device's built-in authenticator");
    assert.equal(attachmentLabel('cross-platform', t), 'Security key or phone');
  });

  it('says so when Cognito does not report the kind, or reports one it does not know', () => {
    for (const value of [null, undefined, '', 'quantum']) assert.equal(attachmentLabel(value, t), UNKNOWN_ATTACHMENT_LABEL);
  });
});

describe('transportsLabel', () => {
  it('names every WebAuthn transport', () => {
    assert.equal(transportLabel('usb', t), 'USB');
    assert.equal(transportLabel('nfc', t), 'NFC');
    assert.equal(transportLabel('ble', t), 'Bluetooth');
    assert.equal(transportLabel('internal', t), 'Internal (built in)');
    assert.equal(transportLabel('hybrid', t), 'Hybrid (phone or tablet nearby)');
    assert.equal(transportLabel('smart-card', t), 'Smart card');
  });

  it('joins them in the order given', () => {
    assert.equal(transportsLabel(['usb', 'nfc', 'ble'], t), 'USB, NFC, Bluetooth');
  });

  it('shows cable (the old name for hybrid) and hybrid once', () => {
    assert.equal(transportsLabel(['hybrid', 'cable', 'internal'], t), 'Hybrid (phone or tablet nearby), Internal (built in)');
  });

  it('keeps a transport it does not know rather than hiding it', () => {
    assert.equal(transportsLabel(['usb', 'quantum-link'], t), 'USB, quantum-link');
  });

  it('says when none are reported', () => {
    assert.equal(transportsLabel([], t), NO_TRANSPORTS_LABEL);
    assert.equal(transportsLabel(undefined, t), NO_TRANSPORTS_LABEL);
  });
});

describe('in other languages', () => {
  it('names kinds and transports in the person’s language, listed as the language lists them', () => {
    const de = testTranslator('de', 'passkeys');
    assert.equal(attachmentLabel('cross-platform', de), 'Sicherheitsschlüssel oder Smartphone');
    assert.equal(transportsLabel(['usb', 'nfc', 'hybrid'], de, 'de'), 'USB, NFC und Hybrid (Smartphone oder Tablet in der Nähe)');
    assert.equal(transportsLabel([], de, 'de'), 'Nicht angegeben');
  });
});
