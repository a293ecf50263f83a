import type { NameCheck } from '@/lib/passkeys/passkey-name';
import { PASSKEY_NAME_MAX } from '@/lib/passkeys/passkey-name';

/**
 * Every word of the passkey details feature (names, providers, synced or not, renaming, the
 * lockout guard), in one place until translations land. Names are interpolated as text: React
 * escapes them on output.
 */

export const SYNCED_BADGE = 'Synced';
export const SYNCED_BADGE_HINT = 'Backed up, and available on your other devices signed in to the same account';
export const DEVICE_ONLY_BADGE = 'This device only';
export const DEVICE_ONLY_BADGE_HINT = 'Kept only on the device or security key that made it';

export const KIND_LABELS = {
  synced: 'Synced passkey',
  'this-device': 'This device’s authenticator',
  'security-key': 'Security key',
} as const;

export const PROVIDER_TERM = 'Provider';
export const ORIGINAL_NAME_TERM = 'Name from the sign-in service';

export const RENAME_FIELD_LABEL = 'New name';
export const RENAME_HINT = `Up to ${PASSKEY_NAME_MAX} characters.`;
export const SAVE_NAME = 'Save name';
export const SAVING_NAME = 'Saving…';
export const CANCEL_RENAME = 'Cancel';
export const renamed = (name: string) => `Passkey renamed to “${name}”.`;

export const NAME_NEW_TITLE = 'Name your new passkey';
export const NAME_NEW_FIELD_LABEL = 'Passkey name';
export const NAME_NEW_HINT = 'A name you will recognise, such as “Work laptop”. Press Enter to keep it; skip to keep the name shown.';
export const SKIP_NAMING = 'Skip';
export const namedNew = (name: string) => `Passkey added and named “${name}”. You can now use it to sign in.`;

export function nameProblem(check: Exclude<NameCheck, { ok: true }>): string {
  switch (check.reason) {
    case 'empty':
      return 'Enter a name for the passkey.';
    case 'too-long':
      return `Use ${PASSKEY_NAME_MAX} characters or fewer.`;
    case 'control-character':
      return 'The name contains an invisible control character. Use letters, numbers, spaces and punctuation.';
  }
}

export const DETAILS_UNAVAILABLE = 'Passkey names cannot be saved here, so nothing was changed.';
export const DETAILS_FULL = 'There is no room to store another passkey name, so nothing was changed. Delete a passkey you no longer use, or use a shorter name.';
export const RENAME_NOT_LISTED = 'That passkey could not be found, so it was not renamed. Reload the page and try again.';
export const renameFailed = (message: string) => `The passkey was not renamed. ${message}`;

/** Why the only passkey cannot be deleted, and what to add first (the page and the action say the same). */
export const LAST_PASSKEY = {
  'no-other-factor':
    'This passkey is your only way to sign in, so it cannot be deleted. Add another passkey first (on another device or a security key), then delete this one.',
  'factors-unknown':
    'We could not check your other ways to sign in, so your only passkey cannot be deleted now. Add another passkey first, or try again later.',
} as const;
export type LastPasskeyReason = keyof typeof LAST_PASSKEY;

/** The compact row: its menu, the disclosure and the one secondary line. */
export const passkeyActionsLabel = (name: string) => `Actions for ${name}`;
export const RENAME_ITEM = 'Rename';
export const DELETE_ITEM = 'Delete';
export const DETAILS_SUMMARY = 'Details';
export const detailsOf = (name: string) => ` of ${name}`;
export const ADDED_PREFIX = 'Added';
export const KIND_TERM = 'Kind';
export const CONNECTS_TERM = 'Connects by';
export const WEBSITE_TERM = 'For website';
export const ADDED_TERM = 'Added';
export const NOT_REPORTED = 'Not reported';
