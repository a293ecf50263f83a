import { LocalTime } from '@/components/ui/local-time';
import type { Passkey } from '@/lib/cognito/passkeys';
import { attachmentLabel, transportsLabel } from '@/lib/format/passkey-labels';
import type { Announcement } from '@/lib/format/passkey-messages';
import { DeletePasskeyButton } from './delete-passkey-button';

type PasskeyItemProps = {
  passkey: Passkey;
  /** The name that tells it apart from the others listed (its button's name, the dialog and messages). */
  label: string;
  onDeleteResult: (announcement: Announcement, gone: boolean) => void;
};

const NOT_REPORTED = <span className="text-zinc-600 dark:text-zinc-400">Not reported</span>;

/** One passkey: its name, what kind of authenticator holds it, how it connects, where and when it was added. */
export function PasskeyItem({ passkey, label, onDeleteResult }: PasskeyItemProps) {
  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 space-y-2">
        <h3 className="font-semibold break-words">{passkey.name}</h3>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-zinc-700 dark:text-zinc-300">Kind</dt>
          <dd className="mb-1 sm:mb-0">{attachmentLabel(passkey.attachment)}</dd>
          <dt className="font-medium text-zinc-700 dark:text-zinc-300">Connects by</dt>
          <dd className="mb-1 sm:mb-0">{transportsLabel(passkey.transports)}</dd>
          <dt className="font-medium text-zinc-700 dark:text-zinc-300">For website</dt>
          <dd className="mb-1 break-all sm:mb-0">{passkey.relyingPartyId || NOT_REPORTED}</dd>
          <dt className="font-medium text-zinc-700 dark:text-zinc-300">Added</dt>
          <dd>{passkey.createdAt === null ? NOT_REPORTED : <LocalTime epochSeconds={passkey.createdAt} />}</dd>
        </dl>
      </div>
      <DeletePasskeyButton passkeyId={passkey.id} name={label} onResult={onDeleteResult} />
    </li>
  );
}
