'use client';

import type { DeviceSummary } from '@/lib/cognito/devices';
import { DeviceItem } from './device-item';

type DeviceListProps = {
  devices: DeviceSummary[];
  labels: Record<string, string>;
  currentDeviceKey: string | null;
  onResult: (message: string, tone: 'status' | 'alert') => void;
  onGone: (deviceKey: string) => void;
};

export function DeviceList({ devices, labels, currentDeviceKey, onResult, onGone }: DeviceListProps) {
  return (
    <ul aria-label="Your devices" className="space-y-3">
      {devices.map((device) => (
        <DeviceItem key={device.key} device={device} label={labels[device.key] ?? device.name} isCurrent={device.key === currentDeviceKey} onResult={onResult} onGone={onGone} />
      ))}
    </ul>
  );
}
