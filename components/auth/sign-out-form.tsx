import { signOut } from '@/lib/auth/sign-out';
import { SubmitButton } from '@/components/ui/submit-button';

/** Works without JavaScript: a plain form posting to the sign-out server action. */
export function SignOutForm() {
  return (
    <form action={signOut}>
      <SubmitButton pendingLabel="Signing out…">Sign out</SubmitButton>
    </form>
  );
}
