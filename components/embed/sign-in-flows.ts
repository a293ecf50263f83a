import { addPasskeyWindowBinding } from '@/app/embed/security/actions';
import { randomBase64url } from '@/lib/encoding/base64url';
import { newHandoffProof, type HandoffProof } from '@/lib/embed/handoff-proof';
import { langQuery } from '@/lib/i18n/lang-param';

/*
 * What the embedded view does only after a click: start a sign-in in its window, redeem that
 * window's handoff, start the add-passkey window. EmbedShell imports this module when the click
 * comes (import()), as it loads the confirm-identity dialog, so none of it is in the view's first
 * load (the embedded view's JS budget). Each function only prepares or sends; the shell keeps the
 * windows, the pending state and what the person is told.
 */

/**
 * A sign-in's proof (lib/embed/handoff-proof.ts) and where its window goes: the relay page, with
 * the proof's state (and the host app's `lang`, which the windows pass on to the pool).
 */
export async function startSignIn(host: string, stepUp: boolean, lang: string | null): Promise<{ proof: HandoffProof; url: string }> {
  const proof = await newHandoffProof();
  const query = new URLSearchParams({ state: proof.state, host, ...langQuery(lang) });
  if (stepUp) query.set('step-up', '1');
  return { proof, url: new URL(`/api/auth-popup/start?${query.toString()}`, window.location.origin).toString() };
}

/** Turns the sign-in window's one-time handoff into this view's partitioned session; throws when refused. */
export async function redeemHandoff(handoff: string, verifier: string, host: string): Promise<void> {
  const response = await fetch('/embed/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // The verifier proves this is the document that started the sign-in (lib/embed/handoff-proof.ts).
    body: JSON.stringify({ handoff, verifier, host }),
  });
  if (!response.ok) throw new Error(`handoff refused (${response.status})`);
}

/**
 * The add-passkey window's page, bound by the server to whom this view is signed in as (so that
 * window refuses to act for anyone else), and the state it will answer with; null when the
 * server would not bind it.
 */
export async function startAddPasskeyWindow(host: string, lang: string | null): Promise<{ state: string; url: string } | null> {
  const binding = await addPasskeyWindowBinding(host).catch(() => null);
  if (!binding) return null;
  const state = randomBase64url(32);
  const query = new URLSearchParams({ state, host, binding, ...langQuery(lang) });
  return { state, url: new URL(`/embed/add-passkey?${query.toString()}`, window.location.origin).toString() };
}
