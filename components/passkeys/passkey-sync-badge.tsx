import type { PasskeyView } from '@/lib/passkeys/passkey-view';
import { DEVICE_ONLY_BADGE, DEVICE_ONLY_BADGE_HINT, SYNCED_BADGE, SYNCED_BADGE_HINT } from '@/lib/format/passkey-details-messages';

/** "Synced" or "This device only", from the passkey's backup flags; nothing when they are not known. */
export function PasskeySyncBadge({ sync }: { sync: PasskeyView['sync'] }) {
  if (!sync) return null;
  const synced = sync === 'synced';
  return (
    <span
      title={synced ? SYNCED_BADGE_HINT : DEVICE_ONLY_BADGE_HINT}
      className={
        synced
          ? 'rounded-full border border-emerald-700 px-2 py-0.5 text-xs font-medium text-emerald-900 dark:border-emerald-400 dark:text-emerald-200'
          : 'rounded-full border border-zinc-500 px-2 py-0.5 text-xs font-medium text-zinc-800 dark:border-zinc-400 dark:text-zinc-200'
      }
    >
      {synced ? SYNCED_BADGE : DEVICE_ONLY_BADGE}
    </span>
  );
}
