'use client';

import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ResumeIntent } from '@/lib/step-up/resume-intent';
import { parseResumeValue, RESUME_PARAM, withResume } from '@/lib/step-up/resume-url';
import { LazyConfirmIdentityDialog } from './lazy-confirm-identity-dialog';
import { signInAgain } from './sign-in-again';
import { StepUpContextProvider } from './step-up-context';

/**
 * Step-up on a top-level page of the portal (/security, the embed's add-passkey window): asks
 * "Confirm it's you", then next-auth's sign-in with `prompt=login` (the pool asks again even with
 * its own sign-in session) and `max_age`, returning to this page with `?resume=…`, which it reads
 * once and removes from the address so a reload does not repeat it.
 */
export function PortalStepUp({ maxAgeSeconds, children }: { maxAgeSeconds: number; children: ReactNode }) {
  const [asking, setAsking] = useState<ResumeIntent | null>(null);
  // Mounted from the first question on, so closing it hands focus back as a dialog should.
  const [asked, setAsked] = useState(false);
  const [pending, setPending] = useState(false);
  const [resume, setResume] = useState<ResumeIntent | null>(null);
  const [cameBack, setCameBack] = useState(false);

  // Once the page is interactive (a frame later, so the sections have mounted to pick it up).
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const url = new URL(window.location.href);
      if (!url.searchParams.has(RESUME_PARAM)) return;
      const intent = parseResumeValue(url.searchParams.get(RESUME_PARAM));
      url.searchParams.delete(RESUME_PARAM);
      window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
      setCameBack(intent !== null);
      setResume(intent);
    });
    return () => cancelAnimationFrame(frame);
  }, []);

  const confirm = useCallback(() => {
    if (!asking) return;
    setPending(true);
    const callbackUrl = withResume(`${window.location.pathname}${window.location.search}`, asking);
    signInAgain(callbackUrl, maxAgeSeconds).catch(() => setPending(false));
  }, [asking, maxAgeSeconds]);

  const value = useMemo(
    () => ({
      confirmIdentity: (intent: ResumeIntent) => {
        setAsked(true);
        setAsking(intent);
      },
      resume,
      resumed: () => setResume(null),
    }),
    [resume],
  );

  return (
    <StepUpContextProvider value={value}>
      {children}
      {asked ? (
        <LazyConfirmIdentityDialog
          intent={asking}
          again={cameBack}
          where="here"
          pending={pending}
          onConfirm={confirm}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </StepUpContextProvider>
  );
}
