import { CEREMONY_FAILURE_KEYS } from '@/lib/format/ceremony-failure';

/**
 * The `passkeys` messages the browser formats, by what needs them: the server sends only these
 * (<ClientMessages {...await clientCatalog({ passkeys: … })}>), in the person's language; the rest
 * of the catalog is written into the page by the server. client-keys.test.ts checks that every
 * t('…') of the client components is listed here.
 */

/** The add button (AddPasskeyButton), its stages and offers, and the lazily loaded ceremony's messages. */
export const ADD_PASSKEY_KEYS = [
  'addButton',
  'addStarting',
  'addCeremony',
  'addSaving',
  'insecure',
  'noWebAuthn',
  'resumeAdd',
  'addedInPopup',
  'popupContinue',
  'popupBlocked',
  'popupOffer',
  'popupOfferMaybe',
  'popupButton',
  'unreachable',
  'addReauth',
  'addReauthLate',
  'added',
  ...CEREMONY_FAILURE_KEYS,
] as const;

/** Naming a new passkey and renaming one (only where the portal can keep names). */
export const PASSKEY_NAMING_KEYS = [
  'nameNewTitle',
  'nameNewHint',
  'nameNewFieldLabel',
  'skipNaming',
  'namedNew',
  'renameFieldLabel',
  'renameHint',
  'saveName',
  'savingName',
  'cancel',
  'nameEmpty',
  'nameTooLong',
  'nameControlCharacter',
  'renamed',
  'renameItem',
] as const;

/** The panel, the list, each row's menu and the delete dialog, with their announcements. */
export const PASSKEY_LIST_KEYS = [
  'groupLabel',
  'listLabel',
  'actionsFor',
  'deleteItem',
  'deleteTitle',
  'deleteConfirm',
  'deleting',
  'cancel',
  'deleteConsequence',
  'deleteElsewhere',
  'deleteReauth',
  'deleted',
  'deleteNotFound',
  'deleteUnidentified',
  'deleteOutcomeUnknown',
  'deleteFailed',
] as const;

/** What the Passkeys section's client components need: with naming only where names can be kept. */
export function passkeysPanelKeys(canRename: boolean): string[] {
  return [...new Set<string>([...ADD_PASSKEY_KEYS, ...PASSKEY_LIST_KEYS, ...(canRename ? PASSKEY_NAMING_KEYS : [])])];
}
