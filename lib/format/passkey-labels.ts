import type { PasskeyTranslate } from './passkey-messages';

/**
 * Words a person reads for what Cognito says about a passkey (ListWebAuthnCredentials'
 * AuthenticatorAttachment and AuthenticatorTransports): plain data in, the `passkeys` catalog's
 * words out (the row's server-rendered parts use them, so they never reach the browser as code).
 */

const ATTACHMENT_KEYS: Record<string, string> = {
  platform: 'attachmentPlatform',
  'cross-platform': 'attachmentCrossPlatform',
};

/** WebAuthn's AuthenticatorTransport values, plus `cable`, Chrome's old name for `hybrid`. */
const TRANSPORT_KEYS: Record<string, string> = {
  usb: 'transportUsb',
  nfc: 'transportNfc',
  ble: 'transportBle',
  internal: 'transportInternal',
  hybrid: 'transportHybrid',
  cable: 'transportHybrid',
  'smart-card': 'transportSmartCard',
};

/** "This device's built-in authenticator", "Security key or phone", or that it was not reported. */
export function attachmentLabel(attachment: string | null | undefined, t: PasskeyTranslate): string {
  const key = attachment && Object.hasOwn(ATTACHMENT_KEYS, attachment) ? ATTACHMENT_KEYS[attachment] : 'attachmentUnknown';
  return t(key);
}

/** One transport in words; a value WebAuthn adds later is shown as it is rather than hidden. */
export function transportLabel(transport: string, t: PasskeyTranslate): string {
  return Object.hasOwn(TRANSPORT_KEYS, transport) ? t(TRANSPORT_KEYS[transport]) : transport;
}

// One list format per locale: building one costs far more than using it.
const listFormats = new Map<string, Intl.ListFormat>();

/**
 * "USB, NFC": each transport once, in the order given (duplicates such as cable/hybrid merge),
 * listed as `locale` lists units ("USB, NFC, Bluetooth" in English, "USB, NFC und Bluetooth" in German).
 */
export function transportsLabel(transports: readonly string[] | null | undefined, t: PasskeyTranslate, locale = 'en'): string {
  const labels = [...new Set((transports ?? []).map((transport) => transportLabel(transport, t)))];
  if (labels.length === 0) return t('noTransports');
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: 'unit', style: 'short' });
    listFormats.set(locale, format);
  }
  return format.format(labels);
}
