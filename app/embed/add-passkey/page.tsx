import type { Metadata } from 'next';
import { AddPasskeyPopup } from '@/components/embed/add-passkey-popup';
import { AddPasskeySignIn } from '@/components/embed/add-passkey-sign-in';
import { AddPasskeyStepUp } from '@/components/embed/add-passkey-step-up';
import { ClientMessages } from '@/components/i18n/client-messages';
import { ADD_PASSKEY_KEYS } from '@/components/passkeys/client-keys';
import { StepUpMessages } from '@/components/step-up/step-up-messages';
import { readAccountBinding } from '@/lib/auth/embed-handoff-account';
import { getPortalSession } from '@/lib/auth/session';
import { getPortalConfig } from '@/lib/config/env';
import { allowedHost, STATE_PATTERN } from '@/lib/embed/protocol';
import { clientCatalog } from '@/lib/i18n/client-catalog';

export const metadata: Metadata = { title: 'Add a passkey' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The embedded view's add-passkey popup: where the browser will not create a passkey inside the
 * host's iframe (no `allow="publickey-credentials-create"`, or Safari), the view opens this page
 * as a top-level window of the portal. It is first-party, so it uses the portal's own session, runs
 * the same ceremony as /security, and tells the view that opened it (`window.opener`, portal
 * origin only) it is done. It acts only for the person the view is signed in as (`binding`, see
 * lib/auth/embed-handoff-account.ts). It never leaves the portal's origin, so it keeps its opener:
 * signing in happens in a window of its own (AddPasskeySignIn).
 * Its headers differ from other pages' (lib/security/headers.ts, EMBED_POPUP_PATHS): nobody may
 * frame it, and its Cross-Origin-Opener-Policy is `unsafe-none` so the opener survives.
 * Query: host (the view's host origin, allowed), state (the view's, 43 base64url characters), binding.
 */
export default async function AddPasskeyPopupPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const config = getPortalConfig();
  const host = allowedHost(params.host, config.embedAllowedOrigins);
  const state = typeof params.state === 'string' && STATE_PATTERN.test(params.state) ? params.state : null;
  if (!host || !state) {
    return (
      <p role="alert" className="p-6">
        This window was not opened by an allowed app. Close it and try again.
      </p>
    );
  }
  const viewSub = await readAccountBinding(params.binding, host, config.nextAuthSecret);
  if (!viewSub) {
    return (
      <p role="alert" className="p-6">
        This window has expired or was not opened by the app. Close it and add the passkey from the app again.
      </p>
    );
  }
  const session = await getPortalSession();
  if (!session) {
    return (
      <div className="mx-auto max-w-md space-y-4 p-6">
        <h1 className="text-2xl font-semibold">Sign in to continue</h1>
        <p>To add a passkey here, sign in as the person signed in to the app. Your organisation’s sign-in page opens in a new window.</p>
        <AddPasskeySignIn state={state} host={host} />
      </div>
    );
  }
  const who = session.user.name ?? session.user.email ?? 'another account';
  if (session.user.sub !== viewSub) {
    return (
      <div className="mx-auto max-w-md space-y-4 p-6">
        <h1 className="text-2xl font-semibold">Add a passkey</h1>
        <p role="alert">
          This browser is signed in to the portal as <strong>{who}</strong>, but the app is signed in as someone else. A passkey added here would
          belong to {who}, so this window will not add one. Sign in as the person signed in to the app, or close this window.
        </p>
        <AddPasskeySignIn state={state} host={host} otherAccount />
      </div>
    );
  }
  // The add button's words (and its ceremony's), in the person's language: only those reach the browser.
  const catalog = await clientCatalog({ passkeys: ADD_PASSKEY_KEYS });
  return (
    <div className="mx-auto max-w-md space-y-4 p-6">
      <h1 className="text-2xl font-semibold">Add a passkey</h1>
      <p>
        For <strong>{who}</strong>. When it has been added, this window closes and the app shows your new passkey.
      </p>
      <ClientMessages locale={catalog.locale} messages={catalog.messages}>
        <StepUpMessages>
          <AddPasskeyStepUp state={state} host={host}>
            <AddPasskeyPopup state={state} host={host} binding={String(params.binding)} />
          </AddPasskeyStepUp>
        </StepUpMessages>
      </ClientMessages>
    </div>
  );
}
