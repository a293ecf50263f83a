/**
 * The catalogs: messages/<locale>/<namespace>.json, one file per feature so that work on one
 * feature's words merges cleanly with work on another's. CLIENT_NAMESPACES are the ones client
 * components format in the browser (sent with the page, the active locale's only).
 */
export const NAMESPACES = ['common', 'security', 'home', 'signIn', 'embed'] as const;
export type Namespace = (typeof NAMESPACES)[number];
