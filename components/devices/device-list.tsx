'use client';

import type { DeviceSummary } from '@/lib/cognito/devices';
import { distinctDeviceLabels } from '@/lib/format/device-labels';
import { DeviceItem } from './device-item';

type DeviceListProps = {
  devices: DeviceSummary[];
  currentDeviceKey: string | null;
  onResult: (message: string, tone: 'status' | 'alert') => void;
  onGone: (deviceKey: string) => void;
};

export function DeviceList({ devices, currentDeviceKey, onResult, onGone }: DeviceListProps) {
  const labels = distinctDeviceLabels(devices.map((device) => device.name));
  return (
    <ul aria-label="Your devices" className="space-y-3">
      {devices.map((device, index) => (
        <DeviceItem key={device.key} device={device} label={labels[index]} isCurrent={device.key === currentDeviceKey} onResult={onResult} onGone={onGone} />
      ))}
    </ul>
  );
}
