'use client';

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { SectionError } from '@/components/security/section-error';
import { useSecurityContext } from '@/components/security/security-context';
import type { DeviceListing } from '@/lib/cognito/devices';
import { DeviceList } from './device-list';
import { DevicesEmptyState } from './devices-empty-state';

type DevicesPanelProps = {
  /** Null when listing failed; `loadError` then says why. */
  listing: DeviceListing | null;
  /** The section's opening sentence, rendered on the server. */
  intro: ReactNode;
  /** Names that tell same-named devices apart, by device key (lib/format/distinct-labels.ts). */
  labels: Record<string, string>;
  loadError: { message: string; retryable: boolean } | null;
  currentDeviceKey: string | null;
};

type Announcement = { id: number; message: string; tone: 'status' | 'alert' };

/**
 * The Devices section in the browser: the list (or why it could not be loaded), one live region
 * for results (role=status) and one for errors (role=alert). ("Sign out everywhere" is in the
 * page's "If you think someone else has access" section.)
 */
export function DevicesPanel({ intro, listing, labels, loadError, currentDeviceKey }: DevicesPanelProps) {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const listArea = useRef<HTMLDivElement>(null);
  const devices = listing?.devices;
  const shownKeys = useRef<string[]>([]);
  // Where a device that is going away was, so focus can move to its neighbour once it is gone.
  const goneAt = useRef<{ key: string; index: number } | null>(null);

  const { emit } = useSecurityContext();

  const announce = useCallback(
    (message: string, tone: 'status' | 'alert') => {
      // A new id re-creates the paragraph, so the same message said twice is announced twice.
      setAnnouncement((previous) => ({ id: (previous?.id ?? 0) + 1, message, tone }));
      // In the embedded view, the host hears of every failure the person is told about.
      if (tone === 'alert') emit({ type: 'error', code: 'device-action-failed', message });
    },
    [emit],
  );

  const focusNear = useCallback((index: number) => {
    const area = listArea.current;
    if (!area) return;
    const items = area.querySelectorAll('li');
    const neighbour = items[Math.min(index, items.length - 1)]?.querySelector<HTMLElement>('button');
    (neighbour ?? area).focus();
  }, []);

  const onGone = useCallback(
    (key: string) => {
      const index = shownKeys.current.indexOf(key);
      if (index >= 0) goneAt.current = { key, index };
      else focusNear(0); // already gone from the page: only focus is left to move
    },
    [focusNear],
  );

  useEffect(() => {
    shownKeys.current = devices?.map((d) => d.key) ?? [];
    const gone = goneAt.current;
    if (gone && !shownKeys.current.includes(gone.key)) {
      goneAt.current = null;
      focusNear(gone.index);
    }
  }, [devices, focusNear]);

  return (
    <div className="space-y-6">
      {intro}

      <div role="status" aria-live="polite" aria-atomic="true">
        {announcement?.tone === 'status' ? (
          <p key={announcement.id} className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-50">
            {announcement.message}
          </p>
        ) : null}
      </div>
      <div role="alert" aria-atomic="true">
        {announcement?.tone === 'alert' ? (
          <p key={announcement.id} className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-950 dark:border-red-700 dark:bg-red-950 dark:text-red-50">
            {announcement.message}
          </p>
        ) : null}
      </div>

      <div ref={listArea} tabIndex={-1} className="space-y-3">
        {loadError || !listing ? (
          <SectionError message={loadError?.message ?? 'Your devices could not be loaded.'} retryable={loadError?.retryable ?? true} />
        ) : listing.devices.length === 0 ? (
          <DevicesEmptyState />
        ) : (
          <>
            <DeviceList devices={listing.devices} labels={labels} currentDeviceKey={currentDeviceKey} onResult={announce} onGone={onGone} />
            {!listing.complete ? (
              <p className="text-sm text-zinc-700 dark:text-zinc-300">
                Not every device is shown: there are too many to list at once. Forget the ones you no longer use, then reload this page to see the rest.
              </p>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
