/**
 * The embedded view speaks the host app's language: the host adds `lang` to the view's URL
 * (`/embed/security?host=…&lang=de`, README "Embedding"), and the view passes it on to the windows
 * it opens (the add-passkey window, the sign-in windows; they hand it to the pool). Where there is
 * none, or it names no language of ours, the usual order decides: the language menu's cookie
 * (rarely sent to a cross-site iframe), Accept-Language, English. No imports: the view's browser
 * code uses this module.
 */
export const LANG_PARAM = 'lang';

/** `lang` for a URL the view builds for one of its windows: the host's choice (checked on the server), passed on; nothing without one. */
export function langQuery(lang: string | null | undefined): Record<string, string> {
  return lang ? { [LANG_PARAM]: lang } : {};
}
