import { rememberResume, takeResume } from '@/lib/step-up/resume-storage';
import { withoutResume, withResume } from '@/lib/step-up/resume-url';
import { signInAgain } from './sign-in-again';

/*
 * What PortalStepUp does only after "Confirm it's you" (keep the intent, sign in again) or on the
 * way back (`?resume=`, take the intent): loaded then, not with every Security page.
 */
export { rememberResume, signInAgain, takeResume, withoutResume, withResume };
