'use client';

import { useT } from '@/components/i18n/client-messages';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ResumeIntent } from '@/lib/step-up/resume-intent';

/** Why a recent sign-in is needed, per thing being done (namespace `stepUp`): whole sentences, for the translators. */
const WHY: Record<ResumeIntent['action'], string> = {
  'add-passkey': 'whyAddPasskey',
  'delete-passkey': 'whyDeletePasskey',
  'forget-device': 'whyForgetDevice',
  'remember-device': 'whyRememberDevice',
};

type ConfirmIdentityDialogProps = {
  intent: ResumeIntent | null;
  /** Where signing in happens, for the words: this window, or a new one (the embedded view). */
  where: 'here' | 'window';
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * "Confirm it's you": why a recent sign-in is needed, and the way to give one. Its words come from
 * the `stepUp` namespace, which the server parent of every step-up sends (StepUpMessages).
 */
export function ConfirmIdentityDialog({ intent, where, pending, onConfirm, onCancel }: ConfirmIdentityDialogProps) {
  const t = useT('stepUp');
  return (
    <ConfirmDialog
      open={intent !== null}
      title={t('title')}
      confirmLabel={t('confirm')}
      cancelLabel={t('cancel')}
      pendingLabel={t(where === 'here' ? 'pendingHere' : 'pendingWindow')}
      pending={pending}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{t(intent ? WHY[intent.action] : 'whyOther')}</p>
      <p>{t(where === 'here' ? 'howHere' : 'howWindow')}</p>
    </ConfirmDialog>
  );
}
