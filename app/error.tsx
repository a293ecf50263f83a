'use client';


// Unexpected failures only; expected ones are shown where they happen. No details reach the page.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-4">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="text-zinc-700 dark:text-zinc-300">We could not show this page. Please try again in a moment.</p>
      <div className="flex gap-4">
        <button type="button" onClick={reset} className="rounded-md border border-zinc-300 px-4 py-2 dark:border-zinc-700">
          Try again
        </button>
        <a href="/" className="px-4 py-2 text-indigo-700 underline underline-offset-4 dark:text-indigo-300">
          Go to the home page
        </a>
      </div>
    </div>
  );
}
