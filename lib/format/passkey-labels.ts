/**
 * Words a person reads for what Cognito says about a passkey (ListWebAuthnCredentials'
 * AuthenticatorAttachment and AuthenticatorTransports). Plain data in, plain text out, so it is
 * the same on the server and in the browser.
 */

const ATTACHMENT_LABELS: Record<string, string> = {
  platform: "This device's built-in authenticator",
  'cross-platform': 'Security key or phone',
};

/** WebAuthn's AuthenticatorTransport values, plus `cable`, Chrome's old name for `hybrid`. */
const TRANSPORT_LABELS: Record<string, string> = {
  usb: 'USB',
  nfc: 'NFC',
  ble: 'Bluetooth',
  internal: 'Internal (built in)',
  hybrid: 'Hybrid (phone or tablet nearby)',
  cable: 'Hybrid (phone or tablet nearby)',
  'smart-card': 'Smart card',
};

export const UNKNOWN_ATTACHMENT_LABEL = 'Kind of authenticator not reported';
export const NO_TRANSPORTS_LABEL = 'Not reported';

/** "This device's built-in authenticator", "Security key or phone", or that it was not reported. */
export function attachmentLabel(attachment: string | null | undefined): string {
  return (attachment && ATTACHMENT_LABELS[attachment]) || UNKNOWN_ATTACHMENT_LABEL;
}

/** One transport in words; a value WebAuthn adds later is shown as it is rather than hidden. */
export function transportLabel(transport: string): string {
  return TRANSPORT_LABELS[transport] ?? transport;
}

/** "USB, NFC": each transport once, in the order given (duplicates such as cable/hybrid merge). */
export function transportsLabel(transports: readonly string[] | null | undefined): string {
  const labels = [...new Set((transports ?? []).map(transportLabel))];
  return labels.length ? labels.join(', ') : NO_TRANSPORTS_LABEL;
}
