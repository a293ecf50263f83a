import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { SecuritySections } from '@/components/security/security-sections';
import { EmbedShell } from '@/components/embed/embed-shell';
import type { SecurityActions } from '@/components/security/security-context';
import { StepUpMessages } from '@/components/step-up/step-up-messages';
import { getPortalSession } from '@/lib/auth/session';
import { getPortalConfig } from '@/lib/config/env';
import { allowedHost, parseAccent, parseTheme } from '@/lib/embed/protocol';
import { clientCatalog } from '@/lib/i18n/client-catalog';
import { langQuery } from '@/lib/i18n/lang-param';
import { pseudoLocaleEnabled } from '@/lib/i18n/locales';
import { localeFromLangParam } from '@/lib/i18n/negotiate';
import {
  deletePasskey,
  finishAddingPasskey,
  forgetDevice,
  renamePasskey,
  setDeviceRemembered,
  signOutEverywhere,
  startAddingPasskey,
} from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('embed');
  return { title: t('securityTitle') };
}

/** The view's actions on its partitioned session, handed to EmbedShell as server references. */
const EMBED_ACTIONS: SecurityActions = {
  startAddingPasskey,
  finishAddingPasskey,
  deletePasskey,
  renamePasskey,
  forgetDevice,
  setDeviceRemembered,
  signOutEverywhere,
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** What EmbedShell says (the `embed` messages the browser gets with this page). */
const SHELL_KEYS = [
  'sessionEnded',
  'signInIncomplete',
  'signInIncompleteEvent',
  'signInWindowBlocked',
  'signInWindowBlockedEvent',
  'continueInSignInWindow',
  'addPasskeyWindowBlockedEvent',
  'addPasskeyWindowCouldNotStart',
  'signedInAs',
  'signOut',
  'signInPrompt',
  'signIn',
  'signingIn',
] as const;

/**
 * The embedded view: the Passkeys and Devices sections for another app's settings screen, in its
 * iframe (only origins in EMBED_ALLOWED_ORIGINS may frame it: the proxy's frame-ancestors). Its
 * session is its own partitioned cookie; signing in happens in a popup (EmbedShell).
 * Query: host (required, the framing origin), theme (light|dark|system), accent (#rrggbb), lang
 * (the host app's language: the proxy makes it this page's locale, lib/i18n/lang-param.ts; the view
 * passes it on to the windows it opens).
 */
export default async function EmbeddedSecurityPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const config = getPortalConfig();
  const t = await getTranslations('embed');
  const host = allowedHost(params.host, config.embedAllowedOrigins);
  if (!host) {
    return (
      <p role="alert" data-embed="" className="p-4">
        {t('notAllowedToEmbed')}
      </p>
    );
  }
  const theme = parseTheme(params.theme) ?? 'system';
  const accent = parseAccent(params.accent);
  const lang = localeFromLangParam(params.lang, pseudoLocaleEnabled());
  const ended = params.ended === '1';
  const session = ended ? null : await getPortalSession('embed');
  const query = new URLSearchParams({ host, theme, ...(accent ? { accent } : {}), ...langQuery(lang) });
  const sessionEndedPath = `/embed/security?${query.toString()}&ended=1`;
  const catalog = await clientCatalog({ embed: SHELL_KEYS });

  return (
    <ClientMessages locale={catalog.locale} messages={catalog.messages}>
      <StepUpMessages>
        <EmbedShell
          host={host}
          initialTheme={theme}
          initialAccent={accent}
          signedIn={session !== null}
          sessionEnded={ended}
          displayName={session ? (session.user.name ?? session.user.email ?? t('yourAccount')) : null}
          lang={lang}
          actions={EMBED_ACTIONS}
        >
          {session ? <SecuritySections session={session} sessionEndedPath={sessionEndedPath} /> : null}
        </EmbedShell>
      </StepUpMessages>
    </ClientMessages>
  );
}
