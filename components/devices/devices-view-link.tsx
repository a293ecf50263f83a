'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { DEVICE_LIST_ANCHOR, DEVICES_VIEW_PARAM } from '@/lib/format/devices-view-names';
import { useDevicesT } from './use-devices-t';

/**
 * "Show all 60 devices" (or back to the recent ones): a plain link to the same page with
 * `?devices=all`, which the server renders with every row. It keeps the page's other query
 * parameters and lands on the list. One element in both states, so focus stays on it.
 */
export function DevicesViewLink({ showAll, total, hidden }: { showAll: boolean; total: number; hidden: number }) {
  const t = useDevicesT();
  const pathname = usePathname();
  const params = new URLSearchParams(useSearchParams().toString());
  if (showAll) params.delete(DEVICES_VIEW_PARAM);
  else params.set(DEVICES_VIEW_PARAM, 'all');
  const query = params.toString();
  return (
    <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
      {!showAll ? <span className="text-zinc-600 dark:text-zinc-400">{t('hiddenCount', { hidden })}</span> : null}
      <a
        href={`${pathname}${query ? `?${query}` : ''}#${DEVICE_LIST_ANCHOR}`}
        className="font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100"
      >
        {showAll ? t('showRecent') : t('showAll', { total })}
      </a>
    </p>
  );
}
