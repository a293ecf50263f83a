'use client';

import { useCallback, useMemo, useState } from 'react';
import * as devices from '@/app/(site)/security/devices/actions';
import * as addPasskey from '@/app/embed/add-passkey/actions';
import * as passkeys from '@/app/(site)/security/passkeys/actions';
import { useT } from '@/components/i18n/client-messages';
import { AddPasskeyButton } from '@/components/passkeys/add-passkey-button';
import { SecurityContextProvider } from '@/components/security/security-context';
import { passkeyAddedInPopupMessage, type HostEvent } from '@/lib/embed/protocol';
import type { Announcement } from '@/lib/format/passkey-messages';

// The portal's own actions: this window is top-level, on the portal's first-party session. Adding
// checks that session is still the view's account (app/embed/add-passkey/actions.ts).
const BASE_ACTIONS = { ...passkeys, ...devices };

/**
 * The add-passkey popup's interactive part: the usual add button (same actions and ceremony as
 * /security); on success it posts `passkey-added-in-popup` with the view's state to
 * `window.opener` — targetOrigin the portal's own origin, so only the view can receive it, never
 * the host page — and closes.
 */
export function AddPasskeyPopup({ state, host, binding }: { state: string; host: string; binding: string }) {
  const [shown, setShown] = useState<Announcement | null>(null);
  const t = useT('embed');

  const emit = useCallback(
    (event: HostEvent) => {
      if (event.type !== 'passkey-added') return;
      if (!window.opener) {
        setShown({ kind: 'status', message: t('passkeyAddedAppGone') });
        return;
      }
      (window.opener as Window).postMessage(passkeyAddedInPopupMessage(state), window.location.origin);
      setShown({ kind: 'status', message: t('passkeyAddedClosing') });
      setTimeout(() => window.close(), 300);
    },
    [state, t],
  );

  const context = useMemo(
    () => ({
      actions: {
        ...BASE_ACTIONS,
        startAddingPasskey: addPasskey.startAddingPasskey.bind(null, binding, host),
        finishAddingPasskey: addPasskey.finishAddingPasskey.bind(null, binding, host),
      },
      emit,
      embedded: false,
    }),
    [binding, emit, host],
  );

  return (
    <SecurityContextProvider value={context}>
      <div className="space-y-4">
        <AddPasskeyButton onAnnounce={setShown} />
        <div role="status" aria-live="polite" aria-atomic="true">
          {shown?.kind === 'status' ? <p className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-950">{shown.message}</p> : null}
        </div>
        <div role="alert" aria-atomic="true">
          {shown?.kind === 'alert' ? <p className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-950">{shown.message}</p> : null}
        </div>
      </div>
    </SecurityContextProvider>
  );
}
