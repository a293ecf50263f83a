'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { LazyConfirmIdentityDialog } from '@/components/step-up/lazy-confirm-identity-dialog';
import { StepUpContextProvider } from '@/components/step-up/step-up-context';
import { useStepUpState } from '@/components/step-up/use-step-up-state';
import type { ResumeIntent } from '@/lib/step-up/resume-intent';
import { onSignInWindowDone, openAddPasskeySignInWindow } from './sign-in-window';

/**
 * "Confirm it's you" in the add-passkey window. Not PortalStepUp's redirect through the pool:
 * this window must keep `window.opener` (the view), which the pool's sign-in pages would cut off.
 * It signs in again in a window of its own (`step-up=1`: prompt=login and max_age), hears "signed
 * in" on the BroadcastChannel of this state, reloads, and carries on with what was asked. The
 * actions check the account again, so signing in as someone else there adds nothing. `lang`: the
 * host app's language this window was opened with, passed on.
 */
export function AddPasskeyStepUp({ state, host, lang, children }: { state: string; host: string; lang: string | null; children: ReactNode }) {
  const router = useRouter();
  const { stepUp, asking, asked, stopAsking, signedInAgain } = useStepUpState();
  const steppingUp = useRef<ResumeIntent | null>(null);

  useEffect(() => {
    return onSignInWindowDone(state, () => {
      const intent = steppingUp.current;
      if (!intent) return;
      steppingUp.current = null;
      router.refresh();
      signedInAgain(intent);
    });
  }, [router, signedInAgain, state]);

  const confirm = useCallback(() => {
    if (!asking) return;
    const opened = openAddPasskeySignInWindow(state, host, lang, { 'step-up': '1' });
    if (opened) steppingUp.current = asking;
    stopAsking();
  }, [asking, host, lang, state, stopAsking]);

  return (
    <StepUpContextProvider value={stepUp}>
      {children}
      {asked ? <LazyConfirmIdentityDialog intent={asking} where="window" pending={false} onConfirm={confirm} onCancel={stopAsking} /> : null}
    </StepUpContextProvider>
  );
}
