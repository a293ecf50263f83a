import type { PoolSignInPage } from '../pages/pool-sign-in-page';
import type { PortalSignInPage } from '../pages/portal-sign-in-page';
import type { SecurityPage } from '../pages/security-page';

type Pages = { securityPage: SecurityPage; portalSignInPage: PortalSignInPage; poolSignInPage: PoolSignInPage };

/** Opens /security signed out, signs in at the pool with a password, and waits for the page to greet the person. */
export async function signInFromSecurityPage({ securityPage, portalSignInPage, poolSignInPage }: Pages, user: { username: string; password: string; name: string }) {
  await securityPage.goto();
  await portalSignInPage.expectShown('/security');
  await portalSignInPage.signInButton.click();
  await poolSignInPage.signIn(user);
  await securityPage.expectSignedInAs(user.name);
}
