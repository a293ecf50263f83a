'use client';

import { useRouter } from 'next/navigation';
import { Fragment, useRef, useTransition } from 'react';
import { useSecurityContext } from '@/components/security/security-context';
import { useStepUp } from '@/components/step-up/step-up-context';
import { useResume } from '@/components/step-up/use-resume';
import { ActionsMenu } from '@/components/ui/actions-menu';
import { DETAILS_LIST_CLASS } from '@/components/ui/details-list';
import { useLocale } from '@/components/i18n/client-messages';
import { LocalTime } from '@/components/ui/local-time';
import type { DeviceRow } from '@/lib/format/device-rows';
import { callDeviceAction } from './call-device-action';
import { DeviceIcon } from './device-icon';
import { useDevicesT } from './use-devices-t';

type DeviceItemProps = {
  row: DeviceRow;
  /** An action starts: the last result message goes. */
  onStart: () => void;
  /** Tells the section's live region what happened. */
  onResult: (message: string, tone: 'status' | 'alert') => void;
  /** Asks the section's one confirmation to forget this device. */
  onForget: (row: DeviceRow) => void;
};

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
  const t = useDevicesT();
  const locale = useLocale();
  const item = useRef<HTMLLIElement>(null);
  const { key, label, remembered } = row;
  const focusMenu = () => item.current?.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')?.focus();

  // Back from confirming it's you: the same question again, for the person to answer.
  useResume({ action: 'forget-device', id: key }, () => onForget(row));
  // Remembering again is one choice in the menu; the device may have changed meanwhile.
  useResume({ action: 'remember-device', id: key }, () => {
    onResult(t('rememberResumed', { name: label, action: t(remembered ? 'stopRemembering' : 'remember') }), 'status');
    focusMenu();
  });

  function toggleRemembered() {
    if (pending) return;
    onStart();
    startTransition(async () => {
      const result = await callDeviceAction(actions.setDeviceRemembered.bind(null, key, remembered ? 'not_remembered' : 'remembered'), t('notSent'));
      if (!result.ok && result.code === 'reauthentication-required') {
        onResult(t('rememberNeedsStepUp', { name: label }), 'status');
        confirmIdentity({ action: 'remember-device', id: key });
        return;
      }
      if (result.ok) {
        onResult(t(remembered ? 'noLongerRemembered' : 'remembered', { name: label }), 'status');
      } else if (result.code === 'not-found') {
        onResult(t('rememberGone', { name: label }), 'alert');
        router.refresh();
      } else {
        onResult(result.message, 'alert');
      }
    });
  }

  const notKnown = <span className="text-zinc-600 dark:text-zinc-400">{t('notKnown')}</span>;

  return (
    <li ref={item} data-device-row="" className="px-4 py-3">
      <div className="flex items-center gap-3">
        <DeviceIcon formFactor={row.formFactor} browser={row.browser} current={row.isCurrent} />
        <div className="min-w-0 flex-1">
          <h3 className="truncate font-medium" title={row.name} translate="no">
            <bdi>{row.name}</bdi>
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
          label={t('actionsFor', { name: label })}
          items={[
            {
              key: remembered ? 'stop-remembering' : 'remember',
              label: t(pending ? 'saving' : remembered ? 'stopRemembering' : 'remember'),
              onSelect: toggleRemembered,
              disabled: pending,
            },
            { key: 'forget', label: t('forget'), destructive: true, onSelect: () => onForget(row) },
          ]}
        />
      </div>
      <details className="group ms-[3.25rem] mt-1 text-sm">
        <summary className="w-fit cursor-pointer rounded text-zinc-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-zinc-300">
          {t('details')}
          <span className="sr-only">{t('detailsFor', { name: label })}</span>
        </summary>
        <dl className={DETAILS_LIST_CLASS}>
          <dt>{t('detailLastSignedIn')}</dt>
          <dd>
            {row.lastSignedInAt !== null && row.lastSignedInText ? <LocalTime epochSeconds={row.lastSignedInAt} locale={locale} initial={row.lastSignedInText} /> : notKnown}
          </dd>
          <dt>{t('detailFirstSeen')}</dt>
          <dd>{row.firstSeenAt !== null && row.firstSeenText ? <LocalTime epochSeconds={row.firstSeenAt} locale={locale} initial={row.firstSeenText} /> : notKnown}</dd>
          <dt>{t('detailLastIp')}</dt>
          <dd className="break-all">{row.lastIp ?? notKnown}</dd>
          <dt>{t('detailRemembered')}</dt>
          <dd>{t(remembered ? 'yes' : 'no')}</dd>
        </dl>
      </details>
    </li>
  );
}
