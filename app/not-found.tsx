import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p>
        <Link href="/" className="text-indigo-700 underline underline-offset-4 dark:text-indigo-300">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
