import type { FormFactor } from '@/lib/format/device-kind';

// Outline glyphs on a 24-unit grid, drawn with the current colour.
const GLYPHS: Record<FormFactor, React.ReactNode> = {
  phone: (
    <>
      <rect x="7" y="3" width="10" height="18" rx="2" />
      <path d="M11 18h2" />
    </>
  ),
  tablet: (
    <>
      <rect x="4.5" y="3" width="15" height="18" rx="2" />
      <path d="M11 18h2" />
    </>
  ),
  desktop: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="1.5" />
      <path d="M8 20h8M12 16v4" />
    </>
  ),
  unknown: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="1.5" />
      <path d="M10 9.2a2 2 0 1 1 2.6 1.9c-.4.2-.6.5-.6.9M12 13.2v.1M8 20h8" />
    </>
  ),
};

/**
 * The device's form factor in a 40 px tinted circle, with its browser's initial in a small badge
 * when the name says which browser. Decoration only: the name next to it says it all in words.
 */
export function DeviceIcon({ formFactor, browser, current }: { formFactor: FormFactor; browser: string | null; current: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={`relative inline-flex size-10 shrink-0 items-center justify-center rounded-full ${
        current ? 'bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200' : 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300'
      }`}
    >
      <svg viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        {GLYPHS[formFactor]}
      </svg>
      {browser ? (
        <span className="absolute -end-0.5 -bottom-0.5 inline-flex size-4 items-center justify-center rounded-full border border-white bg-zinc-700 text-[0.6rem] leading-none font-semibold text-white dark:border-zinc-900 dark:bg-zinc-200 dark:text-zinc-900">
          {browser.charAt(0)}
        </span>
      ) : null}
    </span>
  );
}
