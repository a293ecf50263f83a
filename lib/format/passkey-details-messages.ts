import english from '@/messages/en/passkeys.json';
import { formatMessage } from '@/lib/i18n/format-message';
import type { NameCheck } from '@/lib/passkeys/passkey-name';
import { LAST_PASSKEY_KEYS, nameProblemMessage, type LastPasskeyReason } from './passkey-message-keys';
import type { PasskeyTranslate } from './passkey-messages';

/**
 * The passkey details feature's words that the server actions (lib/cognito/passkey-detail-actions.ts)
 * give in their results, in English, read from the `passkeys` catalog (messages/en/passkeys.json)
 * so that there is one source for them. Code that knows the person's locale uses the catalog
 * through a translator instead (passkey-message-keys.ts says which key says what). Server only:
 * the browser never loads a whole catalog.
 */
export type { LastPasskeyReason } from './passkey-message-keys';

const catalog: Record<string, string> = english;

/** `t(key, values)` over the English `passkeys` catalog. */
export const englishPasskeys: PasskeyTranslate = (key, values) => {
  const message = catalog[key];
  if (message === undefined) throw new Error(`No message passkeys.${key} in en`);
  return formatMessage(message, values, 'en');
};

export const DETAILS_UNAVAILABLE = englishPasskeys('detailsUnavailable');
export const DETAILS_FULL = englishPasskeys('detailsFull');
export const RENAME_NOT_LISTED = englishPasskeys('renameNotListed');
export const renameFailed = (message: string) => englishPasskeys('renameFailed', { reason: message });

export function nameProblem(check: Exclude<NameCheck, { ok: true }>): string {
  return nameProblemMessage(check, englishPasskeys);
}

/** Why the only passkey cannot be deleted, and what to add first (the page and the action say the same). */
export const LAST_PASSKEY: Record<LastPasskeyReason, string> = {
  'no-other-factor': englishPasskeys(LAST_PASSKEY_KEYS['no-other-factor']),
  'factors-unknown': englishPasskeys(LAST_PASSKEY_KEYS['factors-unknown']),
};
