'use client';

import { useRouter } from 'next/navigation';
import { Fragment, useRef, useTransition } from 'react';
import { useSecurityContext } from '@/components/security/security-context';
import { useStepUp } from '@/components/step-up/step-up-context';
import { useResume } from '@/components/step-up/use-resume';
import { ActionsMenu } from '@/components/ui/actions-menu';
import { LocalTime } from '@/components/ui/local-time';
import { deviceMessages as m } from '@/lib/format/device-messages';
import type { DeviceRow } from '@/lib/format/device-rows';
import { callDeviceAction } from './call-device-action';
import { DeviceIcon } from './device-icon';

type DeviceItemProps = {
  row: DeviceRow;
  /** An action starts: the last result message goes. */
  onStart: () => void;
  /** Tells the section's live region what happened. */
  onResult: (message: string, tone: 'status' | 'alert') => void;
  /** Asks the section's one confirmation to forget this device. */
  onForget: (row: DeviceRow) => void;
};

const NOT_KNOWN = <span className="text-zinc-600 dark:text-zinc-400">{m.notKnown}</span>;

/**
 * One device as a compact row: icon, name, one secondary line, and its actions behind one menu;
 * where and when it was used is in a disclosure. Remember / stop remembering acts at once (nothing
 * is signed out either way); forgetting goes through the section's confirmation.
 */
export function DeviceItem({ row, onStart, onResult, onForget }: DeviceItemProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { actions } = useSecurityContext();
  const { confirmIdentity } = useStepUp();
  const item = useRef<HTMLLIElement>(null);
  const { key, label, remembered } = row;
  const focusMenu = () => item.current?.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')?.focus();

  // Back from confirming it's you: the same question again, for the person to answer.
  useResume({ action: 'forget-device', id: key }, () => onForget(row));
  // Remembering again is one choice in the menu; the device may have changed meanwhile.
  useResume({ action: 'remember-device', id: key }, () => {
    onResult(m.rememberResumed(label, remembered), 'status');
    focusMenu();
  });

  function toggleRemembered() {
    if (pending) return;
    onStart();
    startTransition(async () => {
      const result = await callDeviceAction(actions.setDeviceRemembered.bind(null, key, remembered ? 'not_remembered' : 'remembered'));
      if (!result.ok && result.code === 'reauthentication-required') {
        onResult(m.rememberNeedsStepUp(label), 'status');
        confirmIdentity({ action: 'remember-device', id: key });
        return;
      }
      if (result.ok) {
        onResult(remembered ? m.noLongerRemembered(label) : m.remembered(label), 'status');
      } else if (result.code === 'not-found') {
        onResult(m.rememberGone(label), 'alert');
        router.refresh();
      } else {
        onResult(result.message, 'alert');
      }
    });
  }

  return (
    <li ref={item} data-device-row="" className="px-4 py-3">
      <div className="flex items-center gap-3">
        <DeviceIcon formFactor={row.formFactor} browser={row.browser} current={row.isCurrent} />
        <div className="min-w-0 flex-1">
          <h3 className="truncate font-medium" title={row.name}>
            {row.name}
          </h3>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {row.secondary.map((part, index) => (
              <Fragment key={index}>
                {index > 0 ? ' · ' : null}
                <span>{part}</span>
              </Fragment>
            ))}
          </p>
        </div>
        <ActionsMenu
          label={m.actionsFor(label)}
          items={[
            {
              key: remembered ? 'stop-remembering' : 'remember',
              label: pending ? m.saving : remembered ? m.stopRemembering : m.remember,
              onSelect: toggleRemembered,
              disabled: pending,
            },
            { key: 'forget', label: m.forget, destructive: true, onSelect: () => onForget(row) },
          ]}
        />
      </div>
      <details className="group ms-[3.25rem] mt-1 text-sm">
        <summary className="w-fit cursor-pointer rounded text-zinc-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-zinc-300">
          {m.details}
          <span className="sr-only">{m.detailsFor(label)}</span>
        </summary>
        <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-zinc-700 dark:text-zinc-300">{m.detailLastSignedIn}</dt>
          <dd className="mb-1 sm:mb-0">{row.lastSignedInAt !== null ? <LocalTime epochSeconds={row.lastSignedInAt} /> : NOT_KNOWN}</dd>
          <dt className="font-medium text-zinc-700 dark:text-zinc-300">{m.detailFirstSeen}</dt>
          <dd className="mb-1 sm:mb-0">{row.firstSeenAt !== null ? <LocalTime epochSeconds={row.firstSeenAt} /> : NOT_KNOWN}</dd>
          <dt className="font-medium text-zinc-700 dark:text-zinc-300">{m.detailLastIp}</dt>
          <dd className="mb-1 break-all sm:mb-0">{row.lastIp ?? NOT_KNOWN}</dd>
          <dt className="font-medium text-zinc-700 dark:text-zinc-300">{m.detailRemembered}</dt>
          <dd>{remembered ? m.yes : m.no}</dd>
        </dl>
      </details>
    </li>
  );
}
