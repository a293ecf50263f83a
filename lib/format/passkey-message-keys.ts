import { PASSKEY_NAME_MAX, type NameCheck } from '@/lib/passkeys/passkey-name';
import type { PasskeyTranslate } from './passkey-messages';

/**
 * Which message of the `passkeys` catalog says what, for the code that picks one: no words here
 * (the browser gets those as data, from the catalog), so client components may import it freely.
 */

/** The icon's name for each kind of passkey. */
export const KIND_LABEL_KEYS = {
  synced: 'kindSynced',
  'this-device': 'kindThisDevice',
  'security-key': 'kindSecurityKey',
} as const;

/** Why the only passkey cannot be deleted, and what to add first (the page and the action say the same). */
export const LAST_PASSKEY_KEYS = {
  'no-other-factor': 'lastPasskeyNoOtherFactor',
  'factors-unknown': 'lastPasskeyFactorsUnknown',
} as const;
export type LastPasskeyReason = keyof typeof LAST_PASSKEY_KEYS;

/** What is wrong with a name the person typed, as the form and the server action both say it. */
export function nameProblemMessage(check: Exclude<NameCheck, { ok: true }>, t: PasskeyTranslate): string {
  switch (check.reason) {
    case 'empty':
      return t('nameEmpty');
    case 'too-long':
      return t('nameTooLong', { max: PASSKEY_NAME_MAX });
    case 'control-character':
      return t('nameControlCharacter');
  }
}
