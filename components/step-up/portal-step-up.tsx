'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ResumeIntent } from '@/lib/step-up/resume-intent';
import { RESUME_PARAM } from '@/lib/step-up/resume-param';
import { LazyConfirmIdentityDialog } from './lazy-confirm-identity-dialog';
import { StepUpContextProvider } from './step-up-context';
import { useStepUpState } from './use-step-up-state';

/** Keeping and taking the intent, and signing in again: loaded when a step-up starts or returns. */
const loadReturn = () => import('./step-up-return');

/**
 * Step-up on a top-level page of the portal (/security; the embed's add-passkey window has its own): asks
 * "Confirm it's you", then next-auth's sign-in with `prompt=login` (the pool asks again even with
 * its own sign-in session) and `max_age`, returning to this page with `?resume=<id>`.
 *
 * The intent itself stays in this tab (lib/step-up/resume-storage.ts): only a return this tab
 * asked for resumes anything, once. The ID leaves the address through Next's router (a raw
 * history.replaceState would be undone by it), so a reload does nothing; the intent is handed to
 * the sections only once the address is clean, so the page they are on is the one that stays.
 */
export function PortalStepUp({ maxAgeSeconds, children }: { maxAgeSeconds: number; children: ReactNode }) {
  const router = useRouter();
  const resumeId = useSearchParams().get(RESUME_PARAM);
  const { stepUp, asking, asked, stopAsking, signedInAgain } = useStepUpState();
  const [pending, setPending] = useState(false);
  // undefined: nothing taken; null: a `resume` that named nothing this tab stored.
  const taken = useRef<ResumeIntent | null | undefined>(undefined);

  // Whether the `resume` in the address is being taken (its code loads first).
  const taking = useRef(false);

  useEffect(() => {
    if (resumeId !== null) {
      // Once (React may run this effect twice in development): the first run spends the stored intent.
      if (taking.current) return;
      taking.current = true;
      loadReturn()
        .then(({ takeResume, withoutResume }) => {
          if (taken.current === undefined) taken.current = takeResume(window.sessionStorage, resumeId);
          router.replace(withoutResume(`${window.location.pathname}${window.location.search}${window.location.hash}`), { scroll: false });
        })
        .catch(() => {
          taking.current = false; // offline or a retired build: the address keeps it, nothing resumes
        });
      return;
    }
    taking.current = false;
    if (taken.current === undefined) return;
    const intent = taken.current;
    taken.current = undefined;
    signedInAgain(intent);
  }, [resumeId, router, signedInAgain]);

  const confirm = useCallback(() => {
    if (!asking) return;
    setPending(true);
    loadReturn()
      .then(({ rememberResume, withResume, signInAgain }) => {
        const id = rememberResume(window.sessionStorage, asking);
        const callbackUrl = withResume(`${window.location.pathname}${window.location.search}`, id);
        return signInAgain(callbackUrl, maxAgeSeconds);
      })
      .catch(() => setPending(false));
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
