'use client';

import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { parseResumeValue, RESUME_PARAM, withResume } from '@/lib/step-up/resume-url';
import { LazyConfirmIdentityDialog } from './lazy-confirm-identity-dialog';
import { signInAgain } from './sign-in-again';
import { StepUpContextProvider } from './step-up-context';
import { useStepUpState } from './use-step-up-state';

/**
 * Step-up on a top-level page of the portal (/security; the embed's add-passkey window has its own): asks
 * "Confirm it's you", then next-auth's sign-in with `prompt=login` (the pool asks again even with
 * its own sign-in session) and `max_age`, returning to this page with `?resume=…`, which it reads
 * once and removes from the address so a reload does not repeat it.
 */
export function PortalStepUp({ maxAgeSeconds, children }: { maxAgeSeconds: number; children: ReactNode }) {
  const { stepUp, asking, asked, stopAsking, signedInAgain } = useStepUpState();
  const [pending, setPending] = useState(false);

  // Once the page is interactive (a frame later, so the sections have mounted to pick it up).
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const url = new URL(window.location.href);
      if (!url.searchParams.has(RESUME_PARAM)) return;
      const intent = parseResumeValue(url.searchParams.get(RESUME_PARAM));
      url.searchParams.delete(RESUME_PARAM);
      window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
      signedInAgain(intent);
    });
    return () => cancelAnimationFrame(frame);
  }, [signedInAgain]);

  const confirm = useCallback(() => {
    if (!asking) return;
    setPending(true);
    const callbackUrl = withResume(`${window.location.pathname}${window.location.search}`, asking);
    signInAgain(callbackUrl, maxAgeSeconds).catch(() => setPending(false));
  }, [asking, maxAgeSeconds]);

  return (
    <StepUpContextProvider value={stepUp}>
      {children}
      {asked ? (
        <LazyConfirmIdentityDialog
          intent={asking}
          where="here"
          pending={pending}
          onConfirm={confirm}
          onCancel={stopAsking}
        />
      ) : null}
    </StepUpContextProvider>
  );
}
