'use client';

import type { ReactNode } from 'react';
import * as devices from '@/app/security/devices/actions';
import * as passkeys from '@/app/security/passkeys/actions';
import { SecurityContextProvider, type SecurityContext } from './security-context';

/** /security's own actions (its first-party session); it tells nobody what they did. */
const PORTAL_CONTEXT: SecurityContext = { actions: { ...passkeys, ...devices }, emit: () => {}, embedded: false };

export function PortalSecurityContext({ children }: { children: ReactNode }) {
  return <SecurityContextProvider value={PORTAL_CONTEXT}>{children}</SecurityContextProvider>;
}
