import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { SectionError } from '@/components/security/section-error';
import { signInPath } from '@/lib/auth/return-path';
import type { PortalSession } from '@/lib/auth/session';
import { CognitoError, logCognitoError } from '@/lib/cognito/call-cognito';
import { toCognitoError } from '@/lib/cognito/errors';
import { lastPasskeyReason } from '@/lib/cognito/passkey-detail-actions';
import { readPasskeyDetails, type DetailsRead } from '@/lib/cognito/passkey-details';
import type { PasskeyList } from '@/lib/cognito/passkeys';
import { listPasskeysOnce } from '@/lib/cognito/security-lists';
import { getPortalConfig } from '@/lib/config/env';
import { distinctLabelsByKey } from '@/lib/format/distinct-labels';
import { LAST_PASSKEY_KEYS } from '@/lib/format/passkey-message-keys';
import { parseTimeZoneCookie, TIME_ZONE_COOKIE } from '@/lib/format/time-zone';
import { clientCatalog } from '@/lib/i18n/client-catalog';
import { intlLocaleOf, type Locale } from '@/lib/i18n/locales';
import { toPasskeyView } from '@/lib/passkeys/present';
import { PasskeysIntro } from '@/components/security/section-intros';
import { passkeysPanelKeys } from './client-keys';
import { PasskeysEmptyState } from './passkeys-empty-state';
import { PasskeysPanel } from './passkeys-panel';
import { passkeyRowParts } from './passkey-row-parts';

/** This request's moment, for "how long ago" (read once per request: a Server Component renders once). */
const renderTime = () => Date.now();

/** The stored details, or none: their failure never costs the person the list (callCognito logged it). */
async function detailsOrNone(accessToken: string): Promise<DetailsRead> {
  try {
    return await readPasskeyDetails(accessToken, getPortalConfig().passkeyDetailsAttribute);
  } catch {
    return { available: false };
  }
}

/**
 * The Passkeys section of the Security page: loads every passkey (streamed in behind the
 * page's skeleton) and the details the portal keeps about them, then hands plain data to the
 * interactive panel. A failure of the list stays in this section; an ended session goes to sign
 * in and comes back (or, in the embedded view, to `sessionEndedPath`, which offers to sign in
 * again). Without the details the section is as it was: Cognito's names, no renaming.
 * Everything that does not change in the browser is written here in the person's language; the
 * panel's client components get only the `passkeys` messages they format (client-keys.ts).
 */
export async function PasskeysSection({ session, sessionEndedPath }: { session: PortalSession; sessionEndedPath?: string }) {
  let list: PasskeyList;
  const detailsRead = detailsOrNone(session.accessToken);
  try {
    list = await listPasskeysOnce(session.accessToken); // the summary reads the same answer
  } catch (error) {
    const failure = toCognitoError('ListWebAuthnCredentials', error);
    // callCognito has logged Cognito's own failures; anything else is ours and logged here.
    if (!(error instanceof CognitoError)) logCognitoError(failure);
    if (failure.signInAgain) redirect(sessionEndedPath ?? signInPath('/security', 'session-ended'));
    return <SectionError message={failure.userMessageIn(await getTranslations('errors'))} retryable={failure.retryable} />;
  }
  const [details, lastPasskey, t, locale, cookieStore] = await Promise.all([
    detailsRead,
    lastPasskeyReason(session.accessToken, list.passkeys.length),
    getTranslations('passkeys'),
    getLocale(),
    cookies(),
  ]);
  const passkeys = list.passkeys.map((passkey) => toPasskeyView(passkey, details.available ? details.details : null));
  // Two passkeys may share a name (two "YubiKey 5 Series"): their buttons and messages
  // still need to say which is which. Worked out here, so the browser gets labels, not code.
  const labels = distinctLabelsByKey(
    passkeys,
    (passkey) => passkey.id,
    (passkey) => passkey.displayName,
    (name, place, total) => t('distinctLabel', { name, place, total }),
  );
  // The Signal API may only hear a complete list, with the handle Cognito gave at registration.
  const userHandle = details.available && !list.truncated ? details.details.userHandle : null;
  // The reader's zone, as SecuritySections reads it for the page's other dates (UTC, labelled, on a first visit).
  const timeZone = parseTimeZoneCookie(cookieStore.get(TIME_ZONE_COOKIE)?.value);
  const rowContext = { t, locale: intlLocaleOf(locale as Locale), timeZone: timeZone ?? 'UTC', known: timeZone !== null, nowMs: renderTime() };
  const catalog = await clientCatalog({ passkeys: passkeysPanelKeys(details.available) });
  // The opening sentence, the empty state and the note on a cut-off list are rendered here, on the
  // server: their words need not be in the page's JavaScript.
  return (
    <ClientMessages locale={catalog.locale} messages={catalog.messages}>
      <PasskeysPanel
        intro={<PasskeysIntro />}
        emptyState={passkeys.length === 0 ? <PasskeysEmptyState /> : null}
        truncatedNote={list.truncated ? <p className="text-sm text-zinc-700 dark:text-zinc-300">{t('truncated', { count: passkeys.length })}</p> : null}
        passkeys={passkeys}
        labels={labels}
        rowParts={passkeyRowParts(passkeys, labels, rowContext)}
        canRename={details.available}
        deleteBlockedReason={lastPasskey ? t(LAST_PASSKEY_KEYS[lastPasskey]) : null}
        userHandle={userHandle}
      />
    </ClientMessages>
  );
}
