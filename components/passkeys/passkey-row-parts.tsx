import type { ReactNode } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import { ADDED_PREFIX, ADDED_TERM, CONNECTS_TERM, DETAILS_SUMMARY, detailsOf, KIND_TERM, NOT_REPORTED, ORIGINAL_NAME_TERM, PROVIDER_TERM, WEBSITE_TERM } from '@/lib/format/passkey-details-messages';
import { attachmentLabel, transportsLabel } from '@/lib/format/passkey-labels';
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

const NOT_REPORTED_VALUE = <span className="text-zinc-600 dark:text-zinc-400">{NOT_REPORTED}</span>;
const TERM = 'font-medium text-zinc-700 dark:text-zinc-300';

/** "Synced · Added 3 Dec 2026" (or what is known of it). */
function SecondaryLine({ passkey }: { passkey: PasskeyView }) {
  return (
    <>
      <PasskeySyncBadge sync={passkey.sync} />
      {passkey.sync && passkey.createdAt !== null ? ' · ' : null}
      {passkey.createdAt !== null ? (
        <>
          {ADDED_PREFIX} <LocalTime epochSeconds={passkey.createdAt} format="date" />
        </>
      ) : null}
      {!passkey.sync && passkey.createdAt === null ? attachmentLabel(passkey.attachment) : null}
    </>
  );
}

/** What kind of authenticator holds it, how it connects, for which website and exactly when it was added. */
function Details({ passkey, label }: { passkey: PasskeyView; label: string }) {
  const showProvider = passkey.providerName !== null && passkey.providerName !== passkey.displayName;
  const showCognitoName = passkey.displayName !== passkey.name;
  return (
    <details className="group mt-1 ps-[52px] text-sm">
      <summary className="w-fit cursor-pointer rounded text-indigo-700 underline-offset-4 hover:underline dark:text-indigo-300">
        {DETAILS_SUMMARY}
        <span className="sr-only">{detailsOf(label)}</span>
      </summary>
      <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        {showProvider ? (
          <>
            <dt className={TERM}>{PROVIDER_TERM}</dt>
            <dd className="mb-1 sm:mb-0">{passkey.providerName}</dd>
          </>
        ) : null}
        {showCognitoName ? (
          <>
            <dt className={TERM}>{ORIGINAL_NAME_TERM}</dt>
            <dd className="mb-1 break-words sm:mb-0">{passkey.name}</dd>
          </>
        ) : null}
        <dt className={TERM}>{KIND_TERM}</dt>
        <dd className="mb-1 sm:mb-0">{attachmentLabel(passkey.attachment)}</dd>
        <dt className={TERM}>{CONNECTS_TERM}</dt>
        <dd className="mb-1 sm:mb-0">{transportsLabel(passkey.transports)}</dd>
        <dt className={TERM}>{WEBSITE_TERM}</dt>
        <dd className="mb-1 break-all sm:mb-0">{passkey.relyingPartyId || NOT_REPORTED_VALUE}</dd>
        <dt className={TERM}>{ADDED_TERM}</dt>
        <dd>{passkey.createdAt === null ? NOT_REPORTED_VALUE : <LocalTime epochSeconds={passkey.createdAt} />}</dd>
      </dl>
    </details>
  );
}

/** Each listed passkey's server-rendered parts, by credential ID. */
export function passkeyRowParts(passkeys: readonly PasskeyView[], labels: Record<string, string>): Record<string, PasskeyRowParts> {
  return Object.fromEntries(
    passkeys.map((passkey) => {
      const label = labels[passkey.id] ?? passkey.displayName;
      return [passkey.id, { icon: <PasskeyKindIcon kind={passkey.kind} />, secondary: <SecondaryLine passkey={passkey} />, details: <Details passkey={passkey} label={label} /> }];
    }),
  );
}
