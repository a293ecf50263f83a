import { getTranslations } from 'next-intl/server';
import { signInStartPath } from '@/lib/auth/return-path';

/**
 * The way in: a plain link to the route that starts next-auth's sign-in on the server (app/(site)/sign-in/start),
 * so one click (or Enter) goes straight to the pool's sign-in page and back to `callbackUrl` afterwards.
 * No script needed. A plain <a>, not next/link: prefetching it would start sign-ins nobody asked for.
 */
export async function SignInLink({ callbackUrl, label }: { callbackUrl: string; label?: string }) {
  const t = await getTranslations('signIn');
  return (
    <a
      href={signInStartPath(callbackUrl)}
      className="inline-block rounded-md bg-indigo-700 px-5 py-2.5 font-medium text-white no-underline hover:bg-indigo-800 dark:bg-indigo-400 dark:text-zinc-950 dark:hover:bg-indigo-300"
    >
      {label ?? t('action')}
    </a>
  );
}
