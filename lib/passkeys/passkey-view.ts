import type { Passkey } from '@/lib/cognito/passkeys';

/** The icon of a passkey's kind, drawn by us (components/passkeys/passkey-kind-icon.tsx). */
export type PasskeyKind = 'synced' | 'this-device' | 'security-key';

/** A passkey as the page shows it: Cognito's facts and what the portal keeps (plain data for the browser). */
export type PasskeyView = Passkey & {
  /** Most specific first: the person's name, else the provider's, else Cognito's. */
  displayName: string;
  /** The person's own name for it, or null. */
  customName: string | null;
  /** From the AAGUID ("iCloud Keychain"), or null when unknown. */
  providerName: string | null;
  /** From the BE/BS flags: backed up, device-bound, or not known (then no badge). */
  sync: 'synced' | 'device-only' | null;
  kind: PasskeyKind;
};
