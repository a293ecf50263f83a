import type { PasskeyTranslate } from '@/lib/format/passkey-messages';
import type { PasskeyView } from '@/lib/passkeys/passkey-view';

/** "Synced" or "This device only", from the passkey's backup flags (the start of its row's secondary line); nothing when they are not known. */
export function PasskeySyncBadge({ sync, t }: { sync: PasskeyView['sync']; t: PasskeyTranslate }) {
  if (!sync) return null;
  const synced = sync === 'synced';
  return <span title={synced ? t('syncedBadgeHint') : t('deviceOnlyBadgeHint')}>{synced ? t('syncedBadge') : t('deviceOnlyBadge')}</span>;
}
