import { listDevicesOnce, listPasskeysOnce } from '@/lib/cognito/security-lists';
import { canSignInWithoutPassword, nextStep } from '@/lib/format/security-summary';
import { getFormatter, getTranslations } from 'next-intl/server';
import { NEXT_STEP_KEYS } from '@/lib/format/security-summary';

const settled = <T,>(promise: Promise<T>): Promise<T | null> => promise.catch(() => null);

const CARD = 'rounded-lg border border-zinc-300 p-4 dark:border-zinc-700';

/**
 * The top of the Security page: how many passkeys and devices, whether the person can sign in
 * without a password, and the one thing to do next, if any. It reads the lists the sections
 * read (once per request, see lib/cognito/security-lists.ts): no Cognito call of its own. A list
 * that failed to load is said here in a word; its section says why.
 */
export async function SecuritySummary({ accessToken }: { accessToken: string }) {
  const [passkeys, devices, t] = await Promise.all([settled(listPasskeysOnce(accessToken)), settled(listDevicesOnce(accessToken)), getTranslations('security')]);
  /** "1", "20", or "More than 20" when the list was cut short. */
  const format = await getFormatter();
  const countWords = (count: number, complete: boolean) => (complete ? format.number(count) : t('moreThan', { count }));
  const passkeyCount = passkeys ? passkeys.passkeys.length : null;
  const passwordless = canSignInWithoutPassword(passkeyCount);
  const step = nextStep(passkeyCount);
  return (
    <section aria-labelledby="summary-heading" className={`space-y-3 ${CARD}`} data-testid="security-summary">
      <h2 id="summary-heading" className="sr-only">
        {t('summaryHeading')}
      </h2>
      <dl className="grid grid-cols-3 gap-3 text-center">
        <div>
          <dt className="text-sm text-zinc-600 dark:text-zinc-400">{t('passkeysTerm')}</dt>
          <dd className="text-2xl font-semibold" data-fact="passkeys">
            {passkeys ? countWords(passkeys.passkeys.length, !passkeys.truncated) : <span className="text-sm font-normal">{t('notLoaded')}</span>}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-zinc-600 dark:text-zinc-400">{t('devicesTerm')}</dt>
          <dd className="text-2xl font-semibold" data-fact="devices">
            {devices ? countWords(devices.devices.length, devices.complete) : <span className="text-sm font-normal">{t('notLoaded')}</span>}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-zinc-600 dark:text-zinc-400">{t('passwordlessTerm')}</dt>
          <dd className="mt-1 font-semibold" data-fact="passwordless">
            {passwordless === null ? <span className="text-sm font-normal">{t('notLoaded')}</span> : passwordless ? t('passwordlessYes') : t('passwordlessNo')}
          </dd>
        </div>
      </dl>
      {step ? (
        <p data-testid="next-step" className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-amber-50 px-3 py-2 text-amber-950 dark:bg-amber-950 dark:text-amber-50">
          <span>{t(NEXT_STEP_KEYS[step])}</span>
          <a href="#passkeys-heading" className="font-medium underline underline-offset-4">
            {t('nextStepAction')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** Its place while the lists load: the same box, so nothing below moves when it arrives. */
export async function SecuritySummarySkeleton() {
  const t = await getTranslations('security');
  return (
    <div role="status" className={CARD}>
      <span className="sr-only">{t('summaryLoading')}</span>
      <div aria-hidden="true" className="grid grid-cols-3 gap-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="flex flex-col items-center gap-2">
            <div className="h-5 w-20 animate-pulse rounded bg-zinc-200 motion-reduce:animate-none dark:bg-zinc-700" />
            <div className="h-8 w-10 animate-pulse rounded bg-zinc-200 motion-reduce:animate-none dark:bg-zinc-700" />
          </div>
        ))}
      </div>
    </div>
  );
}
