import type { Metadata } from 'next';
import { SecuritySections } from '@/components/security/security-sections';
import { EmbedShell } from '@/components/embed/embed-shell';
import { StepUpMessages } from '@/components/step-up/step-up-messages';
import { getPortalSession } from '@/lib/auth/session';
import { getPortalConfig } from '@/lib/config/env';
import { allowedHost, parseAccent, parseTheme } from '@/lib/embed/protocol';

export const metadata: Metadata = { title: 'Security settings' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The embedded view: the Passkeys and Devices sections for another app's settings screen, in its
 * iframe (only origins in EMBED_ALLOWED_ORIGINS may frame it: the proxy's frame-ancestors). Its
 * session is its own partitioned cookie; signing in happens in a popup (EmbedShell).
 * Query: host (required, the framing origin), theme (light|dark|system), accent (#rrggbb).
 */
export default async function EmbeddedSecurityPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const config = getPortalConfig();
  const host = allowedHost(params.host, config.embedAllowedOrigins);
  if (!host) {
    return (
      <p role="alert" data-embed="" className="p-4">
        This view can only be shown inside an app that is allowed to embed it.
      </p>
    );
  }
  const theme = parseTheme(params.theme) ?? 'system';
  const accent = parseAccent(params.accent);
  const ended = params.ended === '1';
  const session = ended ? null : await getPortalSession('embed');
  const query = new URLSearchParams({ host, theme, ...(accent ? { accent } : {}) });
  const sessionEndedPath = `/embed/security?${query.toString()}&ended=1`;

  return (
    <StepUpMessages>
      <EmbedShell
        host={host}
        initialTheme={theme}
        initialAccent={accent}
        signedIn={session !== null}
        sessionEnded={ended}
        displayName={session ? (session.user.name ?? session.user.email ?? 'your account') : null}
      >
        {session ? <SecuritySections session={session} sessionEndedPath={sessionEndedPath} /> : null}
      </EmbedShell>
    </StepUpMessages>
  );
}
