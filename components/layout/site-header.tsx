import Link from 'next/link';

export function SiteHeader() {
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-2xl items-center justify-between px-6 py-4">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          {/* eslint-disable-next-line @next/next/no-img-element -- a tiny static SVG needs no optimisation */}
          <img src="/icon.svg" alt="" width={24} height={24} />
          Account security
        </Link>
        <nav aria-label="Main">
          <Link href="/security" className="text-sm text-indigo-700 underline-offset-4 hover:underline dark:text-indigo-300">
            Your security settings
          </Link>
        </nav>
      </div>
    </header>
  );
}
