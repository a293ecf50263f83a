/** Placeholder rows while a section's data streams in; announced once, not per row. */
export function SectionSkeleton({ label, rows = 2 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} aria-hidden="true" className="h-20 animate-pulse rounded-md bg-zinc-100 motion-reduce:animate-none dark:bg-zinc-800" />
      ))}
    </div>
  );
}
