import { startRegistration, type RegistrationResponseJSON } from '@simplewebauthn/browser';
import type { SecurityActions } from '@/components/security/security-context';
import type { StepUp } from '@/components/step-up/step-up-context';
import type { AddedPasskey } from '@/lib/cognito/remember-new-passkey';
import type { HostEvent } from '@/lib/embed/protocol';
import { ceremonyFailure, ceremonyNotAllowed, refusedInThisFrame } from '@/lib/format/ceremony-failure';
import { createAllowedInThisDocument, type Announcement, type PasskeyTranslate } from '@/lib/format/passkey-messages';
import { runPasskeyAction } from './run-passkey-action';

/**
 * Adding a passkey, from asking Cognito for options to storing the browser's answer: the part of
 * AddPasskeyButton that runs only after a click, so its code (and SimpleWebAuthn's) is loaded then,
 * not with the page (the Security pages' JS budget). Each way it can fail ends with a message and
 * nothing changed. Its words are the button's translator's (`t`, the `passkeys` messages the page
 * was given), so none are in this code.
 */
export type AddStage = 'starting' | 'ceremony' | 'saving';

export type AddPasskeyHooks = {
  actions: Pick<SecurityActions, 'startAddingPasskey' | 'finishAddingPasskey'>;
  /** In the host's iframe with the popup on offer: a refusal here offers the window instead. */
  canUsePopup: boolean;
  setStage: (stage: AddStage) => void;
  /** This frame will not (`certain`) or may not (`possible`) create passkeys: offer the popup. */
  offerPopup: (how: 'certain' | 'possible') => void;
  onAnnounce: (announcement: Announcement) => void;
  confirmIdentity: StepUp['confirmIdentity'];
  emit: (event: HostEvent) => void;
  onAdded?: (added: AddedPasskey) => void;
  /** The `passkeys` messages, in the person's language (ADD_PASSKEY_KEYS in client-keys.ts). */
  t: PasskeyTranslate;
};

type SignalApi = { signalUnknownCredential?: (options: { rpId: string; credentialId: string }) => Promise<void> };

/**
 * A passkey the authenticator made but Cognito never stored: where the browser has the Signal API
 * (Chrome 132+, Safari 26), tell the password manager it is unknown so it does not offer a
 * passkey that cannot sign in. Best effort; nothing depends on it.
 */
function forgetUnsavedPasskey(rpId: string | undefined, credentialId: string) {
  const signal = (window.PublicKeyCredential as unknown as SignalApi | undefined)?.signalUnknownCredential;
  if (!rpId || typeof signal !== 'function') return;
  signal.call(window.PublicKeyCredential, { rpId, credentialId }).catch(() => {});
}

export async function addPasskey({ actions, canUsePopup, setStage, offerPopup, onAnnounce, confirmIdentity, emit, onAdded, t }: AddPasskeyHooks): Promise<void> {
  setStage('starting');
  const unreachable = t('unreachable');
  const start = await runPasskeyAction(actions.startAddingPasskey, unreachable);
  if (!start.ok && start.code === 'reauthentication-required') {
    onAnnounce({ kind: 'status', message: t('addReauth') });
    confirmIdentity({ action: 'add-passkey' });
    return;
  }
  if (!start.ok) {
    onAnnounce({ kind: 'alert', message: start.message }); // the action's words for this case
    return;
  }
  setStage('ceremony');
  let credential: RegistrationResponseJSON;
  try {
    credential = await startRegistration({ optionsJSON: start.data });
  } catch (error) {
    const policy = createAllowedInThisDocument();
    if (canUsePopup && refusedInThisFrame(error, policy)) {
      offerPopup('certain');
      return;
    }
    const outcome = ceremonyFailure(error, t);
    // The detail (the browser's own error) helps whoever looks at the console; the person gets the words.
    if (outcome.kind === 'alert') console.warn('Creating a passkey failed in the browser.', error);
    onAnnounce(outcome);
    // Where the browser does not say what this frame may do, a refusal looks like a cancel: offer the window too.
    if (canUsePopup && policy === null && ceremonyNotAllowed(error)) offerPopup('possible');
    return;
  }
  setStage('saving');
  // Cognito's user.id goes along, to be kept with the passkey details (the Signal API needs it).
  const finish = await runPasskeyAction(() => actions.finishAddingPasskey(credential, start.data.user.id), unreachable);
  if (!finish.ok && finish.code === 'reauthentication-required') {
    // The sign-in stopped counting as recent during the ceremony (the start keeps time back
    // for it, so this is rare): nothing was stored, and the authenticator may drop its copy.
    forgetUnsavedPasskey(start.data.rp.id, credential.id);
    onAnnounce({ kind: 'status', message: t('addReauthLate') });
    confirmIdentity({ action: 'add-passkey' });
    return;
  }
  if (!finish.ok) {
    onAnnounce({ kind: 'alert', message: finish.message });
    return;
  }
  onAnnounce({ kind: 'status', message: t('added') });
  emit({ type: 'passkey-added' });
  onAdded?.(finish.data);
}
