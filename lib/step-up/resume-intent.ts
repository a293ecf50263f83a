/**
 * What the person was doing when the portal asked them to confirm it's them, carried through the
 * pool's sign-in in the return URL (`?resume=…`) so the page can pick it up again afterwards. It
 * only ever reopens a dialog or restarts a ceremony the person then completes; whether the change
 * is allowed is decided by the server action, from the new sign-in's auth_time.
 */
export type ResumeIntent = { action: 'add-passkey' } | { action: 'delete-passkey'; id: string } | { action: 'forget-device'; id: string };

export function resumeValue(intent: ResumeIntent): string {
  return intent.action === 'add-passkey' ? intent.action : `${intent.action}:${intent.id}`;
}
