import Link from 'next/link';
import { SignInLink } from '@/components/auth/sign-in-link';
import { getPortalSession } from '@/lib/auth/session';

export default async function HomePage() {
  const session = await getPortalSession();
  return (
    <div className="space-y-8">
      <section aria-labelledby="intro-heading" className="space-y-4">
        <h1 id="intro-heading" className="text-3xl font-bold tracking-tight">
          Keep your account secure
        </h1>
        <p className="text-lg text-zinc-700 dark:text-zinc-300">
          This portal is where you look after how you sign in to your organisation&apos;s account. Sign in with your
          usual username and password to see your security settings.
        </p>
        <ul className="list-disc space-y-1 pl-6 text-zinc-700 dark:text-zinc-300">
          <li>Add passkeys, so you can sign in with your fingerprint, face or device PIN.</li>
          <li>See the devices that are remembered for your account, and forget the ones you no longer use.</li>
          <li>Sign out when you are done; your sign-in ends everywhere it was used from this portal.</li>
        </ul>
      </section>
      {session ? (
        <p>
          <Link href="/security" className="font-medium text-indigo-700 underline underline-offset-4 dark:text-indigo-300">
            Go to your security settings
          </Link>
        </p>
      ) : (
        <p>
          <SignInLink callbackUrl="/security" />
        </p>
      )}
    </div>
  );
}
