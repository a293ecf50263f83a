import type { ReactNode } from 'react';
import { DETAILS_LIST_CLASS } from '@/components/ui/details-list';
import { LocalTime } from '@/components/ui/local-time';
import { attachmentLabel, transportsLabel } from '@/lib/format/passkey-labels';
import { KIND_LABEL_KEYS } from '@/lib/format/passkey-message-keys';
import type { PasskeyTranslate } from '@/lib/format/passkey-messages';
import { localTimeText } from '@/lib/format/local-time-text';
import { zonedDate, zonedDateTime } from '@/lib/format/zoned-date';
import type { PasskeyView } from '@/lib/passkeys/passkey-view';
import { PasskeyKindIcon } from './passkey-kind-icon';
import { PasskeySyncBadge } from './passkey-sync-badge';

/**
 * The parts of a passkey's row that nothing in the browser changes: its icon, its secondary line
 * and its details. Rendered on the server and handed to the row (a client component) as elements,
 * so their code and words stay out of the page's JavaScript; a rename or an added passkey brings
 * them anew with the server's refreshed list.
 */
export type PasskeyRowParts = { icon: ReactNode; secondary: ReactNode; details: ReactNode };

/**
 * What the server writes the parts with: the `passkeys` messages of the request's locale, the Intl
 * locale for dates and lists, and the reader's time zone (`known`: from their cookie, else UTC, labelled).
 */
export type RowPartsContext = { t: PasskeyTranslate; locale: string; timeZone: string; known: boolean; nowMs: number };

// Stands for the date while the sentence around it is translated: the date is an element of its own.
const DATE_MARK = '\uE000';

function NotReported({ t }: { t: PasskeyTranslate }) {
  return <span className="text-zinc-600 dark:text-zinc-400">{t('notReported')}</span>;
}

/**
 * "3 Dec 2026" (the day it was added, in the reader's zone): what <LocalTime format="date"> writes,
 * written here on the server, as it never changes while the page is open (no client code, no
 * date formatting in the browser).
 */
function AddedDate({ epochSeconds, context }: { epochSeconds: number; context: RowPartsContext }) {
  const { locale, timeZone, known } = context;
  const lang = locale === 'en' ? undefined : locale;
  return (
    <time dateTime={new Date(epochSeconds * 1000).toISOString()} title={`${zonedDateTime(epochSeconds, timeZone, lang)}${known ? '' : ' UTC'}`}>
      {`${zonedDate(epochSeconds, timeZone, lang)}${known ? '' : ' (UTC)'}`}
    </time>
  );
}

/** "Added 3 Dec 2026", the words in the order the language puts them around the date. */
function Added({ epochSeconds, context }: { epochSeconds: number; context: RowPartsContext }) {
  const sentence = context.t('addedOn', { date: DATE_MARK });
  const at = sentence.indexOf(DATE_MARK);
  const date = <AddedDate epochSeconds={epochSeconds} context={context} />;
  if (at === -1) return date;
  return (
    <>
      {sentence.slice(0, at)}
      {date}
      {sentence.slice(at + DATE_MARK.length)}
    </>
  );
}

/** "Synced · Added 3 Dec 2026" (or what is known of it). */
function SecondaryLine({ passkey, context }: { passkey: PasskeyView; context: RowPartsContext }) {
  return (
    <>
      <PasskeySyncBadge sync={passkey.sync} t={context.t} />
      {passkey.sync && passkey.createdAt !== null ? ' · ' : null}
      {passkey.createdAt !== null ? <Added epochSeconds={passkey.createdAt} context={context} /> : null}
      {!passkey.sync && passkey.createdAt === null ? attachmentLabel(passkey.attachment, context.t) : null}
    </>
  );
}

/** What kind of authenticator holds it, how it connects, for which website and exactly when it was added. */
function Details({ passkey, label, context }: { passkey: PasskeyView; label: string; context: RowPartsContext }) {
  const { t, locale, timeZone, known, nowMs } = context;
  const lang = locale === 'en' ? undefined : locale;
  const showProvider = passkey.providerName !== null && passkey.providerName !== passkey.displayName;
  const showCognitoName = passkey.displayName !== passkey.name;
  return (
    <details className="group mt-1 ps-[52px] text-sm">
      <summary className="w-fit cursor-pointer rounded text-indigo-700 underline-offset-4 hover:underline dark:text-indigo-300">
        {t('detailsSummary')}
        <span className="sr-only">{t('detailsOf', { name: label })}</span>
      </summary>
      <dl className={DETAILS_LIST_CLASS}>
        {showProvider ? (
          <>
            <dt>{t('providerTerm')}</dt>
            <dd>{passkey.providerName}</dd>
          </>
        ) : null}
        {showCognitoName ? (
          <>
            <dt>{t('originalNameTerm')}</dt>
            <dd className="break-words">{passkey.name}</dd>
          </>
        ) : null}
        <dt>{t('kindTerm')}</dt>
        <dd>{attachmentLabel(passkey.attachment, t)}</dd>
        <dt>{t('connectsTerm')}</dt>
        <dd>{transportsLabel(passkey.transports, t, locale)}</dd>
        <dt>{t('websiteTerm')}</dt>
        <dd className="break-all">{passkey.relyingPartyId || <NotReported t={t} />}</dd>
        <dt>{t('addedTerm')}</dt>
        <dd>{passkey.createdAt === null ? <NotReported t={t} /> : <LocalTime epochSeconds={passkey.createdAt} locale={lang} initial={localTimeText(passkey.createdAt, 'date-time', { timeZone, known, nowMs }, lang)} />}</dd>
      </dl>
    </details>
  );
}

/** Each listed passkey's server-rendered parts, by credential ID. */
export function passkeyRowParts(passkeys: readonly PasskeyView[], labels: Record<string, string>, context: RowPartsContext): Record<string, PasskeyRowParts> {
  return Object.fromEntries(
    passkeys.map((passkey) => {
      const label = labels[passkey.id] ?? passkey.displayName;
      return [
        passkey.id,
        {
          icon: <PasskeyKindIcon kind={passkey.kind} label={context.t(KIND_LABEL_KEYS[passkey.kind])} />,
          secondary: <SecondaryLine passkey={passkey} context={context} />,
          details: <Details passkey={passkey} label={label} context={context} />,
        },
      ];
    }),
  );
}
