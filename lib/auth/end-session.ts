import 'server-only';
import { cookies } from 'next/headers';
import { getPortalConfig } from '@/lib/config/env';
import { sessionCookieClears, sessionCookieName, sessionCookieNames, type SessionKind } from './session-cookie';

/**
 * Expires every cookie that makes up this browser's session (the whole one or its chunks).
 * Only where cookies can be written: server actions and route handlers.
 */
export async function clearSessionCookies(kind: SessionKind = 'portal'): Promise<void> {
  const config = getPortalConfig();
  const jar = await cookies();
  const names = sessionCookieNames(jar.getAll(), sessionCookieName(config.useSecureCookies, kind));
  for (const clear of sessionCookieClears(names, config.useSecureCookies, kind)) {
    jar.set(clear.name, clear.value, clear.options);
  }
}
