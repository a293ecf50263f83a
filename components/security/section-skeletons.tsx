import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DevicesIntro, PasskeysIntro } from './section-intros';

/*
 * Placeholders while the Passkeys and Devices sections stream in. Each has the layout of what
 * replaces it (the same spacing, blocks as tall as the text and buttons they stand for) and the
 * sections' opening sentences, so the page below does not jump when the lists arrive and the
 * text is readable from the first paint. Screen readers hear one "Loading …" per section; the
 * shapes are hidden from them.
 */

function Bar({ className }: { className: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded bg-zinc-200 motion-reduce:animate-none dark:bg-zinc-700 ${className}`} />;
}

/** As tall as a device's <dl> of four labels and values: stacked on narrow screens, side by side from sm. */
function DetailLines() {
  return <Bar className="h-[200px] w-full max-w-xs sm:h-[92px]" />;
}

function Loading({ label, children }: { label: string; children: ReactNode }) {
  return (
    // data-skeleton: the embedded view holds its height report while one is on screen (components/embed/height-reporter.ts).
    <div role="status" data-skeleton="" className="space-y-4">
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

/** The Passkeys panel's shape: its sentence, the add button and one passkey. */
export function PasskeysSkeleton() {
  return (
    <div className="space-y-4">
      <PasskeysIntro />
      <Loading label="Loading your passkeys…">
        <Bar className="h-10 w-40" />
        {/* the panel's two live regions, empty */}
        <div />
        <div />
        {/* one compact row: icon, name and secondary line, actions button, "Details" */}
        <div aria-hidden="true" className="rounded-md border border-zinc-300 px-4 py-3 dark:border-zinc-700">
          <div className="flex items-center gap-3">
            <Bar className="size-10 shrink-0 rounded-full" />
            <div className="min-w-0 flex-1 space-y-1">
              <Bar className="h-6 w-32" />
              <Bar className="h-5 w-44" />
            </div>
            <Bar className="size-9 shrink-0" />
          </div>
          <Bar className="ms-[52px] mt-1 h-5 w-14" />
        </div>
      </Loading>
    </div>
  );
}

/** The Devices panel's shape: its sentence and two devices. */
export async function DevicesSkeleton() {
  const t = await getTranslations('devices');
  return (
    <div className="space-y-6">
      <DevicesIntro />
      <Loading label={t('loading')}>
        {/* the panel's two live regions, empty: space-y-6 between them there, as here */}
        <div className="space-y-6" aria-hidden="true">
          <div />
          <div />
          <div className="space-y-3">
            {[0, 1].map((i) => (
              <div key={i} className="space-y-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-700">
                <Bar className="h-6 w-48" />
                <DetailLines />
                <div className="flex flex-wrap gap-3">
                  <Bar className="h-9 w-36" />
                  <Bar className="h-9 w-20" />
                </div>
              </div>
            ))}
          </div>
        </div>
      </Loading>
    </div>
  );
}

/**
 * Both sections while the first of them loads: headings included, because what streams in
 * replaces this whole block at once (see SecuritySections).
 */
export function SecuritySectionsSkeleton() {
  return (
    <>
      <section aria-labelledby="passkeys-heading-loading" className="space-y-4">
        <h2 id="passkeys-heading-loading" className="text-xl font-semibold">
          Passkeys
        </h2>
        <PasskeysSkeleton />
      </section>
      <section aria-labelledby="devices-heading-loading" className="space-y-4">
        <h2 id="devices-heading-loading" className="text-xl font-semibold">
          Devices
        </h2>
        <DevicesSkeleton />
      </section>
    </>
  );
}
