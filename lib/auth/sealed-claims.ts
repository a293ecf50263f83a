import 'server-only';
import { hkdfSync } from 'node:crypto';
import { EncryptJWT, jwtDecrypt, type JWTDecryptOptions, type JWTPayload } from 'jose';

/**
 * Short-lived values the portal hands out and later reads back without storing anything (the
 * embed's handoff, its sign-in flow cookie, its account binding): a JWE (dir + A256GCM) under a
 * key of its own for each purpose, derived from NEXTAUTH_SECRET with HKDF, so nobody without the
 * secret can read or forge one, and one purpose's value is never accepted for another.
 */
export type SealPurpose = { typ: string; salt: string; info: string };

const keyFor = (secret: string, purpose: SealPurpose) => new Uint8Array(hkdfSync('sha256', secret, purpose.salt, purpose.info, 32));

type SealOptions = { lifetimeSeconds: number; subject?: string; issuer?: string; audience?: string; jti?: string };

export function seal(claims: JWTPayload, purpose: SealPurpose, secret: string, options: SealOptions): Promise<string> {
  const jwt = new EncryptJWT(claims)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', typ: purpose.typ })
    .setIssuedAt()
    .setExpirationTime(`${options.lifetimeSeconds}s`);
  if (options.subject) jwt.setSubject(options.subject);
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.audience) jwt.setAudience(options.audience);
  if (options.jti) jwt.setJti(options.jti);
  return jwt.encrypt(keyFor(secret, purpose));
}

type UnsealOptions = Pick<JWTDecryptOptions, 'issuer' | 'audience' | 'maxTokenAge' | 'requiredClaims'>;

/** The claims of a genuine, unexpired value of this purpose; throws (as jose does, with its `code`) otherwise. */
export async function unseal(value: string, purpose: SealPurpose, secret: string, now: number, options: UnsealOptions = {}): Promise<JWTPayload> {
  const { payload } = await jwtDecrypt(value, keyFor(secret, purpose), {
    ...options,
    keyManagementAlgorithms: ['dir'],
    contentEncryptionAlgorithms: ['A256GCM'],
    typ: purpose.typ,
    currentDate: new Date(now * 1000),
  });
  return payload;
}
