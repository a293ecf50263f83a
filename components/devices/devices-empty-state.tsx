'use client';

import { useDevicesT } from './use-devices-t';

/** Shown when the pool lists no devices: nothing to forget, but signing out everywhere still works. */
export function DevicesEmptyState() {
  const t = useDevicesT();
  return (
    <div className="rounded-md border border-dashed border-zinc-300 p-4 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300">
      <p className="font-medium text-zinc-900 dark:text-zinc-100">{t('emptyTitle')}</p>
      <p className="mt-1">{t('emptyText')}</p>
    </div>
  );
}
