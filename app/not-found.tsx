import { NotFoundContent } from '@/components/layout/not-found-content';

/** A not-found outside (site), e.g. under /embed: without the site's header and footer. */
export default function NotFound() {
  return (
    <main id="main" className="mx-auto w-full max-w-2xl flex-1 px-6 py-12">
      <NotFoundContent />
    </main>
  );
}
