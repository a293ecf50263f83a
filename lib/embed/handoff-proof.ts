import { randomBase64url, toBase64url } from '@/lib/encoding/base64url';

/**
 * Proof of possession for the embed's sign-in handoff, as PKCE does for an authorization code
 * (RFC 7636, S256): the embedded view makes a random **verifier** and keeps it in memory; the
 * sign-in's `state` is the verifier's SHA-256 (base64url), and only that travels — through the
 * relay window's and the sign-in window's URLs, the flow cookie, and into the sealed handoff.
 * /embed/session takes the verifier, hashes it and redeems only a handoff sealed for that state.
 * A handoff taken from anywhere on its way is worthless without the verifier, which never left
 * the view's document: no server-side memory, so it holds across any number of instances.
 *
 * Web Crypto only: the view (browser) and the route (server) run this same code.
 */

/** 32 random bytes, base64url: 43 characters, as the state it hashes to. */
export const VERIFIER_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type HandoffProof = { verifier: string; state: string };

/** The state a verifier stands behind: base64url(SHA-256(verifier)). */
export async function stateForVerifier(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return toBase64url(new Uint8Array(digest));
}

/** A new verifier and its state, for one sign-in from the view. */
export async function newHandoffProof(): Promise<HandoffProof> {
  const verifier = randomBase64url(32);
  return { verifier, state: await stateForVerifier(verifier) };
}

/** The state proven by `verifier` when it is one (43 base64url characters), else null. */
export async function provenState(verifier: unknown): Promise<string | null> {
  return typeof verifier === 'string' && VERIFIER_PATTERN.test(verifier) ? stateForVerifier(verifier) : null;
}
