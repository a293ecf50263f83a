import { getTranslations } from 'next-intl/server';
import { signOut } from '@/lib/auth/sign-out';
import { SubmitButton } from '@/components/ui/submit-button';

/** Works without JavaScript: a plain form posting to the sign-out server action. */
export async function SignOutForm() {
  const t = await getTranslations('common');
  return (
    <form action={signOut}>
      <SubmitButton pendingLabel={t('signingOut')}>{t('signOut')}</SubmitButton>
    </form>
  );
}
