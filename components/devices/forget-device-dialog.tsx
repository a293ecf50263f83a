'use client';

import { LazyConfirmDialog } from '@/components/ui/lazy-confirm-dialog';
import type { DeviceRow } from '@/lib/format/device-rows';
import { useDevicesT } from './use-devices-t';

type ForgetDeviceDialogProps = {
  /** The device being asked about; null: closed. */
  device: Pick<DeviceRow, 'label' | 'isCurrent'> | null;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** The list's one confirmation for forgetting a device (ForgetDevice), saying what it means for that device. */
export function ForgetDeviceDialog({ device, pending, onConfirm, onCancel }: ForgetDeviceDialogProps) {
  const t = useDevicesT();
  const paragraphs = !device
    ? []
    : device.isCurrent
      ? [t('forgetThisDevice1'), t('forgetThisDevice2')]
      : [t('forgetOtherDevice1', { name: device.label }), t('forgetOtherDevice2')];
  return (
    <LazyConfirmDialog
      open={device !== null}
      title={device ? t('forgetTitle', { name: device.label }) : ''}
      confirmLabel={t('forgetConfirm')}
      pendingLabel={t('forgetPending')}
      cancelLabel={t('cancel')}
      pending={pending}
      destructive
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {paragraphs.map((text) => (
        <p key={text}>{text}</p>
      ))}
    </LazyConfirmDialog>
  );
}
