import { expect, isolatedTest as test } from './fixtures';
import { EmbedHostPage } from './pages/embed-host-page';
import { withExampleHost } from './support/example-host';
import { isolatedPort } from './support/isolated-portal';
import { VirtualAuthenticator } from './support/virtual-authenticator';

// The embedded view on two portal instances behind the round-robin proxy (as e2e/many-instances.spec.ts):
// its two-window sign-in (the handoff, redeemed with the view's proof of possession) and a step-up
// through it, every request going to the other instance. Its own pair: sign-ins count as recent for
// a short while only, and an example host of its own (another site) may embed it.

const STEP_UP_MAX_AGE_SECONDS = 15;
const EMBED_HOST = { address: '127.0.0.1', port: isolatedPort(4320) };
const EMBED_HOST_ORIGIN = `http://${EMBED_HOST.address}:${EMBED_HOST.port}`;

test.use({
  isolatedPortalOptions: { port: 3120, instances: 2, env: { STEP_UP_MAX_AGE: String(STEP_UP_MAX_AGE_SECONDS), EMBED_ALLOWED_ORIGINS: EMBED_HOST_ORIGIN } },
});

/** The requests that carry the embed's sign-in, its handoff and its changes (not pages' assets). */
const FLOW = /^\/(api\/auth-popup\/|embed\/session|embed\/security)/;

test('the embedded view signs in through its two windows and confirms it’s them for a delete, every request alternating instances', async ({ page, user, isolatedPortal }) => {
  test.setTimeout(120_000);
  await withExampleHost(EMBED_HOST, isolatedPortal.portalUrl, async () => {
    await VirtualAuthenticator.attach(page);
    const host = new EmbedHostPage(page, isolatedPortal.pool.endpoint);
    const before = isolatedPortal.served.length;
    await host.open(EMBED_HOST_ORIGIN);
    await host.signInThroughPopup(user);
    const signedInAt = Date.now(); // after: the sign-in itself happened somewhere in the two windows' round trip
    await expect(host.event('signed-in')).toHaveCount(1);
    await expect(host.view.getByText('You have no passkeys yet.')).toBeVisible();
    await host.addPasskeyButton.click(); // a fresh sign-in needs no confirmation
    await expect(host.passkeyStatus).toContainText('Passkey added');
    await expect(host.view.getByRole('region', { name: 'Passkeys' }).getByRole('button', { name: /^Actions for / })).toHaveCount(1);
    expect(await isolatedPortal.poolDriver.passkeys(user.username)).toHaveLength(1);
    await page.waitForTimeout(Math.max(0, signedInAt + (STEP_UP_MAX_AGE_SECONDS + 2) * 1000 - Date.now()));

    // No longer recent: the delete asks to confirm it's them, through the same two windows.
    await host.view.getByRole('region', { name: 'Passkeys' }).getByRole('button', { name: /^Actions for / }).click();
    await host.view.getByRole('menuitem', { name: 'Delete' }).click();
    await host.dialog.getByRole('button', { name: 'Delete passkey' }).click();
    await expect(host.confirmDialog).toBeVisible();
    expect(await isolatedPortal.poolDriver.passkeys(user.username)).toHaveLength(1);
    await host.confirmItsYouThroughPopup(user);

    await expect(host.dialog).toHaveAccessibleName(/^Delete the passkey/);
    await host.dialog.getByRole('button', { name: 'Delete passkey' }).click();
    await expect(host.passkeyStatus).toContainText('deleted');
    await expect(host.event('passkey-deleted')).toHaveCount(1);
    await expect(host.view.getByText('You have no passkeys yet.')).toBeVisible();
    expect(await isolatedPortal.poolDriver.passkeys(user.username)).toHaveLength(0);
    await expect(host.event('error')).toHaveCount(0);

    const served = isolatedPortal.served.slice(before);
    // Strict alternation, and the flow's own requests (windows, callbacks, handoff redemptions, actions) reached both instances.
    served.forEach((request, i) => expect(request.instance).toBe((served[0].instance + i) % 2));
    const flow = served.filter((r) => FLOW.test(r.path));
    expect(new Set(flow.map((r) => r.instance))).toEqual(new Set([0, 1]));
    const redemptions = flow.filter((r) => r.method === 'POST' && r.path.startsWith('/embed/session'));
    expect(redemptions).toHaveLength(2); // the sign-in's and the step-up's
  });
});
