'use client';

import { useEffect } from 'react';

type SignalApi = {
  signalAllAcceptedCredentials?: (options: { rpId: string; userId: string; allAcceptedCredentialIds: string[] }) => Promise<void>;
};

/**
 * Tells the password manager which passkeys of this account still work
 * (`PublicKeyCredential.signalAllAcceptedCredentials`, Chrome/Edge 132+, Safari 26), so a deleted
 * one stops being offered. It hides every other passkey of that RP ID and user handle, so it is
 * called only with a complete list (the server passes `userHandle` only then, and only the handle
 * Cognito gave at registration), once per RP ID, including RP IDs whose last passkey was just
 * deleted. Where the browser lacks it, nothing happens; its failures are never the person's
 * problem, so they are not shown.
 */
export function useSignalAcceptedCredentials(passkeys: readonly { id: string; relyingPartyId: string }[], userHandle: string | null, deletedFrom: readonly string[]) {
  const key = JSON.stringify([userHandle, passkeys.map((p) => [p.relyingPartyId, p.id]), deletedFrom]);
  useEffect(() => {
    const [handle, listed, deleted] = JSON.parse(key) as [string | null, [string, string][], string[]];
    const api = (typeof PublicKeyCredential === 'undefined' ? undefined : PublicKeyCredential) as SignalApi | undefined;
    if (!handle || typeof api?.signalAllAcceptedCredentials !== 'function') return;
    const byRp = new Map<string, string[]>(deleted.filter(Boolean).map((rp) => [rp, []]));
    for (const [rp, id] of listed) {
      if (rp) byRp.set(rp, [...(byRp.get(rp) ?? []), id.replace(/=+$/, '')]);
    }
    for (const [rpId, ids] of byRp) {
      try {
        api.signalAllAcceptedCredentials({ rpId, userId: handle, allAcceptedCredentialIds: ids }).catch(() => {});
      } catch {
        // Some browsers throw synchronously for an RP ID that does not fit this page: nothing to tell.
      }
    }
  }, [key]);
}
