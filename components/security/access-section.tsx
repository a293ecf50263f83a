import { SignOutEverywhereButton } from '@/components/devices/sign-out-everywhere-button';
import { lifetimeWords } from '@/lib/format/security-summary';
import { ACCESS_CHANGE_PASSWORD, ACCESS_HEADING, ACCESS_WHAT_IT_DOES, accessWhatItDoesNot, LIFETIME_UNKNOWN } from '@/lib/format/security-page-messages';

/**
 * The end of the Security page, for when something looks wrong: "Sign out everywhere", quietly
 * styled (it is rarely needed), with what it does and what it cannot do. `accessTokenLifetime`
 * is this session's access token's exp − iat, the pool's setting as the tokens carry it.
 */
export function AccessSection({ accessTokenLifetime }: { accessTokenLifetime: number | null }) {
  return (
    <section aria-labelledby="access-heading" className="space-y-3 border-t border-zinc-200 pt-6 dark:border-zinc-800">
      <h2 id="access-heading" className="text-lg font-semibold">
        {ACCESS_HEADING}
      </h2>
      <div className="space-y-2 text-sm text-zinc-700 dark:text-zinc-300">
        <p>{ACCESS_WHAT_IT_DOES}</p>
        <p>{accessWhatItDoesNot(lifetimeWords(accessTokenLifetime) ?? LIFETIME_UNKNOWN)}</p>
        <p>{ACCESS_CHANGE_PASSWORD}</p>
      </div>
      <SignOutEverywhereButton />
    </section>
  );
}
