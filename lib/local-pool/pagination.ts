import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { invalidParameter } from './errors';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const keys = new Map<string, Buffer>();

/**
 * The AES-256 key for pagination tokens, derived from the pool's secret (kept in the state file),
 * so tokens survive a restart and need no key of their own.
 */
function paginationKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'local-pool', 'pagination-token/v1', 32));
    keys.set(secret, key);
  }
  return key;
}

type Binding = { operation: string; sub: string };
// The operation and user are authenticated but not carried: a token cannot be moved to another of either.
const associatedData = ({ operation, sub }: Binding) => Buffer.from(`${operation}\u0000${sub}`);

/** Seals where a listing stopped with AES-256-GCM: opaque (nothing readable, not even the user), bound to operation and user. */
export function sealPaginationToken(secret: string, binding: Binding, after: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', paginationKey(secret), iv);
  cipher.setAAD(associatedData(binding));
  const sealed = Buffer.concat([cipher.update(JSON.stringify({ after }), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** Where the listing resumes, or undefined for a token this pool did not seal for this operation and user. */
export function openPaginationToken(secret: string, binding: Binding, token: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', paginationKey(secret), raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(binding));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
    const payload = JSON.parse(plain.toString('utf8')) as unknown;
    const after = (payload as { after?: unknown } | null)?.after;
    return typeof after === 'string' ? after : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One page of a listing, resuming after the item an opaque pagination token names. A forged,
 * altered or foreign token (another user's, another operation's) is InvalidParameterException.
 */
export function paginate<T>(
  items: T[],
  keyOf: (item: T) => string,
  options: { secret: string; operation: string; sub: string; limit: number; token: string | undefined },
): { page: T[]; next: string | undefined } {
  const binding = { operation: options.operation, sub: options.sub };
  let start = 0;
  if (options.token !== undefined) {
    const after = openPaginationToken(options.secret, binding, options.token);
    if (after === undefined) throw invalidParameter('Invalid pagination token.');
    // Resume after the last item served; if it was deleted meanwhile, after its place in order.
    const index = items.findIndex((item) => keyOf(item) === after);
    start = index >= 0 ? index + 1 : items.findIndex((item) => keyOf(item) > after);
    if (start < 0) start = items.length;
  }
  const page = items.slice(start, start + options.limit);
  const last = page.at(-1);
  const next = start + options.limit < items.length && last !== undefined ? sealPaginationToken(options.secret, binding, keyOf(last)) : undefined;
  return { page, next };
}
