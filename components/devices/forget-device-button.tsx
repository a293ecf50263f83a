'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useSecurityContext } from '@/components/security/security-context';
import { useStepUp } from '@/components/step-up/step-up-context';
import { useResume } from '@/components/step-up/use-resume';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { callDeviceAction } from './call-device-action';

type ForgetDeviceButtonProps = {
  deviceKey: string;
  name: string;
  isCurrent: boolean;
  /** Tells the section's live region what happened. */
  onResult: (message: string, tone: 'status' | 'alert') => void;
  /** Called once the device is gone (forgotten now, or already), so focus can move on from this button. */
  onGone: (deviceKey: string) => void;
};

/** "Forget" with a confirmation: ForgetDevice for this one device. */
export function ForgetDeviceButton({ deviceKey, name, isCurrent, onResult, onGone }: ForgetDeviceButtonProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const { actions, emit } = useSecurityContext();
  const { confirmIdentity } = useStepUp();
  // Back from confirming it's you: the same question again, for the person to answer.
  useResume({ action: 'forget-device', id: deviceKey }, () => setOpen(true));

  function confirm() {
    if (pending) return;
    startTransition(async () => {
      // The key is bound here, from the list the server rendered; the action checks it again.
      const result = await callDeviceAction(actions.forgetDevice.bind(null, deviceKey));
      setOpen(false);
      if (!result.ok && result.code === 'reauthentication-required') {
        onResult(`Nothing was changed yet: confirm it’s you to forget ${name}.`, 'status');
        confirmIdentity({ action: 'forget-device', id: deviceKey });
        return;
      }
      if (result.ok) {
        onGone(deviceKey);
        onResult(`${name} was forgotten.`, 'status');
        emit({ type: 'device-forgotten' });
      } else if (result.code === 'not-found') {
        // Forgotten elsewhere meanwhile: what the person wanted has happened; show the list as it is now.
        onGone(deviceKey);
        onResult(`${name} had already been forgotten, perhaps from another device. The list has been updated.`, 'status');
        router.refresh();
      } else {
        onResult(result.message, 'alert');
      }
    });
  }

  return (
    <>
      <button
        type="button"
        aria-label={`Forget device ${name}`}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        className="rounded-md border border-red-300 px-3 py-1.5 font-medium text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
      >
        Forget
      </button>
      <ConfirmDialog
        open={open}
        title={`Forget ${name}?`}
        confirmLabel="Forget device"
        pendingLabel="Forgetting…"
        pending={pending}
        destructive
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        {isCurrent ? (
          <>
            <p>This is the browser you are using now. It will be forgotten and removed from this list.</p>
            <p>You stay signed in here until this session ends; the next time you sign in from this browser, it counts as a new device.</p>
          </>
        ) : (
          <>
            <p>{name} will be removed from your devices and will no longer be remembered.</p>
            <p>The next time it signs in, it will need to go through every sign-in check again.</p>
          </>
        )}
      </ConfirmDialog>
    </>
  );
}
