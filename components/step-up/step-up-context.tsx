'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { ResumeIntent } from '@/lib/step-up/resume-intent';

/**
 * Step-up for the Security sections: when an action answers `reauthentication-required`, the
 * section calls `confirmIdentity` with what it was doing; after the person has signed in again,
 * `resume` names that intent once, and the section that owns it carries on and calls `resumed`.
 * /security does this through a redirect to the pool (PortalStepUp), the embedded view through
 * its sign-in popup (EmbedShell).
 */
export type StepUp = {
  confirmIdentity: (intent: ResumeIntent) => void;
  resume: ResumeIntent | null;
  resumed: () => void;
};

const NO_STEP_UP: StepUp = { confirmIdentity: () => {}, resume: null, resumed: () => {} };

const Context = createContext<StepUp>(NO_STEP_UP);

export function StepUpContextProvider({ value, children }: { value: StepUp; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useStepUp(): StepUp {
  return useContext(Context);
}
