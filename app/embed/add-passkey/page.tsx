import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { strongName } from '@/components/i18n/strong-name';
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
import { pseudoLocaleEnabled } from '@/lib/i18n/locales';
import { localeFromLangParam } from '@/lib/i18n/negotiate';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('embed');
  return { title: t('addPasskeyTitle') };
}

/** What this window's client components say (the `embed` messages the browser gets with it). */
const WINDOW_KEYS = ['passkeyAddedAppGone', 'passkeyAddedClosing', 'signedInLoading', 'continueInSignInWindow', 'signInWindowBlockedHere', 'signInAsSomeoneElse', 'continueToSignIn'] as const;

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
 * Query: host (the view's host origin, allowed), state (the view's, 43 base64url characters), binding,
 * lang (the host app's language, from the view: this page's locale by the proxy, passed on to its sign-in windows).
 */
export default async function AddPasskeyPopupPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const config = getPortalConfig();
  const [t, catalog] = await Promise.all([getTranslations('embed'), clientCatalog({ embed: WINDOW_KEYS, passkeys: ADD_PASSKEY_KEYS })]);
  const lang = localeFromLangParam(params.lang, pseudoLocaleEnabled());
  const withMessages = (children: ReactNode) => (
    <ClientMessages locale={catalog.locale} messages={catalog.messages}>
      {children}
    </ClientMessages>
  );
  const host = allowedHost(params.host, config.embedAllowedOrigins);
  const state = typeof params.state === 'string' && STATE_PATTERN.test(params.state) ? params.state : null;
  if (!host || !state) {
    return (
      <p role="alert" className="p-6">
        {t('windowNotFromAllowedApp')}
      </p>
    );
  }
  const viewSub = await readAccountBinding(params.binding, host, config.nextAuthSecret);
  if (!viewSub) {
    return (
      <p role="alert" className="p-6">
        {t('windowExpired')}
      </p>
    );
  }
  const session = await getPortalSession();
  if (!session) {
    return withMessages(
      <div className="mx-auto max-w-md space-y-4 p-6">
        <h1 className="text-2xl font-semibold">{t('signInToContinue')}</h1>
        <p>{t('signInToAddPasskey')}</p>
        <AddPasskeySignIn state={state} host={host} lang={lang} />
      </div>,
    );
  }
  const who = session.user.name ?? session.user.email ?? t('anotherAccount');
  if (session.user.sub !== viewSub) {
    return withMessages(
      <div className="mx-auto max-w-md space-y-4 p-6">
        <h1 className="text-2xl font-semibold">{t('addPasskeyTitle')}</h1>
        <p role="alert">{strongName((values) => t('otherAccountSignedIn', values), who)}</p>
        <AddPasskeySignIn state={state} host={host} lang={lang} otherAccount />
      </div>,
    );
  }
  return withMessages(
    <div className="mx-auto max-w-md space-y-4 p-6">
      <h1 className="text-2xl font-semibold">{t('addPasskeyTitle')}</h1>
      <p>{strongName((values) => t('addingFor', values), who)}</p>
      <StepUpMessages>
        <AddPasskeyStepUp state={state} host={host} lang={lang}>
          <AddPasskeyPopup state={state} host={host} binding={String(params.binding)} />
        </AddPasskeyStepUp>
      </StepUpMessages>
    </div>,
  );
}
