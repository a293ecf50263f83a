'use client';

import { useEffect, useEffectEvent } from 'react';
import { resumeValue, type ResumeIntent } from '@/lib/step-up/resume-intent';
import { useStepUp } from './step-up-context';

/**
 * Carries on with `intent` once, when the person comes back from confirming it's them with it
 * (null: this control cannot carry on now). A frame later, so a dialog it opens can take focus.
 */
export function useResume(intent: ResumeIntent | null, carryOn: () => void) {
  const { resume, resumed } = useStepUp();
  const run = useEffectEvent(() => {
    resumed();
    carryOn();
  });
  const wanted = intent ? resumeValue(intent) : null;
  useEffect(() => {
    if (!wanted || !resume || resumeValue(resume) !== wanted) return;
    const frame = requestAnimationFrame(run);
    return () => cancelAnimationFrame(frame);
  }, [resume, wanted]);
}
