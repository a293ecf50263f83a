/**
 * The sentence that opens each section. Shown by the section itself and by its loading skeleton,
 * so it is on screen from the first paint and does not move or change when the list arrives.
 */
export function PasskeysIntro() {
  return (
    <p className="text-zinc-700 dark:text-zinc-300">
      A passkey lets you sign in with your fingerprint, face, screen lock or a security key instead of typing a password. Passkeys cannot be
      guessed, reused or phished.
    </p>
  );
}

export function DevicesIntro() {
  return (
    <p className="text-zinc-700 dark:text-zinc-300">
      The browsers and devices that have signed in to your account. A remembered device can skip some sign-in checks. If you do not recognise one,
      forget it and sign out everywhere.
    </p>
  );
}
