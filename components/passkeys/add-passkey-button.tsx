'use client';

import { useEffect, useId, useRef, useState, useSyncExternalStore, useTransition } from 'react';
import { useT } from '@/components/i18n/client-messages';
import { useSecurityContext } from '@/components/security/security-context';
import { useStepUp } from '@/components/step-up/step-up-context';
import { useResume } from '@/components/step-up/use-resume';
import { createAllowedInThisDocument, type Announcement } from '@/lib/format/passkey-messages';
import type { AddedPasskey } from '@/lib/cognito/remember-new-passkey';
import type { AddStage } from './add-passkey-ceremony';

type Support = 'supported' | 'insecure' | 'unsupported';

// What the browser can do does not change while the page is open: nothing to subscribe to.
const subscribeToNothing = () => () => {};
// @simplewebauthn/browser's browserSupportsWebAuthn(), without loading the library for it.
const browserSupportsWebAuthn = () => typeof window.PublicKeyCredential === 'function';
const browserSupport = (): Support => (!window.isSecureContext ? 'insecure' : browserSupportsWebAuthn() ? 'supported' : 'unsupported');
/**
 * The ceremony itself (add-passkey-ceremony.ts, with SimpleWebAuthn): loaded when the pointer or
 * focus reaches the button, so it is there by the click, and never on a visit that adds nothing.
 */
const loadCeremony = () => import('./add-passkey-ceremony');
const preloadCeremony = () => {
  loadCeremony().catch(() => {}); // a failed load is reported by the click that needs it
};
// The server cannot know, and nearly every browser can: the button is drawn enabled from the first
// paint (disabled before hydration would flash), and only a browser that really cannot is told so.
const assumedOnServer = (): Support => 'supported';
const isBrowser = () => true;
const isServer = () => false;

type Stage = 'idle' | AddStage;
// The button's words at each stage (the `passkeys` catalog's, as client-keys.ts lists them).
const STAGE_KEYS: Record<Stage, string> = {
  idle: 'addButton',
  starting: 'addStarting',
  ceremony: 'addCeremony',
  saving: 'addSaving',
};

/**
 * Adds a passkey: the portal asks Cognito for options, the browser creates the passkey with the
 * person's authenticator, and Cognito checks and stores it. Each way this can fail ends with a
 * message and nothing changed. Its words come from the `passkeys` messages of the nearest
 * <ClientMessages> (ADD_PASSKEY_KEYS in client-keys.ts); the ceremony gets them as a translator.
 */
export function AddPasskeyButton({
  onAnnounce,
  onAdded,
}: {
  onAnnounce: (announcement: Announcement | null) => void;
  /** With what the server kept about the new passkey (to offer a name for it). */
  onAdded?: (added: AddedPasskey) => void;
}) {
  const t = useT('passkeys');
  const support = useSyncExternalStore(subscribeToNothing, browserSupport, assumedOnServer);
  const [pending, startTransition] = useTransition();
  const [stage, setStage] = useState<Stage>('idle');
  const { actions, emit, embedded, addPasskeyInPopup } = useSecurityContext();
  const reasonId = useId();
  const popupReasonId = useId();
  // In the host's iframe, when the browser will not (or may not) create passkeys here: offer the popup.
  const [refused, setRefused] = useState<false | 'certain' | 'possible'>(false);
  const popupButton = useRef<HTMLButtonElement>(null);
  const canUsePopup = embedded && addPasskeyInPopup !== undefined;
  const { confirmIdentity } = useStepUp();
  const addButton = useRef<HTMLButtonElement>(null);
  // Whether the button's handler is attached yet (tests wait for it; people never notice).
  const interactive = useSyncExternalStore(subscribeToNothing, isBrowser, isServer);

  useEffect(() => {
    if (refused) popupButton.current?.focus();
  }, [refused]);

  // Back from confirming it's you: the focused button and a word, never the OS prompt unasked. A
  // WebAuthn prompt follows the person's own gesture (the iframe's browser insists on one anyway).
  useResume(support === 'supported' ? { action: 'add-passkey' } : null, () => {
    onAnnounce({ kind: 'status', message: t('resumeAdd') });
    addButton.current?.focus();
  });

  function add() {
    if (pending || support !== 'supported') return;
    onAnnounce(null);
    // Known before asking anything: this frame may not create passkeys (no `allow` on the iframe).
    if (canUsePopup && createAllowedInThisDocument() === false) {
      setRefused('certain');
      return;
    }
    setRefused(false);
    startTransition(async () => {
      try {
        setStage('starting');
        let ceremony: Awaited<ReturnType<typeof loadCeremony>>;
        try {
          ceremony = await loadCeremony();
        } catch (error) {
          console.error('The passkey code could not be loaded.', error);
          onAnnounce({ kind: 'alert', message: t('unreachable') });
          return;
        }
        await ceremony.addPasskey({ actions, canUsePopup, setStage, offerPopup: setRefused, onAnnounce, confirmIdentity, emit, onAdded, t });
      } finally {
        setStage('idle');
      }
    });
  }

  function addInPopup() {
    if (!addPasskeyInPopup) return;
    const opened = addPasskeyInPopup(() => {
      setRefused(false);
      onAnnounce({ kind: 'status', message: t('addedInPopup') });
    });
    onAnnounce(
      opened === 'opened'
        ? { kind: 'status', message: t('popupContinue') }
        : { kind: 'alert', message: t('popupBlocked') },
    );
  }

  const reason = support === 'insecure' ? t('insecure') : support === 'unsupported' ? t('noWebAuthn') : null;
  return (
    <div className="space-y-2">
      <button
        ref={addButton}
        type="button"
        onClick={add}
        onPointerEnter={preloadCeremony}
        onFocus={preloadCeremony}
        // Disabled for good when the browser cannot do it; while working it stays focusable (aria-disabled).
        disabled={support !== 'supported'}
        aria-disabled={pending || undefined}
        aria-describedby={reason ? reasonId : undefined}
        data-interactive={interactive || undefined}
        className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:cursor-not-allowed disabled:bg-zinc-500 aria-disabled:cursor-progress aria-disabled:opacity-80 dark:bg-indigo-400 dark:text-zinc-950 dark:hover:bg-indigo-300 dark:disabled:bg-zinc-500"
      >
        {t(pending ? STAGE_KEYS[stage === 'idle' ? 'starting' : stage] : STAGE_KEYS.idle)}
      </button>
      {reason ? (
        <p id={reasonId} className="text-sm text-zinc-700 dark:text-zinc-300">
          {reason}
        </p>
      ) : null}
      {refused && canUsePopup ? (
        <div className="space-y-2">
          <p id={popupReasonId} className="text-sm text-zinc-700 dark:text-zinc-300">
            {refused === 'certain' ? t('popupOffer') : t('popupOfferMaybe')}
          </p>
          <button
            ref={popupButton}
            type="button"
            onClick={addInPopup}
            aria-describedby={popupReasonId}
            className="rounded-md border border-zinc-400 px-4 py-2 font-medium hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
          >
            {t('popupButton')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
