'use client';

import { useCallback, useEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { SectionError } from '@/components/security/section-error';
import { useSecurityContext } from '@/components/security/security-context';
import { useStepUp } from '@/components/step-up/step-up-context';
import type { DeviceRow, DeviceRows } from '@/lib/format/device-rows';
import { callDeviceAction } from './call-device-action';
import { DeviceList } from './device-list';
import { DevicesEmptyState } from './devices-empty-state';
import { DevicesViewLink } from './devices-view-link';
import { ForgetDeviceDialog } from './forget-device-dialog';
import { useDevicesT } from './use-devices-t';

type DevicesPanelProps = {
  /** The rows to show, worked out on the server (lib/format/device-rows.ts); null when listing failed. */
  view: DeviceRows | null;
  /** False when the listing stopped before the pool's last page. */
  complete: boolean;
  /** Whether every device is shown because the page asked for it (`?devices=all`). */
  showAll: boolean;
  /** The section's opening sentence, rendered on the server. */
  intro: ReactNode;
  loadError: { message: string; retryable: boolean } | null;
};

type Announcement = { id: number; message: string; tone: 'status' | 'alert' };

/**
 * The Devices section in the browser: the list (or why it could not be loaded), "Show all", one
 * confirmation for forgetting, one live region for results (role=status) and one for errors
 * (role=alert). A result stays until the next action starts.
 */
export function DevicesPanel({ intro, view, complete, showAll, loadError }: DevicesPanelProps) {
  const router = useRouter();
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const [forgetting, setForgetting] = useState<DeviceRow | null>(null);
  const [forgetPending, startForget] = useTransition();
  const listArea = useRef<HTMLDivElement>(null);
  const rows = view?.rows;
  const shownKeys = useRef<string[]>([]);
  // Where a device that is going away was, so focus can move to its neighbour once it is gone.
  const goneAt = useRef<{ key: string; index: number } | null>(null);

  const { actions, emit } = useSecurityContext();
  const { confirmIdentity } = useStepUp();
  const t = useDevicesT();

  const announce = useCallback(
    (message: string, tone: 'status' | 'alert') => {
      // A new id re-creates the paragraph, so the same message said twice is announced twice.
      setAnnouncement((previous) => ({ id: (previous?.id ?? 0) + 1, message, tone }));
      // In the embedded view, the host hears of every failure the person is told about.
      if (tone === 'alert') emit({ type: 'error', code: 'device-action-failed', message });
    },
    [emit],
  );
  const clearAnnouncement = useCallback(() => setAnnouncement(null), []);

  const focusNear = useCallback((index: number) => {
    const area = listArea.current;
    if (!area) return;
    const items = area.querySelectorAll('[data-device-row]');
    const neighbour = items[Math.min(index, items.length - 1)]?.querySelector<HTMLElement>('button[aria-haspopup="menu"]');
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
    shownKeys.current = rows?.map((row) => row.key) ?? [];
    const gone = goneAt.current;
    if (gone && !shownKeys.current.includes(gone.key)) {
      goneAt.current = null;
      focusNear(gone.index);
    }
  }, [rows, focusNear]);

  const askToForget = useCallback(
    (row: DeviceRow) => {
      clearAnnouncement();
      setForgetting(row);
    },
    [clearAnnouncement],
  );

  function confirmForget() {
    const device = forgetting;
    if (!device || forgetPending) return;
    startForget(async () => {
      // The key is bound here, from the list the server rendered; the action checks it again.
      const result = await callDeviceAction(actions.forgetDevice.bind(null, device.key), t('notSent'));
      setForgetting(null);
      if (!result.ok && result.code === 'reauthentication-required') {
        announce(t('forgetNeedsStepUp', { name: device.label }), 'status');
        confirmIdentity({ action: 'forget-device', id: device.key });
        return;
      }
      if (result.ok) {
        onGone(device.key);
        announce(t('forgotten', { name: device.label }), 'status');
        emit({ type: 'device-forgotten' });
      } else if (result.code === 'not-found') {
        // Forgotten elsewhere meanwhile: what the person wanted has happened; show the list as it is now.
        onGone(device.key);
        announce(t('alreadyForgotten', { name: device.label }), 'status');
        router.refresh();
      } else {
        announce(result.message, 'alert');
      }
    });
  }

  return (
    <div className="space-y-4">
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
        {loadError || !view ? (
          <SectionError message={loadError?.message ?? t('loadFailed')} retryable={loadError?.retryable ?? true} />
        ) : view.rows.length === 0 ? (
          <DevicesEmptyState />
        ) : (
          <>
            <DeviceList rows={view.rows} onStart={clearAnnouncement} onResult={announce} onForget={askToForget} />
            {view.long && (showAll || view.hidden > 0) ? <DevicesViewLink showAll={showAll} total={view.total} hidden={view.hidden} /> : null}
            {!complete ? <p className="text-sm text-zinc-700 dark:text-zinc-300">{t('incomplete')}</p> : null}
          </>
        )}
      </div>

      <ForgetDeviceDialog device={forgetting} pending={forgetPending} onConfirm={confirmForget} onCancel={() => setForgetting(null)} />
    </div>
  );
}
