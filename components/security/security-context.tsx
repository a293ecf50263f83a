'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type * as devices from '@/app/security/devices/actions';
import type * as passkeys from '@/app/security/passkeys/actions';
import type { HostEvent } from '@/lib/embed/protocol';

/**
 * Which server actions the Passkeys and Devices sections call, and who hears about what they did.
 * /security uses its own actions and tells nobody; the embedded view (/embed/security) provides
 * its actions (on its partitioned session) and posts events to the host page. Only types of the
 * actions here: each page's provider brings its own (PortalSecurityContext for /security), so the
 * embedded view does not load the portal's action stubs and the portal not the view's.
 */
export type SecurityActions = {
  startAddingPasskey: typeof passkeys.startAddingPasskey;
  finishAddingPasskey: typeof passkeys.finishAddingPasskey;
  deletePasskey: typeof passkeys.deletePasskey;
  renamePasskey: typeof passkeys.renamePasskey;
  forgetDevice: typeof devices.forgetDevice;
  setDeviceRemembered: typeof devices.setDeviceRemembered;
  signOutEverywhere: typeof devices.signOutEverywhere;
};

export type SecurityContext = {
  actions: SecurityActions;
  /** Something happened the embedding page may want to know (a no-op on /security). */
  emit: (event: HostEvent) => void;
  /** Inside the host's iframe: some things work differently (no top-level navigation, popups). */
  embedded: boolean;
  /**
   * The embedded view only: adds a passkey in a top-level popup of the portal, for when the browser
   * refuses to create one in the host's iframe. `onAdded` runs when the popup reports success.
   * Must be called in the click handler (popups need the person's gesture).
   */
  addPasskeyInPopup?: (onAdded: () => void) => 'opened' | 'blocked';
};

const Context = createContext<SecurityContext | null>(null);

export function SecurityContextProvider({ value, children }: { value: SecurityContext; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSecurityContext(): SecurityContext {
  const context = useContext(Context);
  if (!context) throw new Error('The Passkeys and Devices sections need a SecurityContextProvider (PortalSecurityContext on /security).');
  return context;
}
