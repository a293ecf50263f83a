/** Shown instead of the list when the person has no passkey yet. */
export function PasskeysEmptyState() {
  return (
    <div className="space-y-1 rounded-md border border-dashed border-zinc-400 p-5 dark:border-zinc-600">
      <p className="font-medium">You have no passkeys yet.</p>
      <p className="text-zinc-700 dark:text-zinc-300">Add one with the button above, on this device or with a security key or phone.</p>
    </div>
  );
}
