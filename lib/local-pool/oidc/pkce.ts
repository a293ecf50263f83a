import { createHash } from 'node:crypto';
import { constantTimeEqual } from '../tokens';

// RFC 7636 §4.1–4.2: a verifier is 43–128 unreserved characters; an S256 challenge is
// the base64url SHA-256 of it, always 43 characters.
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export const isS256Challenge = (challenge: string) => S256_CHALLENGE.test(challenge);

export function verifierMatchesChallenge(verifier: string, challenge: string): boolean {
  if (!VERIFIER.test(verifier)) return false;
  return constantTimeEqual(createHash('sha256').update(verifier).digest('base64url'), challenge);
}
