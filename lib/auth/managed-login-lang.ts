import 'server-only';
import type { PortalMode } from '@/lib/config/env';

/**
 * The `lang` the portal sends on the pool's `/oauth2/authorize`, so the sign-in page speaks the
 * person's language. Cognito's managed login takes `lang` (then remembers it in a cookie of its
 * own until another `lang` comes); it documents these values, the AWS Management Console's
 * languages (developer guide, "Managed login localization").
 */
export const COGNITO_MANAGED_LOGIN_LANGS = ['de', 'en', 'es', 'fr', 'id', 'it', 'ja', 'ko', 'pt-BR', 'zh-CN', 'zh-TW'] as const;
export type CognitoManagedLoginLang = (typeof COGNITO_MANAGED_LOGIN_LANGS)[number];

/** The portal's locales (issue 19), `en-XA` its pseudo-locale for tests. */
export const PORTAL_LOCALES = ['en', 'de', 'es', 'fr', 'ja', 'pt-BR', 'ar', 'en-XA'] as const;
export type PortalLocale = (typeof PORTAL_LOCALES)[number];

/**
 * Portal locale → `lang`, per mode:
 *
 * | portal locale | real Cognito (`cognito`) | local pool (`local-pool`) |
 * | --- | --- | --- |
 * | en, de, es, fr, ja, pt-BR | the same value | the same value |
 * | ar | `en` (Cognito has no Arabic) | `ar` (right to left, so the demo shows RTL end to end) |
 * | en-XA | `en` (not a Cognito value) | `en-XA` (the pool's pseudo-locale, for tests) |
 * | anything else (missing, forged cookie) | none | none |
 *
 * A real pool only ever gets one of Cognito's documented values. Where Cognito lacks the language
 * the portal says `en` rather than nothing: nothing would leave Cognito on whatever language its
 * cookie remembers from an earlier sign-in (say German), which is less expected than the portal's
 * own fallback, English. No value at all only when the portal has no locale for the person.
 */
export function managedLoginLang(locale: unknown, mode: PortalMode): string | undefined {
  if (typeof locale !== 'string' || !(PORTAL_LOCALES as readonly string[]).includes(locale)) return undefined;
  const portalLocale = locale as PortalLocale;
  if (mode === 'local-pool') return portalLocale;
  return (COGNITO_MANAGED_LOGIN_LANGS as readonly string[]).includes(portalLocale) ? portalLocale : 'en';
}
