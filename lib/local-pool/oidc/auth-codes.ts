import { randomBytes } from 'node:crypto';
import type { PoolContext } from '../context';
import { nowSeconds, type AuthorizationCode } from '../store';
import { sha256 } from '../tokens';

export type NewAuthorizationCode = Omit<AuthorizationCode, 'codeHash' | 'expiresAt' | 'redeemedAt' | 'originJti'>;

/**
 * Issues a single-use authorization code. Only its hash is stored, so the state file
 * cannot be used to redeem codes. The caller commits the store.
 */
export function issueAuthorizationCode(ctx: PoolContext, grant: NewAuthorizationCode): string {
  const code = randomBytes(32).toString('base64url');
  const now = nowSeconds();
  // Spent codes are kept until they expire so a replay can still be recognised.
  ctx.store.state.authCodes = ctx.store.state.authCodes.filter((c) => c.expiresAt > now);
  ctx.store.state.authCodes.push({ ...grant, codeHash: sha256(code), expiresAt: now + ctx.config.tokens.authCodeTtlSeconds });
  return code;
}

export function findAuthorizationCode(ctx: PoolContext, code: string): AuthorizationCode | undefined {
  const hash = sha256(code);
  return ctx.store.state.authCodes.find((c) => c.codeHash === hash);
}
