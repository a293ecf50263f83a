'use client';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ResumeIntent } from '@/lib/step-up/resume-intent';

const WHAT: Record<ResumeIntent['action'], string> = {
  'add-passkey': 'add a passkey',
  'delete-passkey': 'delete a passkey',
  'forget-device': 'forget a device',
  'remember-device': 'change whether a device is remembered',
};

type ConfirmIdentityDialogProps = {
  intent: ResumeIntent | null;
  /** Where signing in happens, for the words: this window, or a new one (the embedded view). */
  where: 'here' | 'window';
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** "Confirm it's you": why a recent sign-in is needed, and the way to give one. */
export function ConfirmIdentityDialog({ intent, where, pending, onConfirm, onCancel }: ConfirmIdentityDialogProps) {
  const what = intent ? WHAT[intent.action] : 'make this change';
  return (
    <ConfirmDialog
      open={intent !== null}
      title="Confirm it’s you"
      confirmLabel="Sign in again"
      pendingLabel={where === 'here' ? 'Taking you to sign-in…' : 'Continue in the new window…'}
      pending={pending}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>To {what}, you need to have signed in recently. Nothing has been changed yet.</p>
      <p>
        {where === 'here'
          ? 'Sign in again, with your password or a passkey, and you will come straight back here to carry on.'
          : 'Sign in again in a new window, with your password or a passkey, and then carry on here.'}
      </p>
    </ConfirmDialog>
  );
}
