import type { PasskeyView } from '@/lib/passkeys/passkey-view';
import type { Announcement } from '@/lib/format/passkey-messages';
import { PasskeyItem } from './passkey-item';

type PasskeyListProps = {
  passkeys: PasskeyView[];
  labels: Record<string, string>;
  /** `relyingPartyId`: the deleted passkey's, so the password manager can be told of it. */
  onDeleteResult: (announcement: Announcement, gone: boolean, relyingPartyId?: string) => void;
  onRenameResult?: (announcement: Announcement) => void;
  /** Why the only passkey cannot be deleted, or null. */
  deleteBlockedReason: string | null;
};

/** The person's passkeys, in the order Cognito lists them (oldest first). */
export function PasskeyList({ passkeys, labels, onDeleteResult, onRenameResult, deleteBlockedReason }: PasskeyListProps) {
  return (
    <ul aria-label="Your passkeys" className="divide-y divide-zinc-200 rounded-md border border-zinc-300 dark:divide-zinc-800 dark:border-zinc-700">
      {passkeys.map((passkey) => (
        <PasskeyItem
          key={passkey.id}
          passkey={passkey}
          label={labels[passkey.id] ?? passkey.displayName}
          onDeleteResult={onDeleteResult}
          onRenameResult={onRenameResult}
          deleteBlockedReason={passkeys.length === 1 ? deleteBlockedReason : null}
        />
      ))}
    </ul>
  );
}
