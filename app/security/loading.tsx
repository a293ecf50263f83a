import { SecuritySectionsSkeleton } from '@/components/security/section-skeletons';

/** While the page reads the session: its own shape, so nothing moves when it arrives. */
export default function Loading() {
  return (
    <div className="space-y-10">
      <section aria-labelledby="security-heading-loading" className="space-y-3">
        <h1 id="security-heading-loading" className="text-3xl font-bold tracking-tight">
          Your security settings
        </h1>
        <div aria-hidden="true" className="h-6 w-72 max-w-full animate-pulse rounded bg-zinc-200 motion-reduce:animate-none dark:bg-zinc-700" />
      </section>
      <SecuritySectionsSkeleton />
    </div>
  );
}
