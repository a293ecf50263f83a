'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The signed-in account in the header: an avatar initial and the name, opening a small panel with
 * who is signed in and the sign-out form (`children`). A native <details>, so it opens and signs
 * out without JavaScript; with it, Escape and a click elsewhere close it, and Escape returns focus
 * to the button that opened it.
 */
export function AccountMenu({ label, initial, name, children }: { label: string; initial: string; name: string; children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const element = details.current;
    if (!element) return;
    const onPointerDown = (event: PointerEvent) => {
      if (element.open && !element.contains(event.target as Node)) element.open = false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !element.open) return;
      element.open = false;
      element.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    element.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      element.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  return (
    <details ref={details} className="relative">
      <summary
        aria-label={label}
        className="flex cursor-pointer list-none items-center gap-2 rounded-full py-1 ps-1 pe-3 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:hover:bg-zinc-800 [&::-webkit-details-marker]:hidden"
      >
        <span aria-hidden="true" translate="no" className="flex size-8 items-center justify-center rounded-full bg-indigo-700 font-semibold text-white dark:bg-indigo-400 dark:text-zinc-950">
          {initial}
        </span>
        <span className="hidden max-w-40 truncate text-sm font-medium sm:inline" title={name} translate="no">
          <bdi>{name}</bdi>
        </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </summary>
      <div className="absolute end-0 top-full z-30 mt-2 w-72 space-y-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        {children}
      </div>
    </details>
  );
}
