import type { PasskeyKind } from '@/lib/passkeys/passkey-view';

/**
 * An icon for a passkey's kind, drawn here (no third-party artwork whose licence we would have to
 * show): a cloud with a key for a synced passkey, a laptop for this device's authenticator, a
 * USB key for a security key. Strokes use currentColor, so both themes keep their contrast.
 */
const PATHS: Record<PasskeyKind, React.ReactNode> = {
  synced: (
    <>
      <path d="M7 18h10.5a4 4 0 0 0 .6-7.96A6 6 0 0 0 6.4 9.1 4.5 4.5 0 0 0 7 18Z" />
      <circle cx="10" cy="13" r="1.6" />
      <path d="M11.6 13H15m-1.2 0v1.6" />
    </>
  ),
  'this-device': (
    <>
      <rect x="4" y="5" width="16" height="11" rx="1.5" />
      <path d="M2 19h20" />
      <circle cx="11" cy="10.5" r="1.5" />
      <path d="M12.5 10.5H15m-1 0v1.5" />
    </>
  ),
  'security-key': (
    <>
      <rect x="8" y="2" width="8" height="6" rx="1" />
      <rect x="6" y="8" width="12" height="14" rx="3" />
      <circle cx="12" cy="15" r="2.2" />
    </>
  ),
};

/** `label`: what kind it is, in the person's language (the `passkeys` catalog's kind… messages). */
export function PasskeyKindIcon({ kind, label }: { kind: PasskeyKind; label: string }) {
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      className="shrink-0 text-indigo-800 dark:text-indigo-300"
    >
      <title>{label}</title>
      {PATHS[kind]}
    </svg>
  );
}
