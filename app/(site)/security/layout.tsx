import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { SecurityContextProvider, type SecurityActions } from '@/components/security/security-context';
import { PortalStepUp } from '@/components/step-up/portal-step-up';
import { StepUpMessages } from '@/components/step-up/step-up-messages';
import { getPortalConfig } from '@/lib/config/env';
import { forgetDevice, setDeviceRemembered, signOutEverywhere } from './devices/actions';
import { deletePasskey, finishAddingPasskey, renamePasskey, startAddingPasskey } from './passkeys/actions';

/**
 * /security's own actions (its first-party session), passed down as server references: the page's
 * JS then holds no module of action stubs (React makes them from the references it receives).
 */
const PORTAL_ACTIONS: SecurityActions = {
  startAddingPasskey,
  finishAddingPasskey,
  deletePasskey,
  renamePasskey,
  forgetDevice,
  setDeviceRemembered,
  signOutEverywhere,
};

/** /security and its loading state share the step-up ("Confirm it's you") of its sections, and its actions. */
export default async function SecurityLayout({ children }: { children: ReactNode }) {
  await connection(); // the configuration is the running server's, not the build's
  return (
    <StepUpMessages>
      <SecurityContextProvider value={{ actions: PORTAL_ACTIONS, embedded: false }}>
        <PortalStepUp maxAgeSeconds={getPortalConfig().stepUpMaxAgeSeconds}>{children}</PortalStepUp>
      </SecurityContextProvider>
    </StepUpMessages>
  );
}
