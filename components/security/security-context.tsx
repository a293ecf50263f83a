'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type * as devices from '@/app/(site)/security/devices/actions';
import type * as passkeys from '@/app/(site)/security/passkeys/actions';
import type { HostEvent } from '@/lib/embed/protocol';

/**
 * Which server actions the Passkeys and Devices sections call, and who hears about what they did.
 * /security uses its own actions and tells nobody; the embedded view (/embed/security) provides
 * its actions (on its partitioned session) and posts events to the host page. Only types of the
 * actions here: each page's provider brings its own, so the embedded view does not load the
 * portal's action stubs and the portal not the view's. /security's layout, a server component,
 * hands its actions over as server references (no stubs module in its JS at all), which is why
 * `emit`, a function only a client can give, may be left out.
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

const tellNobody = () => {};

/** `emit` may be left out (a server parent cannot pass a function that is not a server action): nobody hears. */
export type SecurityContextValue = Omit<SecurityContext, 'emit'> & Partial<Pick<SecurityContext, 'emit'>>;

export function SecurityContextProvider({ value, children }: { value: SecurityContextValue; children: ReactNode }) {
  const context = useMemo<SecurityContext>(() => (value.emit ? (value as SecurityContext) : { ...value, emit: tellNobody }), [value]);
  return <Context.Provider value={context}>{children}</Context.Provider>;
}

export function useSecurityContext(): SecurityContext {
  const context = useContext(Context);
  if (!context) throw new Error('The Passkeys and Devices sections need a SecurityContextProvider (on /security, its layout).');
  return context;
}
