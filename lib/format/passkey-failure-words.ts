import type { Translate } from '@/lib/i18n/translate';
import { PASSKEY_NAME_MAX, type NameCheck } from '@/lib/passkeys/passkey-name';
import type { LastPasskeyReason } from './passkey-details-messages';

/**
 * A passkey action's failures in the person's language: each takes `t` over the `errors` namespace
 * (getTranslations('errors') in a server action; useT('errors') in a client component, whose
 * server parent then sends the keys it uses). No words of their own, only keys, so they cost the
 * browser next to nothing.
 */

/** Why a name was refused. */
export function nameProblemIn(t: Translate, check: Exclude<NameCheck, { ok: true }>): string {
  switch (check.reason) {
    case 'empty':
      return t('nameEmpty');
    case 'too-long':
      return t('nameTooLong', { max: PASSKEY_NAME_MAX });
    case 'control-character':
      return t('nameControlCharacter');
  }
}

/** Why the only passkey cannot be deleted (the page and the action say the same). */
export function lastPasskeyMessageIn(t: Translate, reason: LastPasskeyReason): string {
  return t(reason === 'no-other-factor' ? 'lastPasskeyNoOtherFactor' : 'lastPasskeyFactorsUnknown');
}
