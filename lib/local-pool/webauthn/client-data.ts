import { invalidParameter } from '../errors';

/** The members of CollectedClientData (WebAuthn §5.8.1) that registration looks at. */
export type ClientData = { type: string; challenge: string; origin: string; crossOrigin: boolean; topOrigin?: string };

/** Decodes response.clientDataJSON; anything that is not CollectedClientData is InvalidParameter. */
export function decodeClientData(encoded: string): ClientData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw invalidParameter('Credential.response.clientDataJSON is not base64url-encoded JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidParameter('Credential.response.clientDataJSON must encode a JSON object.');
  const data = parsed as Record<string, unknown>;
  for (const name of ['type', 'challenge', 'origin'] as const) {
    if (typeof data[name] !== 'string' || data[name] === '') throw invalidParameter(`clientDataJSON.${name} must be a non-empty string.`);
  }
  if (data.crossOrigin !== undefined && typeof data.crossOrigin !== 'boolean') throw invalidParameter('clientDataJSON.crossOrigin must be a boolean.');
  if (data.topOrigin !== undefined && typeof data.topOrigin !== 'string') throw invalidParameter('clientDataJSON.topOrigin must be a string.');
  return {
    type: data.type as string,
    challenge: data.challenge as string,
    origin: data.origin as string,
    crossOrigin: data.crossOrigin === true,
    ...(typeof data.topOrigin === 'string' ? { topOrigin: data.topOrigin } : {}),
  };
}
