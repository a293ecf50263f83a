/**
 * What the person was doing when the portal asked them to confirm it's them, kept through the
 * pool's sign-in (in this tab's sessionStorage, see ./resume-storage.ts) so the page can pick it
 * up again afterwards. It only ever reopens a dialog or brings focus back to a button, for the
 * person to act again; whether the change is allowed is decided by the server action, from the
 * new sign-in's auth_time.
 */
export type ResumeIntent =
  | { action: 'add-passkey' }
  | { action: 'delete-passkey'; id: string }
  | { action: 'forget-device'; id: string }
  | { action: 'remember-device'; id: string };

export function resumeValue(intent: ResumeIntent): string {
  return intent.action === 'add-passkey' ? intent.action : `${intent.action}:${intent.id}`;
}
