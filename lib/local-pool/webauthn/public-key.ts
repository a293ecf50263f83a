import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { cose, decodeCredentialPublicKey, isoBase64URL } from '@simplewebauthn/server/helpers';
import { invalidParameter } from '../errors';

const b64 = (bytes: unknown) => (bytes instanceof Uint8Array ? isoBase64URL.fromBuffer(Uint8Array.from(bytes)) : undefined);

function jwkFor(key: Map<number, unknown>, alg: number): JsonWebKey | undefined {
  const kty = key.get(cose.COSEKEYS.kty);
  if (alg === cose.COSEALG.ES256) {
    const x = key.get(cose.COSEKEYS.x);
    const y = key.get(cose.COSEKEYS.y);
    const sized = x instanceof Uint8Array && y instanceof Uint8Array && x.length === 32 && y.length === 32;
    if (kty !== cose.COSEKTY.EC2 || key.get(cose.COSEKEYS.crv) !== cose.COSECRV.P256 || !sized) return undefined;
    return { kty: 'EC', crv: 'P-256', x: b64(x), y: b64(y) };
  }
  if (alg === cose.COSEALG.RS256) {
    const n = b64(key.get(cose.COSEKEYS.n));
    const e = b64(key.get(cose.COSEKEYS.e));
    if (kty !== cose.COSEKTY.RSA || !n || !e) return undefined;
    return { kty: 'RSA', n, e };
  }
  return undefined;
}

/**
 * The verifier checks a key's declared algorithm but, with `none` attestation, never the key
 * itself. A key we could not later verify an assertion with is refused now rather than stored.
 */
export function checkCredentialPublicKey(publicKey: Uint8Array, alg: number): void {
  let jwk: JsonWebKey | undefined;
  try {
    jwk = jwkFor(decodeCredentialPublicKey(Uint8Array.from(publicKey)) as unknown as Map<number, unknown>, alg);
    if (jwk) createPublicKey({ key: jwk, format: 'jwk' });
  } catch {
    jwk = undefined;
  }
  if (!jwk) throw invalidParameter(`The credential public key is not a valid key for COSE algorithm ${alg}.`);
}
