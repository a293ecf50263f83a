import 'server-only';
import { isDeviceKey } from '@/lib/cognito/device-input';

/**
 * The device key of this session's sign-in: the `device_key` claim of its access token, when the
 * pool tracks devices. The token is our own session's, read on the server after the session cookie
 * was decrypted, so it is only decoded here, not verified (Cognito verifies it on every call).
 * Null when there is no such claim or it is not a device key. Only the key leaves this function,
 * never the token.
 */
export function currentDeviceKey(accessToken: string): string | null {
  const parts = accessToken.split('.');
  if (parts.length !== 3) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof claims !== 'object' || claims === null) return null;
  const key = (claims as Record<string, unknown>).device_key;
  return isDeviceKey(key) ? key : null;
}
