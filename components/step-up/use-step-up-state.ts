'use client';

import { useCallback, useMemo, useState } from 'react';
import type { ResumeIntent } from '@/lib/step-up/resume-intent';
import type { StepUp } from './step-up-context';

/**
 * The state behind "Confirm it's you" wherever sign-in happens (a redirect on top-level pages, a
 * popup in the embedded view): what is being asked, whether the dialog has been needed yet (it
 * stays mounted from then on, so closing it hands focus back), and what to carry on with after
 * signing in again.
 */
export function useStepUpState() {
  const [asking, setAsking] = useState<ResumeIntent | null>(null);
  const [asked, setAsked] = useState(false);
  const [resume, setResume] = useState<ResumeIntent | null>(null);
  const stepUp = useMemo<StepUp>(
    () => ({
      confirmIdentity: (intent) => {
        setAsked(true);
        setAsking(intent);
      },
      resume,
      resumed: () => setResume(null),
    }),
    [resume],
  );
  const stopAsking = useCallback(() => setAsking(null), []);
  const signedInAgain = useCallback((intent: ResumeIntent | null) => {
    setAsking(null);
    setResume(intent);
  }, []);
  return {
    stepUp,
    asking,
    asked,
    stopAsking,
    /** The person signed in again: carry on with `intent` (null: nothing to carry on with). */
    signedInAgain,
  };
}
