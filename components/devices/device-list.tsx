'use client';

import type { DeviceRow } from '@/lib/format/device-rows';
import { DEVICE_LIST_ANCHOR } from '@/lib/format/devices-view-names';
import { DeviceItem } from './device-item';
import { useDevicesT } from './use-devices-t';

type DeviceListProps = {
  rows: DeviceRow[];
  onStart: () => void;
  onResult: (message: string, tone: 'status' | 'alert') => void;
  onForget: (row: DeviceRow) => void;
};

/** The rows in one bordered card, in the order the server chose (this device first). */
export function DeviceList({ rows, onStart, onResult, onForget }: DeviceListProps) {
  const t = useDevicesT();
  return (
    <ul
      id={DEVICE_LIST_ANCHOR}
      aria-label={t('listLabel')}
      className="scroll-mt-4 divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-700 dark:border-zinc-700"
    >
      {rows.map((row) => (
        <DeviceItem key={row.key} row={row} onStart={onStart} onResult={onResult} onForget={onForget} />
      ))}
    </ul>
  );
}
