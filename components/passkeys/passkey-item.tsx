import { LocalTime } from '@/components/ui/local-time';
import type { PasskeyView } from '@/lib/passkeys/passkey-view';
import { attachmentLabel, transportsLabel } from '@/lib/format/passkey-labels';
import { ORIGINAL_NAME_TERM, PROVIDER_TERM } from '@/lib/format/passkey-details-messages';
import type { Announcement } from '@/lib/format/passkey-messages';
import { DeletePasskeyButton } from './delete-passkey-button';
import { PasskeyKindIcon } from './passkey-kind-icon';
import { PasskeySyncBadge } from './passkey-sync-badge';
import { RenamePasskeyButton } from './rename-passkey-button';

type PasskeyItemProps = {
  passkey: PasskeyView;
  /** The name that tells it apart from the others listed (its button's name, the dialog and messages). */
  label: string;
  /** `relyingPartyId`: the deleted passkey's, so the password manager can be told of it. */
  onDeleteResult: (announcement: Announcement, gone: boolean, relyingPartyId?: string) => void;
  /** Set when the portal can keep names (the details attribute works). */
  onRenameResult?: (announcement: Announcement) => void;
  /** Why it cannot be deleted (the person's only way in), or null. */
  deleteBlockedReason: string | null;
};

const NOT_REPORTED = <span className="text-zinc-600 dark:text-zinc-400">Not reported</span>;
const TERM = 'font-medium text-zinc-700 dark:text-zinc-300';

/**
 * One passkey: its name (the person's, else its provider's, else Cognito's) with an icon for its
 * kind and whether it is synced, then what kind of authenticator holds it, how it connects,
 * where and when it was added.
 */
export function PasskeyItem({ passkey, label, onDeleteResult, onRenameResult, deleteBlockedReason }: PasskeyItemProps) {
  const showProvider = passkey.providerName !== null && passkey.providerName !== passkey.displayName;
  const showCognitoName = passkey.displayName !== passkey.name;
  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <PasskeyKindIcon kind={passkey.kind} />
          <h3 className="font-semibold break-words">{passkey.displayName}</h3>
          <PasskeySyncBadge sync={passkey.sync} />
        </div>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
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
          <dt className={TERM}>Kind</dt>
          <dd className="mb-1 sm:mb-0">{attachmentLabel(passkey.attachment)}</dd>
          <dt className={TERM}>Connects by</dt>
          <dd className="mb-1 sm:mb-0">{transportsLabel(passkey.transports)}</dd>
          <dt className={TERM}>For website</dt>
          <dd className="mb-1 break-all sm:mb-0">{passkey.relyingPartyId || NOT_REPORTED}</dd>
          <dt className={TERM}>Added</dt>
          <dd>{passkey.createdAt === null ? NOT_REPORTED : <LocalTime epochSeconds={passkey.createdAt} />}</dd>
        </dl>
      </div>
      <div className="flex flex-wrap items-start gap-2 sm:justify-end">
        {onRenameResult ? <RenamePasskeyButton passkeyId={passkey.id} label={label} current={passkey.displayName} onResult={onRenameResult} /> : null}
        <DeletePasskeyButton
          passkeyId={passkey.id}
          name={label}
          onResult={(announcement, gone) => onDeleteResult(announcement, gone, passkey.relyingPartyId)}
          blockedReason={deleteBlockedReason}
        />
      </div>
    </li>
  );
}
