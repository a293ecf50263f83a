export function SiteFooter() {
  return (
    <footer className="border-t border-zinc-200 dark:border-zinc-800">
      <p className="mx-auto max-w-2xl px-6 py-4 text-sm text-zinc-600 dark:text-zinc-400">
        Your sign-in is handled by your organisation&apos;s user pool. This portal never sees your password.
      </p>
    </footer>
  );
}
