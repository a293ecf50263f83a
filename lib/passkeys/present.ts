import 'server-only';
import type { Passkey } from '@/lib/cognito/passkeys';
import { detailOf, type PasskeyDetail, type PasskeyDetails } from './details-codec';
import type { PasskeyKind, PasskeyView } from './passkey-view';
import { providerName } from './providers';

function kindOf(passkey: Passkey, detail: PasskeyDetail | null): PasskeyKind {
  if (detail?.backupEligible) return 'synced';
  if (passkey.attachment === 'platform' || passkey.transports.includes('internal')) return 'this-device';
  return 'security-key';
}

/** One passkey as shown, with its stored details (if any) and its provider's name. */
export function toPasskeyView(passkey: Passkey, details: PasskeyDetails | null): PasskeyView {
  const detail = details ? detailOf(details, passkey.id) : null;
  const provider = providerName(detail?.aaguid);
  const customName = detail?.name ?? null;
  return {
    ...passkey,
    displayName: customName ?? provider ?? passkey.name,
    customName,
    providerName: provider,
    sync: detail?.backedUp ? 'synced' : detail?.backupEligible === false ? 'device-only' : null,
    kind: kindOf(passkey, detail),
  };
}
