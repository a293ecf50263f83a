import type { Attachment } from './registration-document';

/**
 * Names for well-known AAGUIDs, from the community list at
 * github.com/passkeydeveloper/passkey-authenticator-aaguids. Cognito's own naming is not
 * documented; this follows what browsers' and password managers' UIs show.
 */
const KNOWN_AUTHENTICATORS: Record<string, string> = {
  'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4': 'Google Password Manager',
  'fbfc3007-154e-4ecc-8c0b-6e020557d7bd': 'iCloud Keychain',
  '08987058-cadc-4b81-b6e1-30de50dcbe96': 'Windows Hello',
  '9ddd1817-af5a-4672-a2b9-3e3dd95000a9': 'Windows Hello',
  '6028b017-b1d4-4c02-b4b3-afcdafc96bb2': 'Windows Hello',
  'bada5566-a7aa-401f-bd96-45619a55120d': '1Password',
  'd548826e-79b4-db40-a3d8-11116f7e8349': 'Bitwarden',
  'adce0002-35bc-c60a-648b-0b25f1f05503': 'Chrome on Mac',
  'cb69481e-8ff7-4039-93ec-0a2729a154a8': 'YubiKey 5 Series',
  'ee882879-721c-4913-9775-3dfcce97072a': 'YubiKey 5 Series',
  '53414d53-554e-4700-0000-000000000000': 'Samsung Pass',
  '531126d6-e717-415c-9320-3d9aa6981239': 'Dashlane',
  '50726f74-6f6e-5061-7373-50726f746f6e': 'Proton Pass',
};

/**
 * A name for a new passkey that none of the user's other passkeys has: the portal labels its
 * buttons "Delete passkey <name>", so two passkeys with one name would be indistinguishable.
 */
export function friendlyNameFor(aaguid: string, attachment: Attachment | undefined, takenNames: Iterable<string>): string {
  const base = KNOWN_AUTHENTICATORS[aaguid.toLowerCase()] ?? (attachment === 'cross-platform' ? 'Security key' : 'Passkey');
  const taken = new Set(takenNames);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const name = `${base} ${n}`;
    if (!taken.has(name)) return name;
  }
}
