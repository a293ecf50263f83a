/**
 * The embedded view's message protocol, shared by the view (in the browser) and the server.
 * Pure functions, no secrets: safe to import anywhere. Documented in README.md ("Embedding").
 *
 * To the host (always `postMessage(message, <the one allowed origin that framed the view>)`):
 *   { source: 'cognito-security-portal', version: 1, type: 'ready', signedIn: boolean }
 *   { …, type: 'resize', height: number }            content height in CSS pixels
 *   { …, type: 'signed-in' } | { …, type: 'signed-out' }
 *   { …, type: 'passkey-added' } | { …, type: 'passkey-deleted' } | { …, type: 'device-forgotten' }
 *   { …, type: 'error', code: string, message: string }
 * From the host (accepted only from that same origin, from the parent window, and validated):
 *   { source?: any, type: 'set-theme', theme?: 'light' | 'dark' | 'system', accent?: '#rrggbb' }
 */

export const MESSAGE_SOURCE = 'cognito-security-portal';
export const PROTOCOL_VERSION = 1;

export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

export type HostEvent =
  | { type: 'ready'; signedIn: boolean }
  | { type: 'resize'; height: number }
  | { type: 'signed-in' }
  | { type: 'signed-out' }
  | { type: 'passkey-added' }
  | { type: 'passkey-deleted' }
  | { type: 'device-forgotten' }
  | { type: 'error'; code: string; message: string };

export type HostMessage = HostEvent & { source: typeof MESSAGE_SOURCE; version: typeof PROTOCOL_VERSION };

export function hostMessage(event: HostEvent): HostMessage {
  return { source: MESSAGE_SOURCE, version: PROTOCOL_VERSION, ...event };
}

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function parseTheme(value: unknown): Theme | null {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value) ? (value as Theme) : null;
}

/** A hex colour (#rgb or #rrggbb), lower-cased; anything else (names, url(), var(), …) is refused. */
export function parseAccent(value: unknown): string | null {
  return typeof value === 'string' && HEX_COLOUR.test(value) ? value.toLowerCase() : null;
}

export type SetTheme = { type: 'set-theme'; theme: Theme | null; accent: string | null };

/** The one message the view accepts from its host; null for anything else or anything malformed. */
export function parseHostCommand(data: unknown): SetTheme | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const record = data as Record<string, unknown>;
  if (record.type !== 'set-theme') return null;
  const theme = record.theme === undefined ? null : parseTheme(record.theme);
  const accent = record.accent === undefined ? null : parseAccent(record.accent);
  if (record.theme !== undefined && !theme) return null;
  if (record.accent !== undefined && !accent) return null;
  if (!theme && !accent) return null;
  return { type: 'set-theme', theme, accent };
}

/** The host origin from the `host` query parameter, when it is exactly one of the allowed origins. */
export function allowedHost(value: unknown, allowed: readonly string[]): string | null {
  if (typeof value !== 'string') return null;
  return allowed.includes(value) ? value : null;
}

/** The popup's message to the view that opened it (same origin only; never to the host). */
export const HANDOFF_MESSAGE_TYPE = 'embed-handoff';
export type HandoffMessage = { source: typeof MESSAGE_SOURCE; type: typeof HANDOFF_MESSAGE_TYPE; state: string; handoff: string };

/**
 * The sign-in window Q's way back to the relay window P (both top-level windows of the portal,
 * so they share a storage partition; see lib/embed/popup-page.ts): a BroadcastChannel named from
 * the view's state. Q posts the handoff message; P answers whether it reached the view.
 */
/** The portal's small windows (sign-in, relay, add-passkey): a popup of a size its pages fit. */
export const POPUP_FEATURES = 'popup,width=520,height=720';

export const relayChannelName = (state: string) => `${MESSAGE_SOURCE}:sign-in:${state}`;
export const RELAY_RECEIVED_TYPE = 'embed-handoff-received';
/** To the add-passkey window: the portal's own session is set, reload (/api/auth-popup/finish). */
export const PORTAL_SIGNED_IN_TYPE = 'portal-signed-in';
export function isPortalSignedIn(data: unknown, state: string): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const record = data as Record<string, unknown>;
  return record.source === MESSAGE_SOURCE && record.type === PORTAL_SIGNED_IN_TYPE && record.state === state;
}
export type RelayReceivedMessage = { source: typeof MESSAGE_SOURCE; type: typeof RELAY_RECEIVED_TYPE; state: string; delivered: boolean };

/** 32 random bytes, base64url: what the view generates as the popup sign-in's state. */
export const STATE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The add-passkey popup's message to the view that opened it (where the host's iframe may not
 * create passkeys, the view offers to finish in a top-level popup of the portal). Posted with
 * targetOrigin = the portal's own origin, never the host's.
 */
export const PASSKEY_ADDED_IN_POPUP_TYPE = 'passkey-added-in-popup';
export type PasskeyAddedInPopupMessage = {
  source: typeof MESSAGE_SOURCE;
  version: typeof PROTOCOL_VERSION;
  type: typeof PASSKEY_ADDED_IN_POPUP_TYPE;
  state: string;
};

export function passkeyAddedInPopupMessage(state: string): PasskeyAddedInPopupMessage {
  return { source: MESSAGE_SOURCE, version: PROTOCOL_VERSION, type: PASSKEY_ADDED_IN_POPUP_TYPE, state };
}

/** Whether `data` is the popup's message for the `state` the view is waiting for (null: waiting for none). */
export function isPasskeyAddedInPopup(data: unknown, expectedState: string | null): boolean {
  if (!expectedState || typeof data !== 'object' || data === null) return false;
  const record = data as Record<string, unknown>;
  return (
    record.source === MESSAGE_SOURCE &&
    record.version === PROTOCOL_VERSION &&
    record.type === PASSKEY_ADDED_IN_POPUP_TYPE &&
    typeof record.state === 'string' &&
    record.state === expectedState
  );
}
