'use client';

import { useRouter } from 'next/navigation';
import { useRef, useTransition } from 'react';
import { useSecurityContext } from '@/components/security/security-context';
import { useStepUp } from '@/components/step-up/step-up-context';
import { useResume } from '@/components/step-up/use-resume';
import { callDeviceAction } from './call-device-action';

type RememberDeviceToggleProps = {
  deviceKey: string;
  name: string;
  remembered: boolean;
  onResult: (message: string, tone: 'status' | 'alert') => void;
};

/**
 * Switches a device between remembered and not remembered (UpdateDeviceStatus). Nothing is signed
 * out either way, so it acts at once, without a confirmation. The button stays focusable while
 * the change is under way (aria-disabled, not disabled) so keyboard focus is not lost. It changes
 * the trust in a device, so it needs a recent sign-in; back from confirming it's you, the person
 * gets this button focused to press again (the device may have changed meanwhile).
 */
export function RememberDeviceToggle({ deviceKey, name, remembered, onResult }: RememberDeviceToggleProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { actions } = useSecurityContext();
  const { confirmIdentity } = useStepUp();
  const button = useRef<HTMLButtonElement>(null);
  const label = pending ? `Saving ${name}…` : remembered ? `Stop remembering ${name}` : `Remember ${name}`;

  useResume({ action: 'remember-device', id: deviceKey }, () => {
    onResult(`Thanks, that’s confirmed. Select “${remembered ? 'Stop remembering' : 'Remember'}” for ${name} to carry on.`, 'status');
    button.current?.focus();
  });

  function toggle() {
    if (pending) return;
    startTransition(async () => {
      const result = await callDeviceAction(actions.setDeviceRemembered.bind(null, deviceKey, remembered ? 'not_remembered' : 'remembered'));
      if (!result.ok && result.code === 'reauthentication-required') {
        onResult(`Nothing was changed yet: confirm it’s you to change whether ${name} is remembered.`, 'status');
        confirmIdentity({ action: 'remember-device', id: deviceKey });
        return;
      }
      if (result.ok) {
        onResult(remembered ? `${name} is no longer remembered.` : `${name} is now remembered.`, 'status');
      } else if (result.code === 'not-found') {
        onResult(`${name} is no longer one of your devices; it may have been forgotten elsewhere. The list has been updated.`, 'alert');
        router.refresh();
      } else {
        onResult(result.message, 'alert');
      }
    });
  }

  return (
    <button
      ref={button}
      type="button"
      aria-label={label}
      aria-disabled={pending}
      aria-busy={pending}
      onClick={toggle}
      className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-100 aria-disabled:cursor-wait aria-disabled:opacity-60 dark:border-zinc-600 dark:hover:bg-zinc-800"
    >
      {pending ? 'Saving…' : remembered ? 'Stop remembering' : 'Remember'}
    </button>
  );
}
