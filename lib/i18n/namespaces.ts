/**
 * The catalogs: messages/<locale>/<namespace>.json, one file per feature so that work on one
 * feature's words merges cleanly with work on another's. CLIENT_NAMESPACES are the ones client
 * components format in the browser (sent with the page, the active locale's only).
 * `time` is how LocalTime joins a moment and its "ago" (lib/format/local-time-text.ts imports it directly).
 * `demo` is the captions of `npm run demo` (scripts/demo), kept here so every locale is checked alike.
 */
export const NAMESPACES = ['common', 'security', 'passkeys', 'errors', 'stepUp', 'devices', 'home', 'signIn', 'embed', 'demo', 'time'] as const;
export type Namespace = (typeof NAMESPACES)[number];
