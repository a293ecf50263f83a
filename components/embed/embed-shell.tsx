'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useT } from '@/components/i18n/client-messages';
import { strongName } from '@/components/i18n/strong-name';
import { SecurityContextProvider, type SecurityActions } from '@/components/security/security-context';
import { LazyConfirmIdentityDialog } from '@/components/step-up/lazy-confirm-identity-dialog';
import { StepUpContextProvider } from '@/components/step-up/step-up-context';
import { useStepUpState } from '@/components/step-up/use-step-up-state';
import {
  HANDOFF_MESSAGE_TYPE,
  hostMessage,
  isPasskeyAddedInPopup,
  MESSAGE_SOURCE,
  parseHostCommand,
  POPUP_FEATURES,
  type HandoffMessage,
  type HostEvent,
  type Theme,
} from '@/lib/embed/protocol';
import type { HandoffProof } from '@/lib/embed/handoff-proof';
import type { ResumeIntent } from '@/lib/step-up/resume-intent';
import { browserScheduler, createHeightReporter } from './height-reporter';

type EmbedShellProps = {
  /** The allowed origin named by the `host` query parameter (checked on the server). */
  host: string;
  initialTheme: Theme;
  initialAccent: string | null;
  signedIn: boolean;
  sessionEnded: boolean;
  displayName: string | null;
  /** The host app's language (`lang`, checked on the server), passed on to the windows this view opens; null without one. */
  lang: string | null;
  /** The view's actions (on its partitioned session), server references from the page: no stubs module in the view's JS. */
  actions: SecurityActions;
  children: ReactNode;
};

/** The code that runs only after a click (signing in, adding a passkey in a window): loaded then, not with the page. */
const loadFlows = () => import('./sign-in-flows');

/**
 * Is this document really framed by `host`? `location.ancestorOrigins` (Chromium, Safari) names
 * the framing origin whatever the query says; elsewhere the parent's origin cannot be read, and
 * postMessage's targetOrigin still keeps messages from reaching any other origin.
 */
function framedBy(host: string): boolean {
  if (window.parent === window) return false;
  const ancestors = window.location.ancestorOrigins;
  return !ancestors || ancestors.length === 0 || ancestors[0] === host;
}

/**
 * Everything that makes the Security sections an embedded view: the theme and accent from the
 * host, messages to the host (only ever to `host`, never `*`), its content height for sizing the
 * iframe, and signing in through a popup whose one-time handoff becomes this view's partitioned
 * session (see README, "Embedding").
 */
export function EmbedShell({ host, initialTheme, initialAccent, signedIn, sessionEnded, displayName, lang, actions, children }: EmbedShellProps) {
  const router = useRouter();
  const t = useT('embed');
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [accent, setAccent] = useState<string | null>(initialAccent);
  const [notice, setNotice] = useState<{ tone: 'status' | 'alert'; text: string } | null>(
    sessionEnded ? { tone: 'alert', text: t('sessionEnded') } : null,
  );
  const [busy, setBusy] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const hostOk = useRef(false);
  const popup = useRef<Window | null>(null);
  // The sign-in under way: its state, and the verifier behind it that only this document holds.
  const pendingProof = useRef<HandoffProof | null>(null);
  // The add-passkey popup (where the browser refuses to create passkeys in this iframe).
  const passkeyPopup = useRef<Window | null>(null);
  const passkeyState = useRef<string | null>(null);
  const onPasskeyAdded = useRef<(() => void) | null>(null);
  // Step-up: what the person wanted when asked to confirm it's them, until the popup's sign-in is redeemed.
  const { stepUp, asking, asked, stopAsking, signedInAgain } = useStepUpState();
  const steppingUp = useRef<ResumeIntent | null>(null);

  const emit = useCallback(
    (event: HostEvent) => {
      if (!hostOk.current) return;
      window.parent.postMessage(hostMessage(event), host);
    },
    [host],
  );

  // Ready, and the content height whenever it changes.
  useEffect(() => {
    hostOk.current = framedBy(host);
    if (!hostOk.current) {
      console.warn(`The embedded view is not framed by ${host}; it sends no messages.`);
      return;
    }
    emit({ type: 'ready', signedIn });
    // The view's session ended under it (expired, revoked, signed out everywhere): the host is told as for a sign-out.
    if (sessionEnded) emit({ type: 'signed-out' });
    const root = rootRef.current;
    if (!root) return;
    // One observer; its bursts while the page loads become one report once the layout is quiet (height-reporter.ts).
    const reporter = createHeightReporter({
      measure: () => root.getBoundingClientRect().height,
      send: (height) => emit({ type: 'resize', height }),
      busy: () => root.querySelector('[data-skeleton]') !== null,
      scheduler: browserScheduler(),
    });
    const observer = new ResizeObserver(() => reporter.changed());
    observer.observe(root);
    return () => {
      observer.disconnect();
      reporter.stop();
    };
  }, [emit, host, signedIn, sessionEnded]);

  const redeem = useCallback(
    async (message: HandoffMessage, verifier: string) => {
      pendingProof.current = null;
      setBusy(true);
      try {
        await (await loadFlows()).redeemHandoff(message.handoff, verifier, host);
        setNotice(null);
        emit({ type: 'signed-in' });
        const intent = steppingUp.current;
        steppingUp.current = null;
        if (intent) signedInAgain(intent);
        router.replace(window.location.pathname + window.location.search.replace(/&ended=1/, ''));
        router.refresh();
      } catch (error) {
        steppingUp.current = null;
        stopAsking();
        console.warn('Signing in from the popup did not complete.', error);
        setNotice({ tone: 'alert', text: t('signInIncomplete') });
        emit({ type: 'error', code: 'sign-in-failed', message: t('signInIncompleteEvent') });
      } finally {
        setBusy(false);
      }
    },
    [emit, host, router, signedInAgain, stopAsking, t],
  );

  // Messages: the host's set-theme, the sign-in popup's handoff and the add-passkey popup's
  // success. Everything else is ignored.
  useEffect(() => {
    function onMessage(event: MessageEvent) {
      if (event.origin === host && event.source === window.parent && hostOk.current) {
        const command = parseHostCommand(event.data);
        if (!command) return;
        if (command.theme) setTheme(command.theme);
        if (command.accent) setAccent(command.accent);
        return;
      }
      if (event.origin !== window.location.origin) return;
      if (passkeyPopup.current && event.source === passkeyPopup.current) {
        if (!isPasskeyAddedInPopup(event.data, passkeyState.current)) return;
        passkeyState.current = null;
        passkeyPopup.current = null;
        const done = onPasskeyAdded.current;
        onPasskeyAdded.current = null;
        done?.();
        emit({ type: 'passkey-added' });
        router.refresh();
        return;
      }
      if (!popup.current || event.source !== popup.current) return;
      const data = event.data as Partial<HandoffMessage> | null;
      if (!data || data.source !== MESSAGE_SOURCE || data.type !== HANDOFF_MESSAGE_TYPE) return;
      const proof = pendingProof.current;
      if (!proof || data.state !== proof.state || typeof data.handoff !== 'string') return;
      void redeem(data as HandoffMessage, proof.verifier);
    }
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [emit, host, redeem, router]);

  /**
   * Opens the sign-in popup; with `stepUp`, the pool asks again even if it has a sign-in session.
   * The window opens at once (the click's gesture) and goes on to the relay page once the proof's
   * hash is ready: its state is the hash of a verifier kept here (lib/embed/handoff-proof.ts).
   */
  function signIn(intent?: ResumeIntent) {
    pendingProof.current = null;
    steppingUp.current = intent ?? null;
    const opened = window.open('about:blank', 'cognito-security-portal-sign-in', POPUP_FEATURES);
    if (!opened) {
      steppingUp.current = null;
      stopAsking();
      setNotice({ tone: 'alert', text: t('signInWindowBlocked') });
      emit({ type: 'error', code: 'popup-blocked', message: t('signInWindowBlockedEvent') });
      return;
    }
    popup.current = opened;
    setNotice({ tone: 'status', text: t('continueInSignInWindow') });
    loadFlows()
      .then((flows) => flows.startSignIn(host, Boolean(intent), lang))
      .then(
        ({ proof, url }) => {
          if (popup.current !== opened) return; // another sign-in started meanwhile
          pendingProof.current = proof;
          opened.location.href = url;
        },
        (error: unknown) => {
          // No Web Crypto (not a secure context), or this code could not be loaded: no sign-in can be proven from here.
          console.warn('The sign-in could not start.', error);
          opened.close();
          steppingUp.current = null;
          setNotice({ tone: 'alert', text: t('signInIncomplete') });
          emit({ type: 'error', code: 'sign-in-failed', message: t('signInIncompleteEvent') });
        },
      );
  }

  async function signOut() {
    setBusy(true);
    try {
      await fetch('/embed/session', { method: 'DELETE' });
    } finally {
      setBusy(false);
    }
    emit({ type: 'signed-out' });
    router.refresh();
  }

  // Opens /embed/add-passkey, a top-level page of the portal on its own (first-party) session,
  // which runs the same ceremony and posts `passkey-added-in-popup` with this state back here. The
  // window opens at once (the click's gesture) and goes on once the server has said who this view
  // is signed in as, so that window refuses to act for anyone else.
  const addPasskeyInPopup = useCallback(
    (onAdded: () => void): 'opened' | 'blocked' => {
      const opened = window.open('about:blank', 'cognito-security-portal-add-passkey', POPUP_FEATURES);
      if (!opened) {
        emit({ type: 'error', code: 'popup-blocked', message: t('addPasskeyWindowBlockedEvent') });
        return 'blocked';
      }
      passkeyPopup.current = opened;
      passkeyState.current = null; // until the window's state is known, nothing it says counts
      onPasskeyAdded.current = onAdded;
      void loadFlows()
        .then((flows) => flows.startAddPasskeyWindow(host, lang))
        .catch(() => null)
        .then((started) => {
          if (passkeyPopup.current !== opened) return; // another add-passkey window started meanwhile
          if (!started) {
            opened.close();
            passkeyPopup.current = null;
            passkeyState.current = null;
            onPasskeyAdded.current = null;
            setNotice({ tone: 'alert', text: t('addPasskeyWindowCouldNotStart') });
            return;
          }
          passkeyState.current = started.state;
          opened.location.href = started.url;
        });
      return 'opened';
    },
    [emit, host, lang, t],
  );

  const context = useMemo(() => ({ actions, emit, embedded: true, addPasskeyInPopup }), [actions, emit, addPasskeyInPopup]);

  return (
    <div ref={rootRef} data-embed="" data-theme={theme} style={accent ? ({ '--embed-accent': accent } as CSSProperties) : undefined} className="p-4 text-zinc-900 dark:text-zinc-100">
      {/* Outside the spaced column: empty, it takes no room (no blank band above the content). */}
      <div role={notice?.tone === 'alert' ? 'alert' : 'status'} aria-live="polite">
        {notice ? <p className="mb-6 text-sm">{notice.text}</p> : null}
      </div>
      <div className="space-y-8">
        {signedIn ? (
          <>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p data-testid="embed-signed-in-as">{strongName((values) => t('signedInAs', values), displayName ?? '')}</p>
              <button
                type="button"
                onClick={signOut}
                disabled={busy}
                className="rounded-md border border-zinc-400 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-600 dark:hover:bg-zinc-800"
              >
                {t('signOut')}
              </button>
            </div>
            <SecurityContextProvider value={context}>
              <StepUpContextProvider value={stepUp}>{children}</StepUpContextProvider>
            </SecurityContextProvider>
            {asked ? (
              <LazyConfirmIdentityDialog
                intent={asking}
                where="window"
                pending={false}
                onConfirm={() => {
                  // The dialog closes; the notice says to continue in the window, and the sign-in's handoff resumes.
                  if (asking) signIn(asking);
                  stopAsking();
                }}
                onCancel={stopAsking}
              />
            ) : null}
          </>
        ) : (
          <div className="space-y-3">
            <p>{t('signInPrompt')}</p>
            <button
              type="button"
              onClick={() => signIn()}
              disabled={busy}
              className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-70 dark:bg-indigo-400 dark:text-zinc-950 dark:hover:bg-indigo-300"
            >
              {busy ? t('signingIn') : t('signIn')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
