import { connection } from 'next/server';

export default async function NotFound() {
  // Rendered per request, like every page: its scripts need this request's CSP nonce (proxy.ts),
  // which a page prerendered at build time cannot carry.
  await connection();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p>
        <a href="/" className="text-indigo-700 underline underline-offset-4 dark:text-indigo-300">
          Go to the home page
        </a>
      </p>
    </div>
  );
}
