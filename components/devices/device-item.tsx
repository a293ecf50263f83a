'use client';

import { LocalTime } from '@/components/ui/local-time';
import type { DeviceSummary } from '@/lib/cognito/devices';
import { ForgetDeviceButton } from './forget-device-button';
import { RememberDeviceToggle } from './remember-device-toggle';

type DeviceItemProps = {
  device: DeviceSummary;
  /** The name that tells it apart from the others listed (its buttons' names and messages). */
  label: string;
  isCurrent: boolean;
  onResult: (message: string, tone: 'status' | 'alert') => void;
  onGone: (deviceKey: string) => void;
};

const NOT_KNOWN = <span className="text-zinc-600 dark:text-zinc-400">Not known</span>;

/** One device: its name, whether it is this one, where and when it was used, and what can be done with it. */
export function DeviceItem({ device, label, isCurrent, onResult, onGone }: DeviceItemProps) {
  return (
    <li className="space-y-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-700">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h3 className="min-w-0 font-semibold break-words">{device.name}</h3>
        {isCurrent ? (
          <span className="rounded-full border border-indigo-300 bg-indigo-50 px-2 py-0.5 text-sm font-medium text-indigo-900 dark:border-indigo-700 dark:bg-indigo-950 dark:text-indigo-100">
            This device
          </span>
        ) : null}
      </div>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-zinc-700 dark:text-zinc-300">Last signed in</dt>
        <dd className="mb-1 sm:mb-0">{device.lastSignedInAt !== null ? <LocalTime epochSeconds={device.lastSignedInAt} /> : NOT_KNOWN}</dd>
        <dt className="font-medium text-zinc-700 dark:text-zinc-300">First seen</dt>
        <dd className="mb-1 sm:mb-0">{device.firstSeenAt !== null ? <LocalTime epochSeconds={device.firstSeenAt} /> : NOT_KNOWN}</dd>
        <dt className="font-medium text-zinc-700 dark:text-zinc-300">Last IP address</dt>
        <dd className="mb-1 break-all sm:mb-0">{device.lastIp ?? NOT_KNOWN}</dd>
        <dt className="font-medium text-zinc-700 dark:text-zinc-300">Remembered</dt>
        <dd>{device.remembered ? 'Yes' : 'No'}</dd>
      </dl>
      <div className="flex flex-wrap gap-3">
        <RememberDeviceToggle deviceKey={device.key} name={label} remembered={device.remembered} onResult={onResult} />
        <ForgetDeviceButton deviceKey={device.key} name={label} isCurrent={isCurrent} onResult={onResult} onGone={onGone} />
      </div>
    </li>
  );
}
