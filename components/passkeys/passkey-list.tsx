import type { Passkey } from '@/lib/cognito/passkeys';
import type { Announcement } from '@/lib/format/passkey-messages';
import { PasskeyItem } from './passkey-item';

type PasskeyListProps = {
  passkeys: Passkey[];
  labels: Record<string, string>;
  onDeleteResult: (announcement: Announcement, gone: boolean) => void;
};

/** The person's passkeys, in the order Cognito lists them (oldest first). */
export function PasskeyList({ passkeys, labels, onDeleteResult }: PasskeyListProps) {
  return (
    <ul aria-label="Your passkeys" className="divide-y divide-zinc-200 rounded-md border border-zinc-300 dark:divide-zinc-800 dark:border-zinc-700">
      {passkeys.map((passkey) => (
        <PasskeyItem key={passkey.id} passkey={passkey} label={labels[passkey.id] ?? passkey.name} onDeleteResult={onDeleteResult} />
      ))}
    </ul>
  );
}
