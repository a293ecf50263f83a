import type { PoolSignInPage } from '../pages/pool-sign-in-page';
import type { PortalSignInPage } from '../pages/portal-sign-in-page';
import type { SecurityPage } from '../pages/security-page';

type Pages = { securityPage: SecurityPage; portalSignInPage: PortalSignInPage; poolSignInPage: PoolSignInPage };

/**
 * Opens /security signed out, which goes straight to the pool's sign-in page (the portal's own
 * sign-in page is skipped), signs in there with a password, and waits for the page to greet the person.
 */
export async function signInFromSecurityPage({ securityPage, poolSignInPage }: Pages, user: { username: string; password: string; name: string }) {
  await securityPage.goto();
  await poolSignInPage.signIn(user);
  await securityPage.expectSignedInAs(user.name);
}
