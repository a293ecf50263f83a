import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { PortalSecurityContext } from '@/components/security/portal-security-context';
import { PortalStepUp } from '@/components/step-up/portal-step-up';
import { StepUpMessages } from '@/components/step-up/step-up-messages';
import { getPortalConfig } from '@/lib/config/env';

/** /security and its loading state share the step-up ("Confirm it's you") of its sections, and its actions. */
export default async function SecurityLayout({ children }: { children: ReactNode }) {
  await connection(); // the configuration is the running server's, not the build's
  return (
    <StepUpMessages>
      <PortalSecurityContext>
        <PortalStepUp maxAgeSeconds={getPortalConfig().stepUpMaxAgeSeconds}>{children}</PortalStepUp>
      </PortalSecurityContext>
    </StepUpMessages>
  );
}
