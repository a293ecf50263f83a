import type { PasskeyView } from '@/lib/passkeys/passkey-view';
import { DEVICE_ONLY_BADGE, DEVICE_ONLY_BADGE_HINT, SYNCED_BADGE, SYNCED_BADGE_HINT } from '@/lib/format/passkey-details-messages';

/** "Synced" or "This device only", from the passkey's backup flags (the start of its row's secondary line); nothing when they are not known. */
export function PasskeySyncBadge({ sync }: { sync: PasskeyView['sync'] }) {
  if (!sync) return null;
  const synced = sync === 'synced';
  return <span title={synced ? SYNCED_BADGE_HINT : DEVICE_ONLY_BADGE_HINT}>{synced ? SYNCED_BADGE : DEVICE_ONLY_BADGE}</span>;
}
