'use client';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { deviceMessages as m } from '@/lib/format/device-messages';
import type { DeviceRow } from '@/lib/format/device-rows';

type ForgetDeviceDialogProps = {
  /** The device being asked about; null: closed. */
  device: Pick<DeviceRow, 'label' | 'isCurrent'> | null;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** The list's one confirmation for forgetting a device (ForgetDevice), saying what it means for that device. */
export function ForgetDeviceDialog({ device, pending, onConfirm, onCancel }: ForgetDeviceDialogProps) {
  const paragraphs = device ? (device.isCurrent ? m.forgetThisDevice : m.forgetOtherDevice(device.label)) : [];
  return (
    <ConfirmDialog
      open={device !== null}
      title={device ? m.forgetTitle(device.label) : ''}
      confirmLabel={m.forgetConfirm}
      pendingLabel={m.forgetPending}
      pending={pending}
      destructive
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {paragraphs.map((text) => (
        <p key={text}>{text}</p>
      ))}
    </ConfirmDialog>
  );
}
